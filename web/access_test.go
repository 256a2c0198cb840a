package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// access is one route's row: the roles it lets through (all others must be
// refused) and, where the route decides access by what is asked for, the
// body to ask with ({segment} is the fixture id the segment names).
type access struct {
	method, path string
	allow        role
	body         string
}

const (
	spareLogin = `{"email":"` + spareEmail + `","password":"` + fixturePassword + `"}`
	spareForm  = "email=" + spareEmail + "&password=" + fixturePassword
	ownService = `{"organisation_id":"{organisations}"}`
)

// accessTable is every route × every role. A route missing from it fails
// TestAccessTable: add a row when you add a route.
var accessTable = []access{
	{"GET", "/healthz", everyone, ""},
	{"GET", "/readyz", everyone, ""},
	{"GET", "/assets/*", everyone, ""},

	{"POST", "/api/session", everyone, spareLogin},
	{"DELETE", "/api/session", everyone, ""},
	{"GET", "/api/session", signedIn, ""},
	{"PUT", "/api/session/password", signedIn, ""},

	{"GET", "/api/organisations", everyone, ""},
	{"POST", "/api/organisations", adm, ""},
	{"GET", "/api/organisations/:id", everyone, ""},
	{"PUT", "/api/organisations/:id", adm | vcseOwn, ""},
	{"GET", "/api/organisations/:id/versions", moderators | vcseOwn, ""},

	{"GET", "/api/services", everyone, ""},
	{"POST", "/api/services", adm | vcseOwn, ownService},
	{"GET", "/api/services/:id", everyone, ""},
	{"PUT", "/api/services/:id", adm | vcseOwn, ownService},
	{"GET", "/api/services/:id/versions", moderators | vcseOwn, ""},
	{"GET", "/api/services/:id/capacity", signedIn, ""},
	{"PUT", "/api/services/:id/capacity", adm | vcseOwn, ""},
	{"POST", "/api/services/:id/pause", adm | vcseOwn, ""},
	{"POST", "/api/services/:id/resume", adm | vcseOwn, ""},
	{"GET", "/api/services/:id/load", adm | vcseOwn | linkWorkers | comm, ""},

	{"GET", "/api/moderation", moderators, ""},
	{"POST", "/api/versions/:id/approve", moderators, ""},
	{"POST", "/api/versions/:id/reject", moderators, ""},

	{"GET", "/api/search", everyone, ""},
	{"GET", "/api/taxonomies", everyone, ""},
	{"GET", "/api/taxonomy_terms", everyone, ""},
	{"GET", "/api/postcodes/:postcode", everyone, ""},
	{"GET", "/api/import/template.csv", everyone, ""},

	{"GET", "/api/users", adm, ""},
	{"POST", "/api/users", adm, ""},
	{"GET", "/api/teams", signedIn, ""},
	{"POST", "/api/teams", adm, ""},

	{"GET", "/api/qa/templates", everyone, ""},
	{"POST", "/api/qa/templates", adm, ""},
	{"GET", "/api/qa/queue", moderators, ""},
	{"GET", "/api/qa/todo", moderators | editors, ""},
	{"GET", "/api/qa/organisations", moderators, ""},
	{"POST", "/api/qa/items/:id/verify", moderators, ""},
	{"POST", "/api/qa/items/:id/reject", moderators, ""},
	{"GET", "/api/evidence/:id", moderators | vcseOwn, ""},

	{"GET", "/api/organisations/:id/assurance", everyone, ""},
	{"GET", "/api/organisations/:id/assessment", moderators | vcseOwn, ""},
	{"PUT", "/api/organisations/:id/assessment/items/:key", adm | vcseOwn, ""},
	{"POST", "/api/organisations/:id/assessment/items/:key/evidence", adm | vcseOwn, ""},
	{"POST", "/api/organisations/:id/assessment/submit", adm | vcseOwn, ""},
	{"POST", "/api/organisations/:id/suspend", moderators, ""},
	{"POST", "/api/organisations/:id/unsuspend", moderators, ""},
	{"POST", "/api/organisations/:id/confirm-listing", adm | vcseOwn, ""},

	{"POST", "/api/referrals", adm | linkWorkers, ""},
	{"POST", "/api/self-referrals", everyone, ""},
	{"GET", "/api/caseload", linkWorkers, ""},
	{"GET", "/api/teams/:id/caseload", holders, ""},
	{"GET", "/api/referrals/:id", holders, ""},
	{"POST", "/api/referrals/:id/status", holders, ""},
	{"PUT", "/api/referrals/:id/link-worker", holders, ""},
	{"POST", "/api/referrals/:id/consents", holders, ""},
	{"GET", "/api/referrals/:id/contacts", holders, ""},
	{"POST", "/api/referrals/:id/contacts", holders, ""},
	{"PUT", "/api/referrals/:id/what-matters", holders, ""},
	{"GET", "/api/referrals/:id/plan", holders, ""},
	{"PUT", "/api/referrals/:id/plan", holders, ""},
	{"GET", "/api/referrals/:id/plan.txt", holders, ""},
	{"GET", "/api/referrals/:id/outcomes", holders, ""},
	{"PUT", "/api/referrals/:id/outcomes/:measure/:stage", holders, ""},
	{"GET", "/api/referrals/:id/unmet-needs", holders, ""},
	{"POST", "/api/referrals/:id/unmet-needs", holders, ""},
	{"GET", "/api/referrals/:id/summary", holders, ""},
	{"GET", "/api/referrals/:id/fhir", holders, ""},
	{"GET", "/api/referrals/:id/audit", adm, ""},
	{"GET", "/api/referrals/:id/connections", holders, ""},
	{"POST", "/api/referrals/:id/connections", holders, ""},
	{"GET", "/api/connections", adm | editors, ""},
	{"GET", "/api/connections/:id", holders | vcseOwn, ""},
	{"POST", "/api/connections/:id/status", holders | vcseOwn, ""},

	{"GET", "/api/people/:id/export", holders, ""},
	{"POST", "/api/people/:id/erase", adm, ""},

	{"GET", "/api/gaps", adm | comm, ""},
	{"GET", "/api/reports/referrals-by-source", adm | comm, ""},
	{"GET", "/api/reports/referrals-by-month", adm | comm, ""},
	{"GET", "/api/reports/referrals-by-need", adm | comm, ""},
	{"GET", "/api/reports/referrals-by-imd", adm | comm, ""},
	{"GET", "/api/reports/referrals-by-age", adm | comm, ""},
	{"GET", "/api/reports/triage", adm | comm, ""},
	{"GET", "/api/reports/contacts", adm | comm, ""},
	{"GET", "/api/reports/connections", adm | comm, ""},
	{"GET", "/api/reports/outcomes", adm | comm, ""},
	{"GET", "/api/reports/community-groups", adm | comm, ""},
	{"GET", "/api/reports/unmet-needs", adm | comm, ""},
	{"GET", "/api/reports/community-work", adm | comm, ""},
	{"POST", "/api/community-work", adm | linkWorkers, ""},
	{"GET", "/api/community-work", adm | linkWorkers, ""},

	{"GET", "/oruk/", everyone, ""},
	{"GET", "/oruk/openapi.json", everyone, ""},
	{"GET", "/oruk/services", everyone, ""},
	{"GET", "/oruk/services/:id", everyone, ""},
	{"GET", "/oruk/service_at_locations", everyone, ""},
	{"GET", "/oruk/service_at_locations/:id", everyone, ""},
	{"GET", "/oruk/organizations", everyone, ""},
	{"GET", "/oruk/organizations/:id", everyone, ""},
	{"GET", "/oruk/taxonomies", everyone, ""},
	{"GET", "/oruk/taxonomies/:id", everyone, ""},
	{"GET", "/oruk/taxonomy_terms", everyone, ""},
	{"GET", "/oruk/taxonomy_terms/:id", everyone, ""},

	// Browser pages.
	{"GET", "/login", everyone, ""},
	{"POST", "/login", everyone, spareForm},
	{"POST", "/logout", everyone, ""},
	{"GET", "/about", everyone, ""},
	{"GET", "/app/", signedIn, ""},

	{"GET", "/", everyone, ""},
	{"GET", "/services/:id", everyone, ""},
	{"GET", "/services/:id/refer", everyone, ""},
	{"POST", "/services/:id/refer", everyone, ""},
	{"GET", "/services/:id/refer/sent", everyone, ""},
	{"GET", "/services/:id/report", everyone, ""},
	{"POST", "/services/:id/report", everyone, ""},

	{"GET", "/app/caseload", linkWorkers, ""},
	{"GET", "/app/referrals/new", linkWorkers, ""},
	{"POST", "/app/referrals/new", linkWorkers, ""},
	{"GET", "/app/referrals/:id", lwOwn, ""},
	{"POST", "/app/referrals/:id/status", lwOwn, ""},
	{"POST", "/app/referrals/:id/assign", lwOwn, ""},
	{"POST", "/app/referrals/:id/consents", lwOwn, ""},
	{"POST", "/app/referrals/:id/connections/:conn", lwOwn, ""},
	{"GET", "/app/referrals/:id/contacts", lwOwn, ""},
	{"POST", "/app/referrals/:id/contacts", lwOwn, ""},
	{"GET", "/app/referrals/:id/plan", lwOwn, ""},
	{"POST", "/app/referrals/:id/plan", lwOwn, ""},
	{"GET", "/app/referrals/:id/plan/print", lwOwn, ""},
	{"GET", "/app/referrals/:id/connect", lwOwn, ""},
	{"POST", "/app/referrals/:id/connect", lwOwn, ""},
	{"GET", "/app/referrals/:id/outcomes", lwOwn, ""},
	{"POST", "/app/referrals/:id/outcomes", lwOwn, ""},
	{"GET", "/app/referrals/:id/close", lwOwn, ""},
	{"POST", "/app/referrals/:id/close", lwOwn, ""},

	{"GET", "/app/organisation", editors, ""},
	{"POST", "/app/organisation", editors, ""},
	{"GET", "/app/services/new", editors, ""},
	{"POST", "/app/services/new", editors, ""},
	{"GET", "/app/services/:id/edit", vcseOwn, ""},
	{"POST", "/app/services/:id/edit", vcseOwn, ""},
	{"GET", "/app/services/:id/capacity", vcseOwn, ""},
	{"POST", "/app/services/:id/capacity", vcseOwn, ""},
	{"GET", "/app/services/:id/load", vcseOwn, ""},
	{"GET", "/app/inbox", editors, ""},
	{"GET", "/app/connections/:id", vcseOwn, ""},
	{"POST", "/app/connections/:id", vcseOwn, ""},
	{"GET", "/app/organisation/qa", editors, ""},
	{"POST", "/app/organisation/qa", editors, ""},

	{"GET", "/app/qa", moderators, ""},
	{"GET", "/app/qa/organisations/:id", moderators, ""},
	{"POST", "/app/qa/organisations/:id", moderators, ""},

	{"GET", "/app/insight", adm | comm, ""},
	{"GET", "/app/insight/areas/:code", adm | comm, ""},

	{"GET", "/app/admin", adm, ""},
	{"GET", "/app/admin/users", adm, ""},
	{"POST", "/app/admin/users", adm, ""},
	{"GET", "/app/admin/teams", adm, ""},
	{"POST", "/app/admin/teams", adm, ""},
	{"GET", "/app/admin/taxonomy", adm, ""},
	{"GET", "/app/admin/taxonomy/:code", adm, ""},
	{"POST", "/app/admin/taxonomy/:code", adm, ""},
	{"GET", "/app/admin/qa-templates", adm, ""},
	{"POST", "/app/admin/qa-templates", adm, ""},
	{"GET", "/app/admin/moderation", moderators, ""},
	{"POST", "/app/admin/moderation/:id/approve", moderators, ""},
	{"POST", "/app/admin/moderation/:id/reject", moderators, ""},
	{"GET", "/app/admin/reindex", adm, ""},
	{"POST", "/app/admin/reindex", adm, ""},
	{"GET", "/app/admin/import", adm, ""},
	{"POST", "/app/admin/import", adm, ""},

	{"GET", "/app/admin/reports", moderators, ""},
	{"POST", "/app/admin/reports/:id/resolve", moderators, ""},
}

// refused is how a route turns a caller away: 401, 403, 404 (what the
// caller may not see does not exist for them), or a page's redirect to sign
// in.
func refused(resp *http.Response) bool {
	switch resp.StatusCode {
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound:
		return true
	case http.StatusSeeOther:
		return strings.HasPrefix(resp.Header.Get("Location"), "/login")
	}
	return false
}

func TestAccessTableCoversEveryRoute(t *testing.T) {
	rows := map[string]bool{}
	for _, a := range accessTable {
		key := a.method + " " + a.path
		if rows[key] {
			t.Errorf("%s has two rows in the access table", key)
		}
		rows[key] = true
	}
	f := &fixture{app: newFixture(t).app}
	for _, r := range f.app.GetRoutes(true) {
		key := r.Method + " " + r.Path
		if r.Method == "HEAD" {
			continue
		}
		if !rows[key] {
			t.Errorf("%s has no row in the access table (web/access_test.go): say who may use it", key)
		}
		delete(rows, key)
	}
	for key := range rows {
		t.Errorf("%s is in the access table but is not a route", key)
	}
}

// TestAccessTable asks every route as every role and insists that exactly
// the table's roles get past access control: allowed callers may still be
// told 4xx about what they sent (an empty body is mostly 422), never 5xx.
func TestAccessTable(t *testing.T) {
	f := newSecFixture(t)
	for _, a := range accessTable {
		for _, r := range allRoles {
			resp, raw := f.send(t, r, a.method, f.path(a.path), a.contentType(), f.body(a))
			switch allowed := a.allow&r != 0; {
			case resp.StatusCode >= 500:
				t.Errorf("%s %s as %s: %d %s", a.method, a.path, r, resp.StatusCode, raw)
			case allowed && refused(resp):
				t.Errorf("%s %s as %s: refused with %d %s, want allowed", a.method, a.path, r, resp.StatusCode, raw)
			case !allowed && !refused(resp):
				t.Errorf("%s %s as %s: %d %.200s, want refused", a.method, a.path, r, resp.StatusCode, raw)
			}
		}
	}
}

func (a access) page() bool {
	return !strings.HasPrefix(a.path, "/api/") && !strings.HasPrefix(a.path, "/oruk")
}

func (a access) contentType() string {
	switch {
	case a.method == "GET" || a.method == "DELETE":
		return ""
	case a.page():
		return "application/x-www-form-urlencoded"
	}
	return "application/json"
}

// body is the row's body with its ids filled in, or else an empty one of
// the route's kind.
func (f *secFixture) body(a access) string {
	b := a.body
	switch {
	case a.method == "GET" || a.method == "DELETE":
		return ""
	case b == "" && a.page():
		b = "x=1"
	case b == "":
		b = "{}"
	}
	for seg, id := range f.ids {
		b = strings.ReplaceAll(b, "{"+seg+"}", id)
	}
	return b
}
