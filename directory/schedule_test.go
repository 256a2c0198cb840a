package directory_test

import (
	"testing"
	"time"

	"kith/directory"
)

func TestNextSession(t *testing.T) {
	london := directory.London
	// Friday 20 November 2026, 11:00 in London.
	now := time.Date(2026, 11, 20, 11, 0, 0, 0, london)
	tests := []struct {
		name string
		s    []directory.Schedule
		want string // London time, "" for none
	}{
		{"later today", []directory.Schedule{{Freq: "WEEKLY", ByDay: []string{"FR"}, OpensAt: "14:00", ClosesAt: "15:00"}}, "2026-11-20 14:00"},
		{"earlier today means next week", []directory.Schedule{{Freq: "WEEKLY", ByDay: []string{"FR"}, OpensAt: "09:00", ClosesAt: "10:00"}}, "2026-11-27 09:00"},
		{"next Tuesday", []directory.Schedule{{Freq: "WEEKLY", ByDay: []string{"TU", "TH"}, OpensAt: "10:00", ClosesAt: "11:00"}}, "2026-11-24 10:00"},
		{"earliest of several", []directory.Schedule{
			{Freq: "WEEKLY", ByDay: []string{"MO"}, OpensAt: "18:00", ClosesAt: "20:00"},
			{Freq: "WEEKLY", ByDay: []string{"SA"}, OpensAt: "10:00", ClosesAt: "12:00"},
		}, "2026-11-21 10:00"},
		{"first Tuesday", []directory.Schedule{{Freq: "MONTHLY", ByDay: []string{"1TU"}, OpensAt: "13:30", ClosesAt: "15:00"}}, "2026-12-01 13:30"},
		{"last Friday", []directory.Schedule{{Freq: "MONTHLY", ByDay: []string{"-1FR"}, OpensAt: "19:00", ClosesAt: "21:00"}}, "2026-11-27 19:00"},
		{"third Wednesday", []directory.Schedule{{Freq: "MONTHLY", ByDay: []string{"3WE"}, OpensAt: "10:00", ClosesAt: "11:00"}}, "2026-12-16 10:00"},
		{"not started yet", []directory.Schedule{{Freq: "WEEKLY", ByDay: []string{"MO"}, OpensAt: "10:00", ClosesAt: "11:00", ValidFrom: "2026-12-01"}}, "2026-12-07 10:00"},
		{"ended", []directory.Schedule{{Freq: "WEEKLY", ByDay: []string{"MO"}, OpensAt: "10:00", ClosesAt: "11:00", ValidTo: "2026-11-01"}}, ""},
		{"none", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := directory.NextSession(tt.s, now)
			if tt.want == "" {
				if ok {
					t.Fatalf("got %v, want none", got)
				}
				return
			}
			if !ok || got.In(london).Format("2006-01-02 15:04") != tt.want {
				t.Fatalf("got %v (%v), want %s", got.In(london), ok, tt.want)
			}
		})
	}
}

// Sessions keep their wall-clock time across the change to summer time.
func TestNextSessionAcrossClockChange(t *testing.T) {
	now := time.Date(2027, 3, 27, 12, 0, 0, 0, time.UTC) // Saturday before BST starts
	s := []directory.Schedule{{Freq: "WEEKLY", ByDay: []string{"MO"}, OpensAt: "10:00", ClosesAt: "11:00"}}
	got, _ := directory.NextSession(s, now)
	if got.UTC().Hour() != 9 || got.In(directory.London).Hour() != 10 {
		t.Fatalf("got %v, want 10:00 BST (09:00 UTC)", got)
	}
}
