package oruk

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"kith/directory"
)

// addSchedule maps one session and appends it, or notes why it cannot be
// shown and leaves it out.
func (b *build) addSchedule(list []directory.Schedule, s object, locationID string) []directory.Schedule {
	sched, why := b.schedule(s)
	if why != "" {
		b.fix("a session was left out: %s", why)
		return list
	}
	sched.ID = b.childID("schedule", s.text("id"), len(list))
	sched.LocationID = locationID
	return append(list, sched)
}

// schedule reads an RFC 5545-like recurrence as Kith keeps it: weekly on
// some days, or monthly on ordinal weekdays. It says why when it cannot.
func (b *build) schedule(s object) (directory.Schedule, string) {
	days, why := byDays(s.text("byday"))
	if why != "" {
		return directory.Schedule{}, why
	}
	freq, days, why := frequency(strings.ToUpper(s.text("freq")), days, s.text("bymonthday"))
	if why != "" {
		return directory.Schedule{}, why
	}
	opens, ok1 := clock(s.text("opens_at"))
	closes, ok2 := clock(s.text("closes_at"))
	switch {
	case !ok1 || !ok2:
		return directory.Schedule{}, "it has no usable opening and closing times"
	case closes <= opens:
		return directory.Schedule{}, fmt.Sprintf("it closes (%s) before it opens (%s)", closes, opens)
	}
	sched := directory.Schedule{Freq: freq, ByDay: days, OpensAt: opens, ClosesAt: closes,
		ValidFrom: date(s.text("valid_from", "dtstart")), ValidTo: date(s.text("valid_to", "until"))}
	if sched.ValidFrom != "" && sched.ValidTo != "" && sched.ValidTo < sched.ValidFrom {
		sched.ValidTo = ""
	}
	sched.Description = b.prose("session description", sessionNote(s, freq), nameLimit)
	return sched, ""
}

// frequency settles WEEKLY or MONTHLY from the feed's freq and days: an
// ordinal day (1MO) only makes sense monthly, a plain day only weekly, and
// DAILY is every day of the week.
func frequency(freq string, days []string, monthDays string) (string, []string, string) {
	ordinal := len(days) > 0 && len(days[0]) > 2
	switch {
	case freq == "DAILY" && len(days) == 0:
		return "WEEKLY", []string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}, ""
	case freq != "" && freq != "DAILY" && freq != "WEEKLY" && freq != "MONTHLY":
		return "", nil, fmt.Sprintf("it repeats %s, which Kith cannot show", strings.ToLower(freq))
	case len(days) == 0 && monthDays != "":
		return "", nil, fmt.Sprintf("it meets on days of the month (%s), which Kith cannot show", monthDays)
	case len(days) == 0:
		return "", nil, "it names no days"
	case ordinal:
		return "MONTHLY", days, ""
	}
	return "WEEKLY", days, ""
}

var (
	rfcDay   = regexp.MustCompile(`^\+?(-1|[1-5])?(MO|TU|WE|TH|FR|SA|SU)$`)
	dayNames = map[string]string{
		"MONDAY": "MO", "TUESDAY": "TU", "WEDNESDAY": "WE", "THURSDAY": "TH", "FRIDAY": "FR",
		"SATURDAY": "SA", "SUNDAY": "SU", "MON": "MO", "TUE": "TU", "TUES": "TU", "WED": "WE",
		"THU": "TH", "THUR": "TH", "THURS": "TH", "FRI": "FR", "SAT": "SA", "SUN": "SU",
	}
)

// byDays reads "MO,TU", "1TU", "-1FR" or day names. Mixing ordinal and
// plain days in one session is refused: Kith keeps one frequency per session.
func byDays(s string) ([]string, string) {
	var days []string
	for _, tok := range strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		if d, ok := dayNames[tok]; ok {
			tok = d
		}
		m := rfcDay.FindStringSubmatch(tok)
		if m == nil {
			return nil, fmt.Sprintf("%q is not a day", tok)
		}
		day := m[1] + m[2]
		if len(days) > 0 && (len(days[0]) > 2) != (m[1] != "") {
			return nil, "it mixes weekly and monthly days"
		}
		if !slices.Contains(days, day) {
			days = append(days, day)
		}
	}
	return days, ""
}

var clockPattern = regexp.MustCompile(`^(\d{1,2})[:.]?(\d{2})`)

// clock reads "10:00", "10:00:00", "9.30" or "0930" as HH:MM. Midnight
// written as 24:00 becomes 23:59, the last minute Kith can store.
func clock(s string) (string, bool) {
	m := clockPattern.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	h, _ := strconv.Atoi(m[1])
	min, _ := strconv.Atoi(m[2])
	switch {
	case h == 24 && min == 0:
		return "23:59", true
	case h > 23 || min > 59:
		return "", false
	}
	return fmt.Sprintf("%02d:%02d", h, min), true
}

// date reads an ISO date (with or without a time) or a British dd/mm/yyyy.
func date(s string) string {
	for _, layout := range []string{time.DateOnly, "02/01/2006"} {
		if len(s) >= len(layout) {
			if t, err := time.Parse(layout, s[:len(layout)]); err == nil {
				return t.Format(time.DateOnly)
			}
		}
	}
	return ""
}

// sessionNote keeps what the session's own words say, and says so when the
// session meets less often than every week or month, which Kith cannot
// otherwise show.
func sessionNote(s object, freq string) string {
	parts := nonEmpty([]string{s.text("description"), s.text("notes")})
	if n, ok := s.number("interval"); ok && n > 1 {
		unit := map[string]string{"WEEKLY": "weeks", "MONTHLY": "months"}[freq]
		parts = append([]string{fmt.Sprintf("Every %d %s.", int(n), unit)}, parts...)
	}
	return strings.Join(parts, " ")
}
