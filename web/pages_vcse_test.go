package web_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"kith/directory"
	"kith/referral"
)

// vcsePage is page without the response, as these tests read only the
// status and the HTML.
func (f *refFixture) vcsePage(t *testing.T, who, method, path string, form url.Values, headers ...string) (int, string) {
	t.Helper()
	code, body, _ := f.page(t, who, method, path, form, headers...)
	return code, body
}

// connection connects a new accepted referral to svc as the link worker.
func (f *refFixture) connection(t *testing.T, svc string) string {
	t.Helper()
	c, _, err := f.ref.Connect(f.workerAs, f.accepted(t), referral.ConnectionInput{ServiceID: svc, Reason: "Would enjoy a walk"}, "")
	if err != nil {
		t.Fatal(err)
	}
	return c.ID
}

func TestCapacityPageShowsProblemsBesideFields(t *testing.T) {
	f := newRefFixture(t)
	ten := 10
	svc := f.service(t, f.org, directory.CapacityInput{Maximum: &ten})
	path := "/app/services/" + svc + "/capacity"
	for _, tt := range []struct {
		name  string
		form  url.Values
		field string
		says  string
	}{
		{"negative places", url.Values{"action": {"save"}, "maximum": {"-3"}}, "maximum", "Number of places must be between 0 and 100,000"},
		{"places in words", url.Values{"action": {"save"}, "maximum": {"ten"}}, "maximum", "Number of places must be a whole number"},
		{"no places", url.Values{"action": {"save"}, "maximum": {""}}, "maximum", "Enter how many people you can take at once"},
		{"weekly cap of nought", url.Values{"action": {"save"}, "maximum": {"8"}, "weekly_cap": {"0"}}, "weekly_cap", "New people a week must be between 1 and 10,000"},
		{"pause without a reason", url.Values{"action": {"pause"}}, "reason", "Enter why you are pausing"},
		{"resume date that is not a date", url.Values{"action": {"pause"}, "reason": {"Leader away"},
			"resume_on-day": {"31"}, "resume_on-month": {"2"}, "resume_on-year": {"2026"}}, "resume_on", "Enter a real date"},
		{"resume date in the past", url.Values{"action": {"pause"}, "reason": {"Leader away"},
			"resume_on-day": {"1"}, "resume_on-month": {"2"}, "resume_on-year": {"2026"}}, "resume_on", "Reopening date must be after today"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			status, html := f.vcsePage(t, "editor", "POST", path, tt.form)
			if status != 422 || !strings.Contains(html, `id="`+tt.field+`-error"`) || !strings.Contains(html, tt.says) {
				t.Fatalf("status %d; want 422 with %q beside %s", status, tt.says, tt.field)
			}
			if !strings.Contains(html, `href="#`+tt.field+`"`) {
				t.Errorf("the error summary does not link to %s", tt.field)
			}
		})
	}
	admin := directory.WithUser(context.Background(), directory.SystemUser())
	if c, _ := f.dir.Capacity(admin, svc); *c.Maximum != 10 || c.Paused {
		t.Fatalf("refused forms changed the capacity: %+v", c)
	}
	// The directory store keeps real time, unlike the fixture's clock.
	resume := time.Now().AddDate(1, 0, 0)
	status, _ := f.vcsePage(t, "editor", "POST", path, url.Values{"action": {"pause"}, "reason": {"Leader away"},
		"resume_on-day": {fmt.Sprint(resume.Day())}, "resume_on-month": {fmt.Sprint(int(resume.Month()))},
		"resume_on-year": {fmt.Sprint(resume.Year())}})
	if c, _ := f.dir.Capacity(admin, svc); status != 303 || !c.Paused || c.ResumeOn.Format(time.DateOnly) != resume.Format(time.DateOnly) {
		t.Fatalf("pause: %d %+v", status, c)
	}
	if status, _ := f.vcsePage(t, "stranger", "POST", path, url.Values{"action": {"resume"}}); status != 403 {
		t.Fatalf("another organisation's editor resuming: %d, want 403", status)
	}
}

func TestDeclineNeedsAReason(t *testing.T) {
	f := newRefFixture(t)
	ten := 10
	conn := f.connection(t, f.service(t, f.org, directory.CapacityInput{Maximum: &ten}))
	path := "/app/connections/" + conn
	status, html := f.vcsePage(t, "editor", "POST", path, url.Values{"status": {"rejected"}})
	if status != 422 || !strings.Contains(html, `id="reason-error"`) || !strings.Contains(html, "Choose why you cannot take this person on") {
		t.Fatalf("declining without a reason: %d", status)
	}
	status, html = f.vcsePage(t, "editor", "POST", path, url.Values{"status": {"rejected"}, "reason": {"other"}})
	if status != 422 || !strings.Contains(html, `id="note-error"`) {
		t.Fatalf("declining for another reason without saying it: %d", status)
	}
	if it, err := f.ref.InboxItem(f.signInAs(t, "editor"), conn); err != nil || it.Status != referral.ConnectionRequested {
		t.Fatalf("refused declines changed the connection: %+v %v", it.Status, err)
	}
	if status, _ = f.vcsePage(t, "editor", "POST", path, url.Values{"status": {"rejected"}, "reason": {"no_capacity"}}); status != 303 {
		t.Fatalf("declining with a reason: %d", status)
	}
	status, html = f.vcsePage(t, "editor", "GET", path, nil)
	if status != 200 || !strings.Contains(html, "Declined: we have no place for them") || strings.Contains(html, "Accept the referral") {
		t.Fatalf("declined connection page: %d", status)
	}
	status, html = f.vcsePage(t, "editor", "POST", path, url.Values{"status": {"accepted"}})
	if status != 422 || !strings.Contains(html, "cannot become accepted") {
		t.Fatalf("accepting a declined connection: %d, want 422 explaining why", status)
	}
}

func TestOnlyTheServicesOwnEditorsOpenItsConnection(t *testing.T) {
	f := newRefFixture(t)
	ten := 10
	conn := f.connection(t, f.service(t, f.org, directory.CapacityInput{Maximum: &ten}))
	path := "/app/connections/" + conn
	status, html := f.vcsePage(t, "editor", "GET", path, nil)
	if status != 200 || !strings.Contains(html, "Jean Robson") || !strings.Contains(html, "07700900123") || strings.Contains(html, "9434765919") {
		t.Fatalf("the service's editor: %d", status)
	}
	for who, want := range map[string]int{"stranger": 403, "worker": 403, "commissioner": 403} {
		status, html := f.vcsePage(t, who, "GET", path, nil)
		if status != want || strings.Contains(html, "Jean Robson") {
			t.Errorf("%s opening the connection page: %d, want %d without the person", who, status, want)
		}
	}
	if status, _ := f.vcsePage(t, "stranger", "POST", path, url.Values{"status": {"accepted"}}); status != 403 {
		t.Fatalf("another organisation's editor accepting: %d, want 403", status)
	}
	if status, html := f.vcsePage(t, "stranger", "GET", "/app/inbox", nil); status != 200 || strings.Contains(html, "Jean Robson") {
		t.Fatalf("another organisation's inbox: %d", status)
	}
}

// signInAs returns a context acting as one of the fixture's users.
func (f *refFixture) signInAs(t *testing.T, who string) context.Context {
	t.Helper()
	u, err := f.dir.UserBySession(context.Background(), f.cookies[who])
	if err != nil {
		t.Fatal(err)
	}
	return directory.WithUser(context.Background(), u)
}

func TestListingEditorSessionsAndReview(t *testing.T) {
	f := newRefFixture(t)
	if status, html := f.vcsePage(t, "editor", "GET", "/app/services/new", nil); status != 200 || !strings.Contains(html, "Session 1") {
		t.Fatalf("new listing page: %d", status)
	}
	form := url.Values{"name": {"Roker Park health walk"}, "description": {"A gentle walk."}, "categories": {"walking"},
		"delivery_modes": {"in_person"}, "locations[0].name": {"Bandstand"}, "locations[0].postcode": {"SR6 9AA"},
		"sessions": {"2"}, "schedules[1].byday": {"TU", "TH"}, "schedules[1].opens_at": {"10:00"},
		"schedules[1].closes_at": {"09:00"}, "free": {"yes"}, "min_age": {"eighteen"}}
	form.Set("action", "save")
	status, html := f.vcsePage(t, "editor", "POST", "/app/services/new", form)
	if status != 422 || !strings.Contains(html, `id="min_age-error"`) {
		t.Fatalf("a youngest age in words: %d", status)
	}
	form.Set("min_age", "18")
	status, html = f.vcsePage(t, "editor", "POST", "/app/services/new", form)
	if status != 422 || !strings.Contains(html, `id="schedules[1].closes_at-error"`) ||
		!strings.Contains(html, "Session 2 end time must be after the start time") {
		t.Fatalf("a session ending before it starts: %d, want the problem beside the second row", status)
	}
	form.Set("action", "add-session")
	status, html = f.vcsePage(t, "editor", "POST", "/app/services/new", form, "HX-Request", "true")
	if status != 200 || strings.Contains(html, "<html") || !strings.HasPrefix(strings.TrimSpace(html), `<div id="vcse-sessions">`) ||
		!strings.Contains(html, "Session 3") || !strings.Contains(html, `id="schedules[2].byday" name="schedules[2].byday" type="checkbox" value="MO" autofocus`) {
		t.Fatalf("adding a row through htmx: %d, want the session rows alone with the new one focused", status)
	}
	form.Set("action", "remove-session-0")
	status, html = f.vcsePage(t, "editor", "POST", "/app/services/new", form)
	if status != 200 || strings.Contains(html, "Session 2") || !strings.Contains(html, `name="schedules[0].opens_at" type="time" value="10:00"`) {
		t.Fatalf("removing the empty first row: %d", status)
	}
	form = url.Values{"name": {"Roker Park health walk"}, "description": {"A gentle walk."}, "categories": {"walking"},
		"delivery_modes": {"in_person"}, "locations[0].name": {"Bandstand"}, "locations[0].postcode": {"SR6 9AA"},
		"sessions": {"1"}, "schedules[0].byday": {"TU"}, "schedules[0].week": {"-1"}, "schedules[0].opens_at": {"10:00"},
		"schedules[0].closes_at": {"11:00"}, "action": {"save"}}
	if status, _ = f.vcsePage(t, "editor", "POST", "/app/services/new", form); status != 303 {
		t.Fatalf("saving a new listing: %d", status)
	}
	editor := f.signInAs(t, "editor")
	latest, err := f.dir.LatestVersions(editor, f.org)
	if err != nil {
		t.Fatal(err)
	}
	var svc directory.Service
	for id, v := range latest {
		if v.Entity == "service" && v.State == directory.VersionPending {
			svc, err = f.dir.Service(editor, id)
		}
	}
	if err != nil || svc.Published || len(svc.Schedules) != 1 || svc.Schedules[0].Freq != "MONTHLY" ||
		svc.Schedules[0].ByDay[0] != "-1TU" || svc.Schedules[0].LocationID != svc.Locations[0].ID {
		t.Fatalf("the new listing, waiting for review: %+v %v", svc, err)
	}
	status, html = f.vcsePage(t, "editor", "GET", "/app/services/"+svc.ID+"/edit", nil)
	if status != 200 || !strings.Contains(html, "waiting for a reviewer") || !strings.Contains(html, `<option value="-1" selected>`) {
		t.Fatalf("editing the listing waiting for review: %d", status)
	}
	if status, _ := f.vcsePage(t, "stranger", "GET", "/app/services/"+svc.ID+"/edit", nil); status != 403 && status != 404 {
		t.Fatalf("another organisation's editor opening the listing: %d", status)
	}
}
