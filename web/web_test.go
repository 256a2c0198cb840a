package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/postgres/pgtest"
	"kith/web"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

type fixture struct {
	app   *fiber.App
	store *directory.Store
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	db := pgtest.New(t)
	store := directory.NewStore(db)
	app := web.New(web.Config{Directory: store, Ready: map[string]web.Readiness{"database": db}})
	return &fixture{app: app, store: store}
}

// do sends a request with an optional session cookie and decodes the JSON
// answer into a map.
func (f *fixture) do(t *testing.T, method, path, cookie string, body any) (int, map[string]any, *http.Response) {
	t.Helper()
	resp, raw := jsonRequest(t, f.app, method, path, cookie, body)
	var out map[string]any
	json.Unmarshal(raw, &out)
	return resp.StatusCode, out, resp
}

// login creates a user with the given role and returns a session cookie.
func (f *fixture) login(t *testing.T, in directory.UserInput) string {
	t.Helper()
	in.Password = "correct horse battery"
	admin := directory.WithUser(context.Background(), directory.SystemUser())
	if _, err := f.store.CreateUser(admin, in); err != nil {
		t.Fatal(err)
	}
	status, _, resp := f.do(t, "POST", "/api/session", "", map[string]string{"email": in.Email, "password": in.Password})
	if status != 200 {
		t.Fatalf("login %s: %d", in.Email, status)
	}
	for _, c := range resp.Cookies() {
		if c.Name == "kith_session" {
			return c.Value
		}
	}
	t.Fatal("no session cookie")
	return ""
}

func (f *fixture) org(t *testing.T, name string) string {
	t.Helper()
	admin := directory.WithUser(context.Background(), directory.SystemUser())
	org, _, err := f.store.CreateOrganisation(admin, directory.OrganisationInput{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return org.ID
}

func listing(orgID, name string) map[string]any {
	return map[string]any{
		"organisation_id": orgID, "name": name, "description": "Tea, chat and a warm welcome.",
		"categories": []string{"social-groups"},
		"locations":  []map[string]any{{"name": "Hendon Community Centre", "postcode": "SR6 9AA"}},
		"schedules":  []map[string]any{{"freq": "WEEKLY", "byday": []string{"WE"}, "opens_at": "10:00", "closes_at": "12:00"}},
	}
}

func TestSessionCookieAndWhoami(t *testing.T) {
	f := newFixture(t)
	cookie := f.login(t, directory.UserInput{Email: "admin@kith.example", Role: "admin"})
	status, body, _ := f.do(t, "GET", "/api/session", cookie, nil)
	if status != 200 || body["role"] != "admin" {
		t.Fatalf("whoami: %d %v", status, body)
	}
	req := httptest.NewRequest("POST", "/api/session", strings.NewReader(`{"email":"admin@kith.example","password":"correct horse battery"}`))
	req.Header.Set("Content-Type", "application/json")
	resp, _ := f.app.Test(req, -1)
	set := resp.Header.Get("Set-Cookie")
	for _, want := range []string{"HttpOnly", "SameSite=Lax", "Path=/"} {
		if !strings.Contains(strings.ToLower(set), strings.ToLower(want)) {
			t.Errorf("session cookie %q lacks %s", set, want)
		}
	}
	if status, _, _ := f.do(t, "DELETE", "/api/session", cookie, nil); status != 204 {
		t.Fatalf("logout: %d", status)
	}
	if status, _, _ := f.do(t, "GET", "/api/session", cookie, nil); status != 401 {
		t.Fatalf("after logout: %d, want 401", status)
	}
	status, body, _ = f.do(t, "POST", "/api/session", "", map[string]string{"email": "admin@kith.example", "password": "nope nope nope"})
	if status != 401 || body["error"] == "" {
		t.Fatalf("bad password: %d %v", status, body)
	}
}

func TestVCSEEditorCannotEditAnotherOrganisationsService(t *testing.T) {
	f := newFixture(t)
	mine, theirs := f.org(t, "Roker Walkers"), f.org(t, "Hendon Choir")
	admin := f.login(t, directory.UserInput{Email: "admin@kith.example", Role: "admin"})
	editor := f.login(t, directory.UserInput{Email: "ed@roker.example", Role: "vcse_editor", OrganisationID: mine})

	status, created, _ := f.do(t, "POST", "/api/services", admin, listing(theirs, "Hendon Choir rehearsal"))
	if status != 201 {
		t.Fatalf("admin create: %d %v", status, created)
	}
	id := created["current"].(map[string]any)["id"].(string)
	status, body, _ := f.do(t, "PUT", "/api/services/"+id, editor, listing(theirs, "Hijacked"))
	if status != 403 || body["error"] == "" {
		t.Fatalf("editor PUT on another org's service: %d %v, want 403", status, body)
	}
	_, got, _ := f.do(t, "GET", "/api/services/"+id, "", nil)
	if got["name"] != "Hendon Choir rehearsal" {
		t.Fatalf("service changed to %v", got["name"])
	}
	_, hist, _ := f.do(t, "GET", "/api/services/"+id+"/versions", admin, nil)
	if n := len(hist["items"].([]any)); n != 1 {
		t.Fatalf("%d versions after a refused edit, want 1", n)
	}
	status, _, _ = f.do(t, "PUT", "/api/services/"+id, "", listing(theirs, "Anonymous"))
	if status != 401 {
		t.Fatalf("anonymous PUT: %d, want 401", status)
	}
	status, pending, _ := f.do(t, "PUT", "/api/services/"+id, admin, listing(theirs, "Hendon Community Choir"))
	if status != 200 || pending["version"].(map[string]any)["state"] != "approved" {
		t.Fatalf("admin PUT: %d %v", status, pending)
	}
}

func TestEditorChangeAnswers202Pending(t *testing.T) {
	f := newFixture(t)
	mine := f.org(t, "Roker Walkers")
	admin := f.login(t, directory.UserInput{Email: "admin@kith.example", Role: "admin"})
	editor := f.login(t, directory.UserInput{Email: "ed@roker.example", Role: "vcse_editor", OrganisationID: mine})
	_, created, _ := f.do(t, "POST", "/api/services", admin, listing(mine, "Cuppa club"))
	id := created["current"].(map[string]any)["id"].(string)
	status, body, _ := f.do(t, "PUT", "/api/services/"+id, editor, listing(mine, "Cuppa and cake club"))
	if status != 202 || body["version"].(map[string]any)["state"] != "pending" || body["current"].(map[string]any)["name"] != "Cuppa club" {
		t.Fatalf("editor change: %d %v", status, body)
	}
	vid := body["version"].(map[string]any)["id"].(string)
	status, _, _ = f.do(t, "POST", "/api/versions/"+vid+"/approve", editor, map[string]string{})
	if status != 403 {
		t.Fatalf("editor approving: %d", status)
	}
	status, _, _ = f.do(t, "POST", "/api/versions/"+vid+"/approve", admin, map[string]string{"note": "ok"})
	if status != 200 {
		t.Fatalf("admin approving: %d", status)
	}
	_, got, _ := f.do(t, "GET", "/api/services/"+id, "", nil)
	if got["name"] != "Cuppa and cake club" {
		t.Fatalf("approved change not live: %v", got["name"])
	}
}

func TestBadInputAnswersClearly(t *testing.T) {
	f := newFixture(t)
	org := f.org(t, "Roker Walkers")
	admin := f.login(t, directory.UserInput{Email: "admin@kith.example", Role: "admin"})
	bad := listing(org, "")
	bad["min_age"] = 200
	tests := []struct {
		name, method, path string
		body               any
		rawBody            string
		contentType        string
		status             int
		problem            string
	}{
		{"invalid listing", "POST", "/api/services", bad, "", "", 422, "name"},
		{"unknown field", "POST", "/api/services", map[string]any{"nmae": "x"}, "", "", 400, "body"},
		{"not json", "POST", "/api/services", nil, "{", "application/json", 400, "body"},
		{"wrong type", "POST", "/api/services", map[string]any{"name": 7}, "", "", 400, "body"},
		{"form post", "POST", "/api/services", nil, "name=x", "application/x-www-form-urlencoded", 415, ""},
		{"limit too big", "GET", "/api/services?limit=1000", nil, "", "", 400, "limit"},
		{"limit not a number", "GET", "/api/services?limit=ten", nil, "", "", 400, "limit"},
		{"bad organisation filter", "GET", "/api/services?organisation=x", nil, "", "", 400, "organisation"},
		{"malformed id", "GET", "/api/services/not-a-uuid", nil, "", "", 404, ""},
		{"unknown id", "GET", "/api/services/6a8e0c1d-7e3f-4a10-8b8c-1f0e6a434b55", nil, "", "", 404, ""},
		{"unknown route", "GET", "/api/nothing-here", nil, "", "", 404, ""},
		{"garbage postcode", "GET", "/api/postcodes/%3Cscript%3E", nil, "", "", 400, "postcode"},
		{"unknown postcode", "GET", "/api/postcodes/NE1%204ST", nil, "", "", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r io.Reader
			ct := tt.contentType
			if tt.body != nil {
				b, _ := json.Marshal(tt.body)
				r, ct = bytes.NewReader(b), "application/json"
			} else if tt.rawBody != "" {
				r = strings.NewReader(tt.rawBody)
			}
			req := httptest.NewRequest(tt.method, tt.path, r)
			if ct != "" {
				req.Header.Set("Content-Type", ct)
			}
			req.Header.Set("Cookie", "kith_session="+admin)
			resp, err := f.app.Test(req, -1)
			if err != nil {
				t.Fatal(err)
			}
			var body struct {
				Error    string            `json:"error"`
				Problems map[string]string `json:"problems"`
			}
			json.NewDecoder(resp.Body).Decode(&body)
			if resp.StatusCode != tt.status || body.Error == "" {
				t.Fatalf("status %d body %+v, want %d with an error", resp.StatusCode, body, tt.status)
			}
			if tt.problem != "" && body.Problems[tt.problem] == "" {
				t.Fatalf("problems %v do not name %q", body.Problems, tt.problem)
			}
		})
	}
	_, page, _ := f.do(t, "GET", "/api/services", "", nil)
	if page["total"].(float64) != 0 {
		t.Fatalf("bad input changed data: %v", page)
	}
}

func TestListingsAndReferenceData(t *testing.T) {
	f := newFixture(t)
	org := f.org(t, "Roker Walkers")
	admin := f.login(t, directory.UserInput{Email: "admin@kith.example", Role: "admin"})
	for _, name := range []string{"Coffee morning", "Walking netball"} {
		if status, body, _ := f.do(t, "POST", "/api/services", admin, listing(org, name)); status != 201 {
			t.Fatalf("create: %d %v", status, body)
		}
	}
	status, page, _ := f.do(t, "GET", "/api/services?organisation="+org+"&limit=1", "", nil)
	items := page["items"].([]any)
	if status != 200 || page["total"].(float64) != 2 || len(items) != 1 {
		t.Fatalf("list: %d %v", status, page)
	}
	first := items[0].(map[string]any)
	if first["name"] != "Coffee morning" || first["organisation_id"] != org || len(first["schedules"].([]any)) != 1 {
		t.Fatalf("first item %v", first)
	}
	status, pc, _ := f.do(t, "GET", "/api/postcodes/sr69aa", "", nil)
	if status != 200 || pc["postcode"] != "SR6 9AA" || pc["lsoa"] != "E01008722" {
		t.Fatalf("postcode: %d %v", status, pc)
	}
	status, terms, _ := f.do(t, "GET", "/api/taxonomy_terms", "", nil)
	if status != 200 || len(terms["items"].([]any)) < 40 {
		t.Fatalf("terms: %d", status)
	}
	status, ready, _ := f.do(t, "GET", "/readyz", "", nil)
	if status != 200 || ready["ready"] != true {
		t.Fatalf("readyz: %d %v", status, ready)
	}
}
