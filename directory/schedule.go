package directory

import (
	"strconv"
	"time"
	_ "time/tzdata" // sessions are local to England wherever Kith runs
)

// London is the time zone sessions are written and shown in.
var London = mustLocation("Europe/London")

func mustLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

var rfcDays = map[string]time.Weekday{
	"MO": time.Monday, "TU": time.Tuesday, "WE": time.Wednesday, "TH": time.Thursday,
	"FR": time.Friday, "SA": time.Saturday, "SU": time.Sunday,
}

// NextSession returns when the earliest of the schedules next starts after
// now, in London time, looking at most ten weeks ahead; ok is false when
// none does.
func NextSession(schedules []Schedule, now time.Time) (next time.Time, ok bool) {
	local := now.In(London)
	day := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, London)
	for i := 0; i < 70; i++ {
		date := day.AddDate(0, 0, i)
		for _, s := range schedules {
			start, on := s.startOn(date)
			if on && start.After(now) && (!ok || start.Before(next)) {
				next, ok = start, true
			}
		}
		if ok {
			return next, true
		}
	}
	return time.Time{}, false
}

// startOn returns the session's start on date (midnight London) if it meets
// that day.
func (s Schedule) startOn(date time.Time) (time.Time, bool) {
	iso := date.Format(time.DateOnly)
	if (s.ValidFrom != "" && iso < s.ValidFrom) || (s.ValidTo != "" && iso > s.ValidTo) {
		return time.Time{}, false
	}
	for _, d := range s.ByDay {
		if s.meetsOn(d, date) {
			hh, _ := strconv.Atoi(s.OpensAt[:2])
			mm, _ := strconv.Atoi(s.OpensAt[3:5])
			return time.Date(date.Year(), date.Month(), date.Day(), hh, mm, 0, 0, London), true
		}
	}
	return time.Time{}, false
}

// meetsOn reads one byday entry: TU every week; 2TU the second Tuesday of
// the month; -1TU the last.
func (s Schedule) meetsOn(byday string, date time.Time) bool {
	if len(byday) < 2 || len(s.OpensAt) < 5 {
		return false
	}
	wd, known := rfcDays[byday[len(byday)-2:]]
	if !known || date.Weekday() != wd {
		return false
	}
	if s.Freq != "MONTHLY" {
		return true
	}
	n, err := strconv.Atoi(byday[:len(byday)-2])
	if err != nil {
		return false
	}
	if n > 0 {
		return (date.Day()-1)/7+1 == n
	}
	return date.AddDate(0, 0, 7).Month() != date.Month() && n == -1
}
