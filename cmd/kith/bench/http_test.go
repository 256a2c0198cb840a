package bench

import (
	"testing"
	"time"

	"kith/cmd/kith/benchkit"
)

// The open loop's summary says how late the client sent requests, and how
// many it sent so late that the machine, not its pacing, held them up.
func TestOpenLoopCountsRequestsSentLate(t *testing.T) {
	msec := func(f float64) time.Duration { return time.Duration(f * float64(time.Millisecond)) }
	for name, c := range map[string]struct {
		lags     []time.Duration
		max      time.Duration
		sentLate int
	}{
		"on time":          {lags: []time.Duration{msec(0.1), msec(0.2), msec(0.3)}, max: msec(0.3)},
		"at the bound":     {lags: []time.Duration{msec(0.1), benchkit.StallLate}, max: benchkit.StallLate},
		"a stall of two":   {lags: []time.Duration{msec(0.1), msec(12), msec(7), msec(0.2)}, max: msec(12), sentLate: 2},
		"nothing was sent": {},
	} {
		rec := recording{Lag: c.lags, Took: c.lags, Due: make([]time.Duration, len(c.lags)), Elapsed: time.Second}
		hr := rec.run()
		if hr.LagMax != c.max || hr.SentLate != c.sentLate {
			t.Errorf("%s: max %v, %d sent late; want %v, %d", name, hr.LagMax, hr.SentLate, c.max, c.sentLate)
		}
	}
}
