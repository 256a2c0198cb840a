package referral

import (
	"testing"
	"time"
)

func TestRespondByCountsWorkingDays(t *testing.T) {
	day := func(d int, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		sent time.Time
		days int
		want string
	}{
		{"Monday, five days", day(2, 10), 5, "2026-03-09"},
		{"Friday, one day", day(6, 10), 1, "2026-03-09"},
		{"Friday, two days", day(6, 16), 2, "2026-03-10"},
		{"Saturday, one day", day(7, 10), 1, "2026-03-09"},
		{"Sunday, five days", day(8, 10), 5, "2026-03-13"},
		{"late Sunday UTC is Monday in London after the clocks change", day(29, 23), 1, "2026-03-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := respondBy(tt.sent, tt.days).Format(time.DateOnly); got != tt.want {
				t.Fatalf("respondBy(%v, %d) = %s, want %s", tt.sent, tt.days, got, tt.want)
			}
		})
	}
}

// TestOverdueCutoffsAgreeWithRespondBy checks the cutoffs SQL filters by
// say exactly what respondBy says, for every target and sending day.
func TestOverdueCutoffsAgreeWithRespondBy(t *testing.T) {
	for _, now := range []time.Time{time.Date(2026, 3, 11, 9, 0, 0, 0, time.UTC), time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)} {
		cutoffs := overdueCutoffs(now)
		for n := 1; n <= maxResponseDays; n++ {
			for back := 0; back < 120; back++ {
				sent := today(now).AddDate(0, 0, -back)
				byCutoff := sent.Format(time.DateOnly) <= cutoffs[n-1]
				if overdue := today(now).After(respondBy(sent, n)); overdue != byCutoff {
					t.Fatalf("now %v, target %d, sent %v: respondBy says overdue=%v, cutoff %s says %v",
						now, n, sent, overdue, cutoffs[n-1], byCutoff)
				}
			}
		}
	}
}
