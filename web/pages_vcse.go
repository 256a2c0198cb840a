package web

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

// This file holds what the VCSE editor's and QA reviewer's pages share.

// vcseEditor and qaReviewer guard the two groups' pages.
var (
	vcseEditor = pageFor(directory.RoleVCSEEditor)
	qaReviewer = pageFor(directory.RoleQAReviewer, directory.RoleAdmin)
)

// myOrganisation is the signed-in VCSE editor's own organisation: the only
// one their pages show, as the stores enforce for every write.
func myOrganisation(c *fiber.Ctx) (string, error) {
	u := directory.UserFrom(c.UserContext())
	if u == nil || u.OrganisationID == nil {
		return "", directory.ErrForbidden
	}
	return *u.OrganisationID, nil
}

// vcseTag is an NHS.UK tag: a short status with its colour class.
type vcseTag struct {
	Text, Class string
}

// vcsePager links to the pages before and after a long list's.
type vcsePager struct {
	Previous, Next           string
	PreviousLabel, NextLabel string
}

// vcseLine is one row of an NHS.UK summary list.
type vcseLine struct {
	Label, Value string
}

// vcseField says where a store's problem belongs on a page and how to put
// it: the id of the control to show it beside, and the whole message.
type vcseField func(key, msg string) (field, message string)

// vcseAbsorb is form.Absorb for stores whose problem keys or wording differ
// from the page's controls.
func vcseAbsorb(f *form, err error, name vcseField) bool {
	if p := problemsOf(err); len(p) > 0 {
		named := directory.Problems{}
		for k, msg := range p {
			field, msg := name(k, msg)
			named.Add(field, "%s", vcsePlainWords.Replace(msg))
		}
		err = named
	}
	return f.Absorb(err)
}

// vcseLabelled starts each problem with its field's name from a table of keys,
// leaving other keys as they are.
func vcseLabelled(labels map[string]string) vcseField {
	return func(key, msg string) (string, string) { return key, vcseWithLabel(labels[key], msg) }
}

func vcseWithLabel(label, msg string) string {
	if label == "" {
		return msg
	}
	return label + " " + msg
}

// vcsePlainWords rewrites the field names stores put in their messages into
// the words the pages use for those fields.
var vcsePlainWords = strings.NewReplacer(
	"opens_at", "the start time", "min_age", "the youngest age", "valid_from", "the start date",
	"give both lat and lon, or neither", "give a postcode we can find",
	"give the location's lat and lon instead", "check it or leave it out",
)

// vcseWholeNumber reads a whole number from the form: nil when the field
// is blank, and a problem beside the field when it is not a number.
func vcseWholeNumber(f *form, name, label, example string) *int {
	raw := f.Value(name)
	if raw == "" {
		return nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil {
		f.Fail(name, label+" must be a whole number, like "+example)
		return nil
	}
	return &n
}

// pendingOr is what an editor should start from when changing something:
// the change they already sent for review, if one waits, so a second edit
// builds on the first rather than silently undoing it.
func pendingOr[T any](v *directory.Version, live T) T {
	if v == nil || v.State != directory.VersionPending {
		return live
	}
	var in T
	if err := json.Unmarshal(v.Payload, &in); err != nil {
		return live
	}
	return in
}

// versionNote describes the newest change to something an editor sent: still
// waiting for review, or turned down and why. It is empty otherwise.
func versionNote(v *directory.Version) string {
	switch {
	case v == nil:
		return ""
	case v.State == directory.VersionPending:
		return "Changes sent on " + londonTime(v.CreatedAt) + " are waiting for a reviewer. Until they approve them, the directory shows the details as they were."
	case v.State == directory.VersionRejected:
		return "Your last change was not approved: " + v.ReviewNote
	}
	return ""
}

// versionSaved is the confirmation after an editor saves a change.
func versionSaved(v *directory.Version, what string) string {
	switch {
	case v == nil:
		return "You made no changes to " + what
	case v.State == directory.VersionPending:
		return "Your changes to " + what + " will show once a reviewer approves them"
	}
	return "Your changes to " + what + " are live"
}

// vcseWorkingDaysLate counts the working days (Monday to Friday) after due up
// to and including today: how late a response is.
func vcseWorkingDaysLate(due, today time.Time) int {
	n := 0
	for d := due.AddDate(0, 0, 1); !d.After(today); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}

// vcseToday is today's date in England, at UTC midnight, to compare with
// dates the stores give as YYYY-MM-DD.
func vcseToday(now time.Time) time.Time {
	l := now.In(directory.London)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC)
}

// isoDateText shows a YYYY-MM-DD date the way the pages write dates.
func isoDateText(iso string) string {
	d, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	return d.Format("2 January 2006")
}
