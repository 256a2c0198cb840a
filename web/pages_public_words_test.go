package web

import (
	"testing"

	"kith/directory"
)

func TestSessionWords(t *testing.T) {
	for _, tc := range []struct {
		s       directory.Schedule
		place   string
		several bool
		want    string
	}{
		{directory.Schedule{Freq: "WEEKLY", ByDay: []string{"WE"}, OpensAt: "10:30", ClosesAt: "12:00"}, "Hall", false,
			"Wednesdays, 10:30 to 12:00"},
		{directory.Schedule{Freq: "WEEKLY", ByDay: []string{"TU", "TH", "SA"}, OpensAt: "10:00", ClosesAt: "11:00"}, "Bandstand", true,
			"Tuesdays, Thursdays and Saturdays, 10:00 to 11:00, at Bandstand"},
		{directory.Schedule{Freq: "MONTHLY", ByDay: []string{"1SA"}, OpensAt: "13:30", ClosesAt: "15:30", ValidFrom: "2026-01-01"}, "", true,
			"The first Saturday of the month, 13:30 to 15:30, from 1 January 2026"},
		{directory.Schedule{Freq: "MONTHLY", ByDay: []string{"2MO", "-1FR"}, OpensAt: "18:00", ClosesAt: "20:00", ValidTo: "2026-12-31", Description: "not in August"}, "", false,
			"The second Monday and the last Friday of the month, 18:00 to 20:00, until 31 December 2026 (not in August)"},
	} {
		if got := sessionWords(tc.s, tc.place, tc.several); got != tc.want {
			t.Errorf("got  %q\nwant %q", got, tc.want)
		}
	}
}

func TestAgeAndCostWords(t *testing.T) {
	five, eleven, zero, fee := 5, 11, 0.0, 3.5
	for _, tc := range []struct{ got, want string }{
		{ageWords(&five, &eleven), "Ages 5 to 11"},
		{ageWords(&five, nil), "Ages 5 and over"},
		{ageWords(nil, &eleven), "Ages up to 11"},
		{ageWords(nil, nil), "All ages"},
		{costWords(directory.CostOption{Option: "Tea", Amount: &zero}), "Tea: free"},
		{costWords(directory.CostOption{Option: "Session", Amount: &fee, Description: "concessions half price"}), "Session: £3.50 (concessions half price)"},
		{costWords(directory.CostOption{}), "Cost: ask the group"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
