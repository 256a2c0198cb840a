package web

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// FuzzParseDateBoxes: whatever is typed in the three date boxes, a date
// comes back only when it is the real calendar date the boxes say.
func FuzzParseDateBoxes(f *testing.F) {
	for _, seed := range [][3]string{{"9", "3", "1951"}, {"31", "2", "1990"}, {"29", "2", "2024"}, {"29", "2", "2023"},
		{"0", "1", "2000"}, {"1", "13", "2000"}, {"1", "1", "99"}, {"+1", "01", "2000"}, {"", "", ""}, {"1e1", "1", "2000"}} {
		f.Add(seed[0], seed[1], seed[2])
	}
	f.Fuzz(func(t *testing.T, day, month, year string) {
		got, ok := parseDateBoxes(day, month, year)
		if !ok {
			if got != "" {
				t.Fatalf("refused %q %q %q but returned %q", day, month, year, got)
			}
			return
		}
		d, err := time.Parse(time.DateOnly, got)
		if err != nil {
			t.Fatalf("%q %q %q gave %q, not a date: %v", day, month, year, got, err)
		}
		for _, part := range []struct {
			typed string
			want  int
		}{{day, d.Day()}, {month, int(d.Month())}, {year, d.Year()}} {
			n, err := strconv.Atoi(strings.TrimSpace(part.typed))
			if err != nil || n != part.want {
				t.Fatalf("%q %q %q gave %s, which does not match %q", day, month, year, got, part.typed)
			}
		}
	})
}
