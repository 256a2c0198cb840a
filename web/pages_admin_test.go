package web_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"kith/directory"
	"kith/postgres"
	"kith/postgres/pgtest"
	"kith/qa"
	"kith/referral"
	"kith/referral/insight"
	"kith/search"
	"kith/web"
)

// adminFixture is the app with every store and a search index of its
// own, a listing, and a signed-in user of each role.
type adminFixture struct {
	dir      *directory.Store
	qa       *qa.Store
	users    map[string]*pageUser
	org, svc string
	db       *postgres.DB
}

func newAdminFixture(t *testing.T) *adminFixture {
	t.Helper()
	db := pgtest.New(t)
	dir := directory.NewStore(db)
	assurance := qa.NewStore(db, dir, time.Now)
	engine, err := search.Open(context.Background(), search.Config{Dir: t.TempDir(), Source: dir, Assurer: search.QAAssurer{QA: assurance}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { engine.Close() })
	app := web.New(web.Config{Directory: dir, QA: assurance, Search: engine, Referrals: referral.NewStore(db, dir, assurance, time.Now),
		Insight: insight.NewStore(db, assurance, time.Now)})
	f := &adminFixture{dir: dir, qa: assurance, db: db, users: map[string]*pageUser{}}
	admin := directory.WithUser(context.Background(), directory.SystemUser())
	org, _, err := dir.CreateOrganisation(admin, directory.OrganisationInput{Name: "Roker Walkers"})
	check(t, err)
	svc, _, err := dir.CreateService(admin, directory.ServiceInput{OrganisationID: org.ID, Name: "Roker Park walk",
		Categories: []string{"walking"}, Locations: []directory.Location{{Name: "Bandstand", Postcode: "SR6 9AA"}}})
	check(t, err)
	f.org, f.svc = org.ID, svc.ID
	team, err := dir.CreateTeam(admin, directory.TeamInput{Name: "Sunderland East PCN"})
	check(t, err)
	for who, in := range map[string]directory.UserInput{"admin": {Role: directory.RoleAdmin},
		"worker": {Role: directory.RoleLinkWorker, TeamID: team.ID}, "editor": {Role: directory.RoleVCSEEditor, OrganisationID: org.ID},
		"commissioner": {Role: directory.RoleCommissioner}} {
		in.Email, in.Password = who+"@kith.example", "correct horse battery"
		_, err := dir.CreateUser(admin, in)
		check(t, err)
		token, _, err := dir.Login(context.Background(), in.Email, in.Password)
		check(t, err)
		f.users[who] = newPageUser(t, app, token)
	}
	return f
}

func TestAdminPagesAreForAdmins(t *testing.T) {
	f := newAdminFixture(t)
	paths := []string{"/app/admin", "/app/admin/users", "/app/admin/teams", "/app/admin/taxonomy", "/app/admin/taxonomy/walking",
		"/app/admin/qa-templates", "/app/admin/moderation", "/app/admin/reindex", "/app/admin/import"}
	for _, path := range paths {
		for who, want := range map[string]int{"admin": 200, "worker": 403, "editor": 403, "commissioner": 403} {
			if status, body, _ := f.users[who].get(t, path); status != want {
				t.Errorf("%s as %s: %d, want %d\n%.300s", path, who, status, want, body)
			}
		}
	}
	if status, _, _ := f.users["commissioner"].post(t, "/app/admin/reindex", url.Values{}); status != 403 {
		t.Errorf("a commissioner started a reindex: %d", status)
	}
}

// The create-user form says what is missing beside the field, keeps what
// was typed (but not the password), and refuses a post without its token.
func TestCreateUserForm(t *testing.T) {
	f := newAdminFixture(t)
	admin := f.users["admin"]
	form := url.Values{"email": {"gemma@kith.example"}, "name": {"Gemma Robson"}, "role": {"link_worker"},
		"password": {"a long enough password"}}
	status, page, _ := admin.post(t, "/app/admin/users", form)
	if status != 422 || !strings.Contains(page, `<span class="nhsuk-error-message" id="team_id-error">`) ||
		!strings.Contains(page, `<a href="#team_id">Choose the team they work in</a>`) ||
		!strings.Contains(page, `value="gemma@kith.example"`) || strings.Contains(page, "a long enough password") {
		t.Fatalf("missing team: %d\n%s", status, page)
	}
	teams, _ := f.dir.Teams(context.Background())
	form.Set("team_id", teams[0].ID)
	form.Set("organisation_id", f.org) // left chosen from before: not the role's, so ignored
	if status, _, h := admin.post(t, "/app/admin/users", form); status != 303 || h.Get("Location") != "/app/admin/users" {
		t.Fatalf("create: %d %s", status, h.Get("Location"))
	}
	if _, page, _ := admin.get(t, "/app/admin/users"); !strings.Contains(page, "Account created for gemma@kith.example") ||
		!strings.Contains(page, "Sunderland East PCN") {
		t.Error("the list does not show the new account and its team")
	}
	if status, page, _ := admin.post(t, "/app/admin/users", form); status != 422 || !strings.Contains(page, "Email address is already in use") {
		t.Errorf("same email again: %d", status)
	}
	form.Set("csrf_token", "forged")
	if status, _, _ := admin.post(t, "/app/admin/users", form); status != 403 {
		t.Errorf("post with a forged token: %d, want 403", status)
	}
}

func TestRelabelTerm(t *testing.T) {
	f := newAdminFixture(t)
	admin := f.users["admin"]
	if status, page, _ := admin.post(t, "/app/admin/taxonomy/walking", url.Values{"name": {" "}}); status != 422 ||
		!strings.Contains(page, "Enter the label people see for this need") {
		t.Fatalf("empty label: %d", status)
	}
	if status, _, _ := admin.post(t, "/app/admin/taxonomy/walking", url.Values{"name": {"Walking & rambling"}}); status != 303 {
		t.Fatalf("relabel: %d", status)
	}
	_, page, _ := admin.get(t, "/app/admin/taxonomy")
	if !strings.Contains(page, `<a href="/app/admin/taxonomy/walking">Walking &amp; rambling</a>`) {
		t.Error("the taxonomy does not show the new label")
	}
	if status, _, _ := admin.get(t, "/app/admin/taxonomy/no-such-need"); status != 404 {
		t.Errorf("unknown term: %d", status)
	}
}

// Publishing from the editor: a row left out is not published, and a
// problem with a later row is shown beside that row, not the one that
// took its place in what was sent to the store.
func TestPublishChecklist(t *testing.T) {
	f := newAdminFixture(t)
	admin := f.users["admin"]
	current, err := f.qa.Templates(context.Background())
	check(t, err)
	form := url.Values{"title": {current[0].Title}, "notes": {"Plainer guidance."}, "rows": {"0"}, "action": {"publish"}}
	for i, it := range current[0].Items {
		p := "items[" + strconv.Itoa(i) + "]."
		form.Set(p+"key", it.Key)
		form.Set(p+"title", it.Title)
		form.Set(p+"guidance", it.Guidance+" Ask us if unsure.")
		form.Set(p+"required_from", string(it.RequiredFrom))
		form[p+"evidence"] = it.Evidence
		form.Set(p+"validity", it.Validity)
		form.Set(p+"valid_months", strconv.Itoa(it.ValidMonths))
		form.Set("rows", strconv.Itoa(i+1))
	}
	last := "items[" + strconv.Itoa(len(current[0].Items)-1) + "]."
	form.Set("items[0].remove", "yes")
	form.Set(last+"key", "Not A Key")
	status, page, _ := admin.post(t, "/app/admin/qa-templates", form)
	if status != 422 || !strings.Contains(page, `id="`+last+`key-error"`) || !strings.Contains(page, "Item "+strconv.Itoa(len(current[0].Items))+" key must be") {
		t.Fatalf("bad key: %d\n%s", status, page)
	}
	form.Set(last+"key", current[0].Items[len(current[0].Items)-1].Key)
	form.Del("items[0].remove")
	if status, _, _ := admin.post(t, "/app/admin/qa-templates", form); status != 303 {
		t.Fatalf("publish: %d", status)
	}
	after, err := f.qa.Templates(context.Background())
	check(t, err)
	if after[0].Version != current[0].Version+1 || len(after[0].Items) != len(current[0].Items) ||
		!strings.HasSuffix(after[0].Items[0].Guidance, "Ask us if unsure.") {
		t.Errorf("published %+v", after[0])
	}
	form.Set("action", "add")
	if status, page, _ := admin.post(t, "/app/admin/qa-templates", form); status != 200 ||
		!strings.Contains(page, `name="`+"items["+strconv.Itoa(len(current[0].Items))+"].key"+`"`) {
		t.Errorf("add another item: %d", status)
	}
}

// A pending change is shown against the live listing; rejecting it needs
// a reason, given beside that change's own field; approving publishes it.
func TestModeration(t *testing.T) {
	f := newAdminFixture(t)
	editor, err := f.dir.Users(directory.WithUser(context.Background(), directory.SystemUser()))
	check(t, err)
	var ed directory.User
	for _, u := range editor {
		if u.Role == directory.RoleVCSEEditor {
			ed = u
		}
	}
	svc, err := f.dir.Service(context.Background(), f.svc)
	check(t, err)
	in := svc.Input()
	in.Name = "Roker Park health walk"
	in.Schedules = append(in.Schedules, directory.Schedule{Freq: "WEEKLY", ByDay: []string{"TH"}, OpensAt: "13:30", ClosesAt: "15:30"})
	_, ver, err := f.dir.UpdateService(directory.WithUser(context.Background(), &ed), f.svc, in)
	check(t, err)
	admin := f.users["admin"]
	_, page, _ := admin.get(t, "/app/admin/moderation")
	for _, want := range []string{"<del>Roker Park walk</del>", "<ins>Roker Park health walk</ins>", "Sessions",
		"<ins>Weekly on Thursday, 13:30 to 15:30</ins>", `id="note-` + ver.ID + `"`} {
		if !strings.Contains(page, want) {
			t.Errorf("queue lacks %s", want)
		}
	}
	status, page, _ := admin.post(t, "/app/admin/moderation/"+ver.ID+"/reject", url.Values{})
	if status != 422 || !strings.Contains(page, `<a href="#note-`+ver.ID+`">Say why the change is rejected`) {
		t.Fatalf("reject without a reason: %d", status)
	}
	if status, _, _ := admin.post(t, "/app/admin/moderation/"+ver.ID+"/approve", url.Values{}); status != 303 {
		t.Fatalf("approve: %d", status)
	}
	if live, _ := f.dir.Service(context.Background(), f.svc); live.Name != "Roker Park health walk" {
		t.Errorf("after approval the listing is %q", live.Name)
	}
	if status, _, _ := admin.post(t, "/app/admin/moderation/"+ver.ID+"/approve", url.Values{}); status != 303 {
		t.Errorf("approving twice: %d, want a redirect saying it was dealt with", status)
	}
}

// waitForJob polls a job page until it says the job finished.
func waitForJob(t *testing.T, u *pageUser, path string) string {
	t.Helper()
	for range 200 {
		_, block, _ := u.get(t, path, "HX-Request", "true")
		if !strings.Contains(block, "hx-trigger") {
			return block
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s: still running", path)
	return ""
}

func TestImportInTheBackground(t *testing.T) {
	f := newAdminFixture(t)
	admin := f.users["admin"]
	if status, page, _ := admin.upload(t, "/app/admin/import", url.Values{}, "file", "notes.csv", []byte("just,some\nwords,here\n")); status != 422 ||
		!strings.Contains(page, `id="file-error"`) {
		t.Fatalf("a file not in the layout: %d", status)
	}
	sheet := "organisation,name,postcode,sessions\nSeaburn Singers,Seaburn choir,SR6 9AA,Wed 19:00-21:00\nSeaburn Singers,Tyne choir,NE1 6EE,\n"
	status, _, h := admin.upload(t, "/app/admin/import", url.Values{"source": {"singers"}}, "file", "choirs.csv", []byte(sheet))
	if status != 303 || h.Get("Location") != "/app/admin/import" {
		t.Fatalf("import: %d %s", status, h.Get("Location"))
	}
	block := waitForJob(t, admin, "/app/admin/import")
	for _, want := range []string{"Finished", "Summary of the spreadsheet choirs.csv", "line 3: postcode: was not found"} {
		if !strings.Contains(block, want) {
			t.Errorf("summary lacks %q:\n%s", want, block)
		}
	}
	var n int
	if err := f.db.GetContext(context.Background(), &n, `SELECT count(*) FROM import_records WHERE source = 'singers'`); err != nil || n != 2 {
		t.Errorf("%d import records for the source named on the form (%v), want a service and its organisation", n, err)
	}
}

func TestReindexInTheBackground(t *testing.T) {
	f := newAdminFixture(t)
	admin := f.users["admin"]
	if status, _, h := admin.post(t, "/app/admin/reindex", url.Values{}); status != 303 || h.Get("Location") != "/app/admin/reindex" {
		t.Fatalf("start: %d", status)
	}
	if block := waitForJob(t, admin, "/app/admin/reindex"); !strings.Contains(block, "Finished") || !strings.Contains(block, "1 of 1 done") {
		t.Errorf("rebuild ended:\n%s", block)
	}
	if _, page, _ := admin.get(t, "/app/admin"); !strings.Contains(page, "Ready: 1 listing; last rebuilt") {
		t.Error("the overview does not say the index was rebuilt")
	}
}
