package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestAdminUsersAndChecklist: an account made without its team is refused
// with the error beside the team, then made; a new version of the quality
// checklist is published. The taxonomy page lists every category.
func TestAdminUsersAndChecklist(t *testing.T) {
	b := newTab(t, demoServer(t))
	b.signIn(adminLogin)
	b.open("/app/admin")
	b.shot("admin-overview")

	email := fmt.Sprintf("e2e-%d@kith.example", time.Now().UnixNano())
	b.open("/app/admin/users")
	b.run(chromedp.SendKeys("#email", email, chromedp.ByQuery),
		chromedp.SendKeys("#name", "Erin Tweddle", chromedp.ByQuery),
		chromedp.Click(`input[name=role][value=link_worker]`, chromedp.ByQuery),
		chromedp.SendKeys("#password", "a long enough password", chromedp.ByQuery),
		chromedp.Click(`form[action="/app/admin/users"] button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(".nhsuk-error-summary", chromedp.ByQuery))
	b.check()
	if got := b.text("#team_id-error"); !strings.Contains(got, "Choose the team they work in") {
		t.Errorf("beside the team: %q", got)
	}
	var team string
	b.run(chromedp.Evaluate(`document.querySelector('#team_id option:nth-child(2)').value`, &team))
	b.run(chromedp.SetValue("#team_id", team, chromedp.ByQuery),
		chromedp.SendKeys("#password", "a long enough password", chromedp.ByQuery),
		chromedp.Click(`form[action="/app/admin/users"] button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(".nhsuk-notification-banner--success", chromedp.ByQuery))
	b.check()
	if got := b.text(".nhsuk-table"); !strings.Contains(got, email) {
		t.Errorf("the accounts list lacks %s", email)
	}
	b.shot("admin-users")

	b.open("/app/admin/taxonomy")
	if n := b.count(".nhsuk-table tbody tr"); n != 49 {
		t.Errorf("%d categories listed, want 49", n)
	}
	b.shot("admin-taxonomy")

	// The items are published as they are, so other tests' checklists
	// do not change under them; only the version's notes say why.
	b.open("/app/admin/qa-templates")
	var before int
	b.run(chromedp.Evaluate(`document.querySelectorAll('details.nhsuk-details').length`, &before),
		chromedp.SendKeys("#notes", "Reviewed by the e2e test: no change to the items.", chromedp.ByQuery),
		chromedp.Click(`button[name=action][value=publish]`, chromedp.ByQuery),
		chromedp.WaitVisible(".nhsuk-notification-banner--success", chromedp.ByQuery))
	b.check()
	if got := b.text(".nhsuk-notification-banner--success"); !strings.Contains(got, "of the checklist published") {
		t.Errorf("after publishing: %q", got)
	}
	if n := b.count("details.nhsuk-details"); n != before+1 {
		t.Errorf("%d versions listed after publishing, %d before", n, before)
	}
	b.shot("admin-qa-templates")
}

// proposeListing makes an organisation of its own with an editor, who adds a
// listing that waits for moderation (so no other test's organisation
// changes); it returns the listing's name and pending version's id.
func proposeListing(t *testing.T, srv *server) (string, string) {
	t.Helper()
	n := time.Now().UnixNano()
	admin := signInAPI(t, srv, adminLogin)
	var org struct {
		Current struct {
			ID string `json:"id"`
		} `json:"current"`
	}
	admin.call("POST", "/api/organisations", map[string]any{"name": fmt.Sprintf("Harrogate Sketchers %d", n)}, &org, 201)
	email := fmt.Sprintf("e2e-editor-%d@kith.example", n)
	admin.call("POST", "/api/users", map[string]any{"email": email, "role": "vcse_editor",
		"organisation_id": org.Current.ID, "password": demoPassword}, nil, 201)
	editor := signInAPI(t, srv, email)
	name := fmt.Sprintf("Valley Gardens sketching %d", n)
	var created struct {
		Version struct {
			ID    string `json:"id"`
			State string `json:"state"`
		} `json:"version"`
	}
	editor.call("POST", "/api/services", map[string]any{"organisation_id": org.Current.ID, "name": name,
		"description": "Drawing in the gardens, pencils provided.", "categories": []string{"art-classes"},
		"locations": []map[string]any{{"name": "Sun Pavilion", "postcode": "HG1 2BA"}},
		"schedules": []map[string]any{{"freq": "WEEKLY", "byday": []string{"FR"}, "opens_at": "10:00", "closes_at": "12:00"}}},
		&created, 202)
	if created.Version.State != "pending" {
		t.Fatalf("the new listing is %q, want pending", created.Version.State)
	}
	return name, created.Version.ID
}

// TestAdminModeration: a new listing from a VCSE editor is shown field by
// field and approved.
func TestAdminModeration(t *testing.T) {
	srv := demoServer(t)
	name, version := proposeListing(t, srv)
	b := newTab(t, srv)
	b.signIn(adminLogin)
	b.open("/app/admin/moderation")
	section := `section[data-version="` + version + `"]`
	if got := b.text(section); !strings.Contains(got, name) || !strings.Contains(got, "Sun Pavilion") ||
		!strings.Contains(got, "A new listing") {
		t.Errorf("the queue shows %q", got)
	}
	b.shot("admin-moderation")
	b.run(chromedp.Click(section+` form[action$="/approve"] button`, chromedp.ByQuery),
		chromedp.WaitVisible(".nhsuk-notification-banner--success", chromedp.ByQuery))
	b.check()
	if got := b.text(".nhsuk-notification-banner--success"); !strings.Contains(got, "Approved: “"+name+"” is live") {
		t.Errorf("after approving: %q", got)
	}
	if n := b.count(section); n != 0 {
		t.Error("the approved change is still in the queue")
	}
}

// TestAdminLongActions: a rebuild of the search index and an import run in
// the background, and their pages follow them to the end.
func TestAdminLongActions(t *testing.T) {
	b := newTab(t, demoServer(t))
	b.signIn(adminLogin)
	b.open("/app/admin/reindex")
	b.run(chromedp.Click(`form[action="/app/admin/reindex"] button`, chromedp.ByQuery),
		chromedp.WaitVisible("#job", chromedp.ByQuery),
		chromedp.WaitVisible("#job .nhsuk-tag--green", chromedp.ByQuery))
	b.check()
	if got := b.text("#job"); !strings.Contains(got, "rebuild of the search index") || !strings.Contains(got, "done") {
		t.Errorf("after the rebuild: %q", got)
	}
	b.shot("admin-reindex")

	source := fmt.Sprintf("e2e-%d", time.Now().UnixNano())
	sheet := filepath.Join(t.TempDir(), "groups.csv")
	csv := "organisation,name,postcode,sessions\n" +
		"Harrogate Sketchers " + source + ",Valley Gardens drawing,HG1 2BA,Sat 10:00-12:00\n" +
		"Harrogate Sketchers " + source + ",Quayside drawing,NE1 6EE,Sun 10:00-12:00\n"
	if err := os.WriteFile(sheet, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	b.open("/app/admin/import")
	b.run(chromedp.SetUploadFiles("#file", []string{sheet}, chromedp.ByQuery),
		chromedp.SendKeys("#source", source, chromedp.ByQuery),
		chromedp.Click(`form[action="/app/admin/import"] button`, chromedp.ByQuery),
		chromedp.WaitVisible("#job .nhsuk-tag--green", chromedp.ByQuery))
	b.check()
	got := b.text("#job")
	for _, want := range []string{"Summary of the spreadsheet groups.csv", "line 3: postcode: was not found"} {
		if !strings.Contains(got, want) {
			t.Errorf("the import's summary lacks %q:\n%s", want, got)
		}
	}
	b.shot("admin-import")
}
