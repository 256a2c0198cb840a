package web

import (
	"strconv"
	"strings"
	"time"
)

// dateField is an NHS.UK date input: day, month and year boxes posted as
// <name>-day, <name>-month and <name>-year, sharing one label and one
// error. The day box carries the field's own id, so the error summary's
// link lands in it. The "date" partial draws it.
type dateField struct {
	Field, Label, Hint, Error string
	Parts                     []dateBox
}

// dateBox is one of the three boxes.
type dateBox struct {
	ID, Name, Label, Value, Auto string
	Width                        int
}

// newDateField builds the three boxes for field with what was typed in
// them and the field's error. auto, when not empty, is the autocomplete
// token the boxes share, like "bday" (giving bday-day, bday-month…).
func newDateField(f *form, field, label, hint, auto string) dateField {
	d := dateField{Field: field, Label: label, Hint: hint, Error: f.Error(field)}
	for _, p := range []struct {
		part, label string
		width       int
	}{{"day", "Day", 2}, {"month", "Month", 2}, {"year", "Year", 4}} {
		box := dateBox{ID: field + "-" + p.part, Name: field + "-" + p.part, Label: p.label,
			Value: f.Value(field + "-" + p.part), Width: p.width}
		if p.part == "day" {
			box.ID = field
		}
		if auto != "" {
			box.Auto = auto + "-" + p.part
		}
		d.Parts = append(d.Parts, box)
	}
	return d
}

// Described is the fieldset's aria-describedby: the hint and the error.
func (d dateField) Described() string {
	var ids []string
	if d.Hint != "" {
		ids = append(ids, d.Field+"-hint")
	}
	if d.Error != "" {
		ids = append(ids, d.Field+"-error")
	}
	return strings.Join(ids, " ")
}

// dateValue reads a date input's three boxes as YYYY-MM-DD: empty when all
// three are blank, and problem beside the field when they are not a real
// date (the store only sees the joined-up date, so this is the page's to
// explain).
func dateValue(f *form, field, problem string) string {
	day, month, year := f.Value(field+"-day"), f.Value(field+"-month"), f.Value(field+"-year")
	if day == "" && month == "" && year == "" {
		return ""
	}
	date, ok := parseDateBoxes(day, month, year)
	if !ok {
		f.Fail(field, problem)
	}
	return date
}

// parseDateBoxes joins day, month and year boxes into "2006-01-02", if
// they make a real date with a four-figure year.
func parseDateBoxes(day, month, year string) (string, bool) {
	d, errD := strconv.Atoi(day)
	m, errM := strconv.Atoi(month)
	y, errY := strconv.Atoi(year)
	if errD != nil || errM != nil || errY != nil || y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false // 31 April rolls over into May
	}
	return t.Format(time.DateOnly), true
}
