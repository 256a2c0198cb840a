package oruk

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"kith/directory"
)

// The spreadsheet's sessions column, as people write them:
//
//	Tue 10:00-11:00
//	Mon, Wed 18:30-20:00
//	Mon-Fri 9am-5pm
//	1st Sat 13:30-15:30
//	last Fri 14:00-16:00
//
// several separated by semicolons.
var (
	sessionPattern = regexp.MustCompile(`^(?i)(?:(1st|2nd|3rd|4th|5th|last|first|second|third|fourth|fifth)\s+)?([a-z ,-]+?)\s+(\S+?)\s*(?:-|–|to)\s*(\S+)$`)
	hourPattern    = regexp.MustCompile(`^(?i)(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$`)
	ordinals       = map[string]string{"1st": "1", "first": "1", "2nd": "2", "second": "2", "3rd": "3", "third": "3",
		"4th": "4", "fourth": "4", "5th": "5", "fifth": "5", "last": "-1"}
	weekOrder = []string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}
)

// ParseSessions reads the sessions column into schedules without ids.
func ParseSessions(s string) ([]directory.Schedule, error) {
	var out []directory.Schedule
	for _, part := range strings.Split(s, ";") {
		part = strings.Join(strings.Fields(part), " ")
		if part == "" {
			continue
		}
		sched, err := parseSession(part)
		if err != nil {
			return nil, fmt.Errorf("%q: %w", part, err)
		}
		out = append(out, sched)
	}
	return out, nil
}

func parseSession(s string) (directory.Schedule, error) {
	m := sessionPattern.FindStringSubmatch(s)
	if m == nil {
		return directory.Schedule{}, fmt.Errorf("write a session like \"Tue 10:00-11:00\" or \"1st Sat 13:30-15:30\"")
	}
	days, err := dayList(m[2])
	if err != nil {
		return directory.Schedule{}, err
	}
	opens, ok1 := hour(m[3])
	closes, ok2 := hour(m[4])
	switch {
	case !ok1 || !ok2:
		return directory.Schedule{}, fmt.Errorf("times must be like 10:00, 9.30 or 2pm")
	case closes <= opens:
		return directory.Schedule{}, fmt.Errorf("it must end after it starts")
	}
	sched := directory.Schedule{Freq: "WEEKLY", ByDay: days, OpensAt: opens, ClosesAt: closes}
	if ord := ordinals[strings.ToLower(m[1])]; ord != "" {
		sched.Freq = "MONTHLY"
		for i, d := range days {
			sched.ByDay[i] = ord + d
		}
	}
	return sched, nil
}

// dayList reads "Tue", "Mon, Wed" or "Mon-Fri".
func dayList(s string) ([]string, error) {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		from, to, isRange := strings.Cut(part, "-")
		a, okA := dayNames[strings.ToUpper(from)]
		b, okB := dayNames[strings.ToUpper(to)]
		switch {
		case !okA || (isRange && !okB):
			return nil, fmt.Errorf("%q is not a day of the week", part)
		case !isRange:
			out = append(out, a)
		default:
			out = append(out, dayRange(a, b)...)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("name the day")
	}
	return out, nil
}

func dayRange(from, to string) []string {
	var out []string
	for i := slices.Index(weekOrder, from); ; i = (i + 1) % 7 {
		out = append(out, weekOrder[i])
		if weekOrder[i] == to || len(out) == 7 {
			return out
		}
	}
}

// hour reads 10:00, 9.30, 9, 2pm or 12:30pm as HH:MM.
func hour(s string) (string, bool) {
	m := hourPattern.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	h, _ := strconv.Atoi(m[1])
	min, _ := strconv.Atoi(m[2])
	switch strings.ToLower(m[3]) {
	case "pm":
		if h < 12 {
			h += 12
		}
	case "am":
		if h == 12 {
			h = 0
		}
	}
	if h > 23 || min > 59 {
		return "", false
	}
	return fmt.Sprintf("%02d:%02d", h, min), true
}
