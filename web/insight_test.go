package web_test

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/postgres/pgtest"
	"kith/qa"
	"kith/referral"
	"kith/referral/insight"
	"kith/web"
)

// personal is everything about the people in the insight fixture that
// identifies them or that someone wrote about them: none of it may reach a
// commissioner in any form.
var personal = []string{"Zebedee", "Quarterman", "1951-06-14", "9434765919", "943 476 5919", "SR2 7BP", "SR27BP",
	"Tunstall Road", "07700900123", "zeb@example.org", "Dr Amira Patel", "REASON-TEXT", "CONTACT-NOTE",
	"UNMET-NOTE", "WORK-NOTE", "CONNECTION-REASON"}

// fullPostcode matches a whole UK postcode; a district (SR2) is allowed.
var fullPostcode = regexp.MustCompile(`\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b`)

// personKeys are JSON fields that only person-level records have.
var personKeys = map[string]bool{"date_of_birth": true, "nhs_number": true, "postcode": true, "address": true,
	"phone": true, "email": true, "notes": true, "reason": true, "person": true, "person_name": true,
	"contact_route": true, "referral_id": true}

type insightFixture struct {
	app     *fiber.App
	cookies map[string]string
}

// newInsightFixture is six referrals from Sunderland with every kind of
// person data filled in, taken as far as connections, an unmet need,
// wellbeing measures and community work.
func newInsightFixture(t *testing.T) *insightFixture {
	t.Helper()
	db := pgtest.New(t)
	clock := func() time.Time { return time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) }
	dir := directory.NewStore(db)
	assurance := qa.NewStore(db, dir, clock)
	ref := referral.NewStore(db, dir, assurance, clock)
	f := &insightFixture{cookies: map[string]string{},
		app: web.New(web.Config{Directory: dir, QA: assurance, Referrals: ref, Now: clock,
			Insight: insight.NewStore(db, assurance, clock)})}
	admin := directory.WithUser(context.Background(), directory.SystemUser())
	team, err := dir.CreateTeam(admin, directory.TeamInput{Name: "Sunderland East PCN", AreaCode: "E08000024"})
	check(t, err)
	org, _, err := dir.CreateOrganisation(admin, directory.OrganisationInput{Name: "Hendon Health Walks"})
	check(t, err)
	check(t, assurance.SeedDemo(admin, []string{org.ID}, clock()))
	svc, _, err := dir.CreateService(admin, directory.ServiceInput{OrganisationID: org.ID, Name: "Hendon walk",
		Categories: []string{"walking"}, Locations: []directory.Location{{Name: "Bandstand", Postcode: "SR2 7AU"}}})
	check(t, err)
	places := 4
	_, err = dir.SetCapacity(admin, svc.ID, directory.CapacityInput{Maximum: &places})
	check(t, err)
	for who, in := range map[string]directory.UserInput{
		"worker": {Role: directory.RoleLinkWorker, TeamID: team.ID}, "editor": {Role: directory.RoleVCSEEditor, OrganisationID: org.ID},
		"commissioner": {Role: directory.RoleCommissioner, AreaCode: "E08000024"}, "reviewer": {Role: directory.RoleQAReviewer},
		"admin": {Role: directory.RoleAdmin},
	} {
		in.Email, in.Password = who+"@kith.example", "correct horse battery"
		u, err := dir.CreateUser(admin, in)
		check(t, err)
		f.cookies[who], _, err = dir.Login(context.Background(), in.Email, in.Password)
		check(t, err)
		if who == "worker" {
			f.journeys(t, ref, directory.WithUser(context.Background(), &u), svc.ID)
		}
	}
	return f
}

func (f *insightFixture) journeys(t *testing.T, ref *referral.Store, worker context.Context, service string) {
	t.Helper()
	for k := range 6 {
		r, _, err := ref.CreateReferral(worker, referral.ReferralInput{
			Person: referral.PersonInput{Name: "Zebedee Quarterman", DateOfBirth: "1951-06-14", NHSNumber: "943 476 5919",
				Postcode: "SR2 7BP", Phone: "07700 900123", Email: "zeb@example.org", Address: "12 Tunstall Road"},
			Source: "gp_practice", Referrer: referral.Referrer{Name: "Dr Amira Patel"}, Needs: []string{"walking"},
			Reason: "REASON-TEXT", Consent: referral.ConsentInput{Referral: true, ShareServices: true}}, "")
		check(t, err)
		if k > 1 {
			continue
		}
		_, err = ref.Move(worker, r.ID, referral.Move{Status: referral.StatusAccepted})
		check(t, err)
		_, err = ref.AddContact(worker, r.ID, referral.ContactInput{Kind: "phone", Notes: "CONTACT-NOTE"})
		check(t, err)
		_, _, err = ref.Connect(worker, r.ID, referral.ConnectionInput{ServiceID: service, Reason: "CONNECTION-REASON"}, "")
		check(t, err)
		_, err = ref.RecordUnmetNeed(worker, r.ID, referral.UnmetNeedInput{Need: "befriending", Notes: "UNMET-NOTE"})
		check(t, err)
		for _, stage := range referral.Stages {
			_, err = ref.RecordOutcome(worker, r.ID, referral.MeasureONS4, stage, referral.OutcomeInput{
				Items: map[string]int{"life_satisfaction": 5, "worthwhile": 6, "happy": 7, "anxious": 8}})
			check(t, err)
		}
	}
}

func check(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// get sends a GET (or a POST with a JSON body) as who, with extra headers.
func (f *insightFixture) send(t *testing.T, who, method, path string, body any, headers ...string) (int, string, string) {
	t.Helper()
	resp, raw := jsonRequest(t, f.app, method, path, f.cookies[who], body, headers...)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(raw)
}

// aggregateRoutes is every commissioner route, in each of its formats.
func aggregateRoutes() []string {
	routes := []string{"/api/gaps", "/api/gaps?format=csv", "/api/gaps?geography=ward&category=walking",
		"/api/gaps?geography=la&format=csv", "/api/gaps?geography=grid&cell_km=3&radius_km=2"}
	for _, r := range insight.Reports {
		routes = append(routes, "/api/reports/"+string(r), "/api/reports/"+string(r)+"?format=csv&geography=lsoa")
	}
	return routes
}

func TestNoAggregateCarriesPersonData(t *testing.T) {
	f := newInsightFixture(t)
	f.send(t, "worker", "POST", "/api/community-work", map[string]any{"kind": "advice_training",
		"area_code": "E08000024", "category": "walking", "notes": "WORK-NOTE about Zebedee Quarterman"})
	for _, route := range aggregateRoutes() {
		status, _, body := f.send(t, "commissioner", "GET", route, nil)
		if status != 200 {
			t.Fatalf("%s: %d %s", route, status, body)
		}
		for _, s := range personal {
			if strings.Contains(body, s) {
				t.Errorf("%s carries %q", route, s)
			}
		}
		if pc := fullPostcode.FindString(body); pc != "" {
			t.Errorf("%s carries the postcode %s", route, pc)
		}
		if strings.HasPrefix(body, "{") {
			var doc any
			check(t, json.Unmarshal([]byte(body), &doc))
			if key := personKey(doc); key != "" {
				t.Errorf("%s has a %q field", route, key)
			}
		}
	}
}

// personKey finds a person-level field name anywhere in a JSON document.
func personKey(doc any) string {
	switch v := doc.(type) {
	case map[string]any:
		for k, x := range v {
			if personKeys[k] {
				return k
			}
			if found := personKey(x); found != "" {
				return found
			}
		}
	case []any:
		for _, x := range v {
			if found := personKey(x); found != "" {
				return found
			}
		}
	}
	return ""
}

func TestAggregatesAreForCommissioners(t *testing.T) {
	f := newInsightFixture(t)
	for _, route := range aggregateRoutes() {
		for who, want := range map[string]int{"": 401, "worker": 403, "editor": 403, "reviewer": 403, "admin": 200} {
			if status, _, body := f.send(t, who, "GET", route, nil); status != want {
				t.Errorf("%s as %q: %d %s, want %d", route, who, status, body, want)
			}
		}
	}
}

func TestAggregateFormatsAndBadInput(t *testing.T) {
	f := newInsightFixture(t)
	tests := []struct {
		path, accept string
		status       int
		contentType  string
		problem      string
	}{
		{"/api/gaps", "", 200, "application/geo+json", ""},
		{"/api/gaps", "text/csv", 200, "text/csv; charset=utf-8", ""},
		{"/api/reports/triage", "", 200, "application/json", ""},
		{"/api/reports/triage?format=csv", "", 200, "text/csv; charset=utf-8", ""},
		{"/api/gaps?geography=county", "", 400, "", "geography"},
		{"/api/gaps?radius_km=500", "", 400, "", "radius_km"},
		{"/api/reports/outcomes?from=2026-13-01", "", 400, "", "from"},
		{"/api/reports/outcomes?format=xml", "", 400, "", "format"},
		{"/api/reports/outcomes?near=SR1", "", 400, "", "near"},
		{"/api/gaps?category=no-such-need", "", 422, "", "category"},
		{"/api/reports/no-such-report", "", 404, "", ""},
	}
	for _, tt := range tests {
		status, ct, body := f.send(t, "commissioner", "GET", tt.path, nil, "Accept", tt.accept)
		if status != tt.status || (tt.contentType != "" && !strings.HasPrefix(ct, tt.contentType)) {
			t.Errorf("%s: %d %s, want %d %s", tt.path, status, ct, tt.status, tt.contentType)
		}
		if tt.problem != "" && !strings.Contains(body, `"`+tt.problem+`":`) {
			t.Errorf("%s: %s does not name %s", tt.path, body, tt.problem)
		}
	}
}

func TestCommunityWorkOverHTTP(t *testing.T) {
	f := newInsightFixture(t)
	entry := map[string]any{"kind": "new_group", "area_code": "E08000024", "notes": "WORK-NOTE"}
	for who, want := range map[string]int{"worker": 201, "commissioner": 403, "editor": 403, "": 401} {
		if status, _, body := f.send(t, who, "POST", "/api/community-work", entry); status != want {
			t.Errorf("POST as %q: %d %s, want %d", who, status, body, want)
		}
	}
	status, _, body := f.send(t, "worker", "POST", "/api/community-work", map[string]any{"kind": "new_group"})
	if status != 422 || !strings.Contains(body, `"organisation_id"`) {
		t.Errorf("incomplete entry: %d %s", status, body)
	}
	status, _, body = f.send(t, "worker", "GET", "/api/community-work", nil)
	if status != 200 || !strings.Contains(body, `"total":1`) || !strings.Contains(body, "WORK-NOTE") {
		t.Errorf("the team's log: %d %s", status, body)
	}
	for path, want := range map[string]int{"/api/community-work?team=nope": 400, "/api/community-work?limit=0": 400} {
		if status, _, body := f.send(t, "worker", "GET", path, nil); status != want {
			t.Errorf("%s: %d %s", path, status, body)
		}
	}
	if status, _, _ := f.send(t, "commissioner", "GET", "/api/community-work", nil); status != 403 {
		t.Errorf("a commissioner read the log: %d", status)
	}
}
