package benchkit

import (
	"runtime"
	"syscall"
	"time"
)

// prSetTimerSlack is prctl's PR_SET_TIMERSLACK: how late the kernel may
// wake the thread to batch wake-ups (50 µs unless set).
const prSetTimerSlack = 29

// lockPacingThread keeps the calling goroutine on its thread, with a timer
// slack of 1 ns. It never unlocks: the thread ends with the goroutine, so
// no other goroutine inherits the setting.
func lockPacingThread() {
	runtime.LockOSThread()
	syscall.RawSyscall(syscall.SYS_PRCTL, prSetTimerSlack, 1, 0)
}

// sleepUntil blocks the thread in nanosleep until t, sleeping again for
// what is left when a signal interrupts it.
func sleepUntil(t time.Time) {
	for d := time.Until(t); d > 0; d = time.Until(t) {
		ts := syscall.NsecToTimespec(d.Nanoseconds())
		syscall.Nanosleep(&ts, nil)
	}
}
