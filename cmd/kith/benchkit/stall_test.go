package benchkit

import (
	"testing"
	"time"
)

func TestProbeStallsCountsEverySleep(t *testing.T) {
	s := ProbeStalls(50 * time.Millisecond)
	// A sleep takes at least 1 ms, so 50 ms hold at most 50; a machine
	// that never woke the process would hold none.
	if s.Sleeps < 1 || s.Sleeps > 50 || s.Max < s.P99 || s.P99 < 0 {
		t.Fatalf("%+v", s)
	}
}
