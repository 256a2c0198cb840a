package benchkit

import (
	"slices"
	"time"
)

// Stalls is how late a 1 ms sleep woke, repeated for a while with nothing
// else running in the process: a measure of the machine, not of Kith. On a
// shared virtual machine the host sometimes takes the processor away for
// tens of milliseconds, which no server on it can hide from a p99.
type Stalls struct {
	Sleeps   int
	P99, Max time.Duration // lateness
	Over5ms  int           // sleeps that woke more than StallLate late
}

// StallLate is how late a wake-up or a request's sending must be to count
// as held up by the machine rather than by timers or pacing: the bench's
// pacer sends p99 0.3 ms late. An independent process of 1 ms sleeps beside
// a load, measured in one session, stalled at the same moments as the load
// client's late sends, and by as much (13–26 ms).
const StallLate = 5 * time.Millisecond

// ProbeStalls sleeps 1 ms at a time for d and reports the lateness.
func ProbeStalls(d time.Duration) Stalls {
	var late []time.Duration
	for end := time.Now().Add(d); time.Now().Before(end); {
		t := time.Now()
		time.Sleep(time.Millisecond)
		late = append(late, time.Since(t)-time.Millisecond)
	}
	slices.Sort(late)
	s := Stalls{Sleeps: len(late)}
	if len(late) == 0 {
		return s
	}
	s.P99, s.Max = late[len(late)*99/100], late[len(late)-1]
	for _, l := range late {
		if l > StallLate {
			s.Over5ms++
		}
	}
	return s
}
