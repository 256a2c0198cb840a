package web

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"kith/directory"
)

// Session rows of the listing editor: one row per schedule, with the days
// it meets, how often (every week, or the nth of those days in a month),
// and its times. Rows are added and removed by posting the form, so the
// editor works without scripts.

// vcseSessionFields are the per-row controls, as "schedules[i].<field>".
var vcseSessionFields = []string{"id", "location_id", "byday", "week", "opens_at", "closes_at", "description", "valid_from", "valid_to"}

// vcseMaxSessions bounds the rows a posted form may claim to have.
const vcseMaxSessions = 50

var vcseDayNames = []option{
	{"MO", "Monday"}, {"TU", "Tuesday"}, {"WE", "Wednesday"}, {"TH", "Thursday"},
	{"FR", "Friday"}, {"SA", "Saturday"}, {"SU", "Sunday"},
}

var vcseWeekNames = []option{
	{"", "Every week"}, {"1", "First of the month"}, {"2", "Second of the month"},
	{"3", "Third of the month"}, {"4", "Fourth of the month"}, {"-1", "Last of the month"},
}

func vcseRowKey(i int, field string) string { return fmt.Sprintf("schedules[%d].%s", i, field) }

func vcseSessionCount(f *form) int {
	n, err := strconv.Atoi(f.Value("sessions"))
	if err != nil || n < 0 {
		return 0
	}
	return min(n, vcseMaxSessions)
}

// vcseRemoveSession drops row i of n, moving the rows after it up one.
func vcseRemoveSession(f *form, i, n int) {
	for j := i; j < n-1; j++ {
		for _, field := range vcseSessionFields {
			f.values[vcseRowKey(j, field)] = f.values[vcseRowKey(j+1, field)]
		}
	}
	for _, field := range vcseSessionFields {
		delete(f.values, vcseRowKey(n-1, field))
	}
	f.Set("sessions", strconv.Itoa(n-1))
}

// vcseScheduleValues writes one schedule into row i. A monthly schedule's days
// share one ordinal, as every listing Kith holds has them.
func vcseScheduleValues(f *form, i int, s directory.Schedule) {
	week, days := "", make([]string, 0, len(s.ByDay))
	for _, d := range s.ByDay {
		if len(d) < 2 {
			continue
		}
		days = append(days, d[len(d)-2:])
		if s.Freq == "MONTHLY" {
			week = d[:len(d)-2]
		}
	}
	f.values[vcseRowKey(i, "byday")] = days
	for field, v := range map[string]string{"id": s.ID, "location_id": s.LocationID, "week": week, "opens_at": s.OpensAt,
		"closes_at": s.ClosesAt, "description": s.Description, "valid_from": s.ValidFrom, "valid_to": s.ValidTo} {
		f.Set(vcseRowKey(i, field), v)
	}
}

// listingSchedules reads the rows back, skipping blank ones. New rows meet at
// the listing's venue.
func listingSchedules(f *form, location string) ([]directory.Schedule, []int) {
	var out []directory.Schedule
	var rowOf []int
	for i := range vcseSessionCount(f) {
		get := func(field string) string { return f.Value(vcseRowKey(i, field)) }
		days := f.Values(vcseRowKey(i, "byday"))
		if len(days) == 0 && get("opens_at") == "" && get("closes_at") == "" && get("description") == "" {
			continue
		}
		s := directory.Schedule{ID: get("id"), LocationID: get("location_id"), Freq: "WEEKLY", OpensAt: get("opens_at"),
			ClosesAt: get("closes_at"), Description: get("description"), ValidFrom: get("valid_from"), ValidTo: get("valid_to")}
		if s.ID == "" {
			s.LocationID = location
		}
		week := get("week")
		if week != "" {
			s.Freq = "MONTHLY"
		}
		for _, d := range days {
			s.ByDay = append(s.ByDay, week+d)
		}
		out, rowOf = append(out, s), append(rowOf, i)
	}
	return out, rowOf
}

// vcseSessionRow is one row as the template draws it.
type vcseSessionRow struct {
	Index, Number                      int
	ID, LocationID, ValidFrom, ValidTo string
	Days                               []vcseCheck
	Weeks                              []vcseCheck
	Opens, Closes, Note                string
	DaysError, WeekError               string
	OpensError, ClosesError, NoteError string
	Focus                              bool
}

func vcseSessionRows(f *form, focus int) []vcseSessionRow {
	n := vcseSessionCount(f)
	rows := make([]vcseSessionRow, n)
	for i := range rows {
		get := func(field string) string { return f.Value(vcseRowKey(i, field)) }
		r := vcseSessionRow{Index: i, Number: i + 1, ID: get("id"), LocationID: get("location_id"),
			ValidFrom: get("valid_from"), ValidTo: get("valid_to"), Opens: get("opens_at"), Closes: get("closes_at"),
			Note: get("description"), Focus: i == focus,
			DaysError: f.Error(vcseRowKey(i, "byday")), WeekError: f.Error(vcseRowKey(i, "week")),
			OpensError: f.Error(vcseRowKey(i, "opens_at")), ClosesError: f.Error(vcseRowKey(i, "closes_at")),
			NoteError: f.Error(vcseRowKey(i, "description"))}
		for j, d := range vcseDayNames {
			id := vcseRowKey(i, "byday")
			if j > 0 {
				id += "-" + d.Value
			}
			r.Days = append(r.Days, vcseCheck{ID: id, Value: d.Value, Label: d.Label, Checked: f.Has(vcseRowKey(i, "byday"), d.Value)})
		}
		for _, w := range vcseWeekNames {
			r.Weeks = append(r.Weeks, vcseCheck{Value: w.Value, Label: w.Label, Checked: get("week") == w.Value})
		}
		rows[i] = r
	}
	return rows
}

var vcseScheduleKey = regexp.MustCompile(`^schedules\[(\d+)\]\.([a-z_]+)`)

var vcseSessionWords = map[string][2]string{
	"byday": {"byday", ""}, "freq": {"week", "how often"}, "opens_at": {"opens_at", "start time"},
	"closes_at": {"closes_at", "end time"}, "description": {"description", "note"},
	"id": {"byday", ""}, "location_id": {"byday", ""}, "valid_from": {"byday", ""}, "valid_to": {"byday", ""},
}

// vcseSessionField places a schedule's problem beside the row it came from.
func vcseSessionField(key string, rowOf []int) (string, string) {
	m := vcseScheduleKey.FindStringSubmatch(key)
	if m == nil {
		return key, ""
	}
	row, _ := strconv.Atoi(m[1])
	if row < len(rowOf) {
		row = rowOf[row]
	}
	w, ok := vcseSessionWords[m[2]]
	if !ok {
		w = [2]string{"byday", ""}
	}
	label := strings.TrimSpace(fmt.Sprintf("Session %d %s", row+1, w[1]))
	return vcseRowKey(row, w[0]), label
}
