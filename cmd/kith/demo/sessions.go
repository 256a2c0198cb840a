package demo

import (
	"fmt"
	"strings"

	"kith/directory"
)

// slotTimes are the hours community groups actually keep.
var slotTimes = map[string][][2]string{
	"am":    {{"09:30", "11:30"}, {"10:00", "12:00"}, {"09:30", "12:00"}, {"10:00", "11:30"}, {"10:30", "12:00"}},
	"pm":    {{"13:00", "15:00"}, {"13:30", "15:30"}, {"14:00", "16:00"}, {"13:00", "16:00"}, {"13:30", "15:00"}},
	"eve":   {{"18:00", "20:00"}, {"18:30", "20:30"}, {"19:00", "21:00"}, {"18:00", "19:30"}, {"19:00", "20:30"}},
	"lunch": {{"11:30", "13:30"}, {"12:00", "14:00"}, {"11:45", "13:30"}},
	"day":   {{"09:00", "17:00"}, {"09:30", "16:30"}, {"10:00", "16:00"}, {"09:00", "16:00"}},
	"wkend": {{"10:00", "12:00"}, {"10:00", "13:00"}, {"13:00", "15:00"}},
}

var (
	weekdays = []string{"MO", "TU", "WE", "TH", "FR"}
	dayNames = map[string]string{"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday",
		"FR": "Friday", "SA": "Saturday", "SU": "Sunday"}
	ordinals = map[string]string{"1": "first", "2": "second", "3": "third", "4": "fourth", "-1": "last"}
)

// sessions draws a listing's timetable: office hours for phone lines and
// home visits, otherwise one to three weekly sessions or, now and then, a
// monthly one. Schedules alternate between the listing's venues.
func (b *builder) sessions(t *tpl, key string, locs []directory.Location) []directory.Schedule {
	slots := strings.Fields(t.slots)
	if slots[0] == "day" && (t.remote() || len(slots) == 1) {
		return []directory.Schedule{b.officeHours(key, 0)}
	}
	if slots[0] == "day" {
		slots = slots[1:]
	}
	n := 1
	switch r := b.d.r.Float64(); {
	case len(locs) > 1 || r < 0.07:
		n = 2 + b.d.r.IntN(2)
	case r < 0.35:
		n = 2
	}
	days := pickN(b.d, weekdays, n)
	sortDays(days)
	weekend := b.d.r.IntN(2)
	var out []directory.Schedule
	for i := range n {
		slot := pick(b.d, slots)
		day := days[i]
		if slot == "wkend" {
			day = []string{"SA", "SU"}[(weekend+i)%2]
		}
		s := b.session(key, i, slot, day, n == 1 && !t.weekly)
		if len(locs) > 0 {
			s.LocationID = locs[i%len(locs)].ID
		}
		out = append(out, s)
	}
	return out
}

func (b *builder) officeHours(key string, i int) directory.Schedule {
	t := pick(b.d, slotTimes["day"])
	days := weekdays
	if b.d.chance(0.2) {
		days = weekdays[:4]
	}
	return directory.Schedule{ID: newID("schedule", key, fmt.Sprint(i)), Freq: "WEEKLY",
		ByDay: days, OpensAt: t[0], ClosesAt: t[1]}
}

// session is one recurring meeting. A group that meets once a week (and is
// not a course) may meet monthly instead, on a day such as the first Tuesday
// or the last Friday, or on two weekdays.
func (b *builder) session(key string, i int, slot, day string, only bool) directory.Schedule {
	t := pick(b.d, slotTimes[slot])
	s := directory.Schedule{ID: newID("schedule", key, fmt.Sprint(i)), Freq: "WEEKLY",
		ByDay: []string{day}, OpensAt: t[0], ClosesAt: t[1]}
	switch {
	case slot == "wkend":
	case only && b.d.chance(0.12):
		s.Freq = "MONTHLY"
		s.ByDay = []string{pick(b.d, []string{"1", "2", "3", "-1"}) + day}
	case only && b.d.chance(0.08):
		s.ByDay = pickN(b.d, weekdays, 2)
		sortDays(s.ByDay)
	}
	return s
}

func sortDays(days []string) {
	order := "MOTUWETHFRSASU"
	for i := 1; i < len(days); i++ {
		for j := i; j > 0 && strings.Index(order, days[j]) < strings.Index(order, days[j-1]); j-- {
			days[j], days[j-1] = days[j-1], days[j]
		}
	}
}

// when says in words when a listing meets: "every Tuesday morning and every
// Friday afternoon", "on the first Tuesday of the month".
func when(ss []directory.Schedule) string {
	var parts []string
	for i := 0; i < len(ss); {
		run := sameWeeklyPart(ss[i:])
		if run < 2 {
			parts = append(parts, whenOne(ss[i]))
			i++
			continue
		}
		days := make([]string, run)
		for j := range run {
			days[j] = dayNames[ss[i+j].ByDay[0]]
		}
		parts = append(parts, "every "+joinAnd(days)+" "+partOfDay(ss[i].OpensAt))
		i += run
	}
	return joinAnd(parts)
}

// sameWeeklyPart counts the leading weekly one-day sessions that share a
// part of the day, so "every Tuesday afternoon and every Wednesday
// afternoon" can read "every Tuesday and Wednesday afternoon".
func sameWeeklyPart(ss []directory.Schedule) int {
	n := 0
	for _, s := range ss {
		if s.Freq != "WEEKLY" || len(s.ByDay) != 1 || partOfDay(s.OpensAt) != partOfDay(ss[0].OpensAt) {
			break
		}
		n++
	}
	return n
}

func whenOne(s directory.Schedule) string {
	part := partOfDay(s.OpensAt)
	switch {
	case s.Freq == "MONTHLY":
		ord, day := splitOrdinal(s.ByDay[0])
		return fmt.Sprintf("on the %s %s of the month", ordinals[ord], dayNames[day])
	case len(s.ByDay) >= 4:
		return fmt.Sprintf("%s to %s", dayNames[s.ByDay[0]], dayNames[s.ByDay[len(s.ByDay)-1]])
	case len(s.ByDay) > 1:
		names := make([]string, len(s.ByDay))
		for i, d := range s.ByDay {
			names[i] = dayNames[d]
		}
		return fmt.Sprintf("on %s %ss", joinAnd(names), part)
	}
	return fmt.Sprintf("every %s %s", dayNames[s.ByDay[0]], part)
}

// hours says when a phone line or office is open: "from 9am to 5pm, Monday
// to Friday", "on Tuesdays from 6pm to 8pm".
func hours(ss []directory.Schedule) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		span := fmt.Sprintf("from %s to %s", clock(s.OpensAt), clock(s.ClosesAt))
		switch {
		case s.Freq == "MONTHLY":
			parts[i] = whenOne(s) + " " + span
		case len(s.ByDay) >= 4:
			parts[i] = span + ", " + whenOne(s)
		default:
			days := make([]string, len(s.ByDay))
			for j, d := range s.ByDay {
				days[j] = dayNames[d] + "s"
			}
			parts[i] = "on " + joinAnd(days) + " " + span
		}
	}
	return joinAnd(parts)
}

// dayOf names the first day a listing meets, for names like "Tuesday Striders".
func dayOf(ss []directory.Schedule) string {
	_, day := splitOrdinal(ss[0].ByDay[0])
	return dayNames[day]
}

func splitOrdinal(byday string) (string, string) {
	return byday[:len(byday)-2], byday[len(byday)-2:]
}

func partOfDay(opens string) string {
	switch {
	case opens >= "17:00":
		return "evening"
	case opens >= "11:30" && opens < "12:30":
		return "lunchtime"
	case opens >= "12:30":
		return "afternoon"
	}
	return "morning"
}

// clock writes 09:30 as 9.30am and 12:00 as 12 noon, as British leaflets do.
func clock(hhmm string) string {
	var h, m int
	fmt.Sscanf(hhmm, "%d:%d", &h, &m)
	if h == 12 && m == 0 {
		return "12 noon"
	}
	suffix := "am"
	if h >= 12 {
		suffix = "pm"
	}
	if h > 12 {
		h -= 12
	}
	if m == 0 {
		return fmt.Sprintf("%d%s", h, suffix)
	}
	return fmt.Sprintf("%d.%02d%s", h, m, suffix)
}

func joinAnd(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
