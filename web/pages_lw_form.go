package web

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"kith/directory"
)

// fieldLabel names a form field as its label does, so a store's "is
// required" reads "Date of birth is required" beside it and in the summary.
type fieldLabel struct{ field, label string }

// listItem matches a problem with one item of a list field, such as
// needs[2]: the form shows the list as one control.
var listItem = regexp.MustCompile(`^([a-z_.]+)\[\d+\]$`)

func listField(key string) string { return listItem.ReplaceAllString(key, "$1") }

// predicate matches a store message that needs its field's name in front to
// be a sentence ("is required"); others ("the person must agree…") are
// sentences already.
var predicate = regexp.MustCompile(`^(is|are|must|may|only|has|cannot|should)\b`)

// absorbLabelled puts a store's validation problems beside their fields,
// named as labels names them, and orders the error summary as the form's
// fields (labels) are; rename maps a problem's key to the field showing it
// (nil: listField). A nil err just orders the summary; errors that are not
// problems go to form.Absorb, and false means the form cannot show err.
func absorbLabelled(f *form, err error, labels []fieldLabel, rename func(string) string) bool {
	if rename == nil {
		rename = listField
	}
	position := func(field string) int {
		i := slices.IndexFunc(labels, func(l fieldLabel) bool { return l.field == field })
		if i < 0 {
			return len(labels)
		}
		return i
	}
	defer func() { slices.SortStableFunc(f.order, func(a, b string) int { return position(a) - position(b) }) }()
	p := problemsOf(err)
	if err == nil || len(p) == 0 {
		return err == nil || f.Absorb(err)
	}
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		field, msg := rename(k), p[k]
		if i := position(field); i < len(labels) && predicate.MatchString(msg) {
			msg = labels[i].label + " " + msg
		}
		f.Fail(field, sentence(msg))
	}
	return true
}

// wholeNumber reads a field that must hold a whole number; blank is def.
func wholeNumber(f *form, name, label string, def int) int {
	raw := f.Value(name)
	if raw == "" {
		return def
	}
	n, err := strconv.Atoi(raw)
	if err != nil {
		f.Fail(name, label+" must be a whole number, like 30")
		return def
	}
	return n
}

// lines splits a textarea into its non-blank lines, one item each.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// londonNow is now as a datetime-local control shows it, in London.
func londonNow(now time.Time) string { return now.In(directory.London).Format("2006-01-02T15:04") }
