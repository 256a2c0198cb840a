//go:build !linux

package benchkit

import "time"

// lockPacingThread does nothing where Go's timers are all there is.
func lockPacingThread() {}

func sleepUntil(t time.Time) { time.Sleep(time.Until(t)) }
