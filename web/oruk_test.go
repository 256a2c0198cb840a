package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/postgres"
	"kith/postgres/pgtest"
	"kith/qa"
	"kith/web"
)

// feedFixture is a directory with something of everything the feed must
// publish, and everything it must not.
type feedFixture struct {
	app    *fiber.App
	dir    *directory.Store
	db     *postgres.DB
	orgs   map[string]string // name → id
	ids    map[string]string // service name → id
	schema *schemaValidator
}

func admin() context.Context { return directory.WithUser(context.Background(), directory.SystemUser()) }

func intp(n int) *int { return &n }

func floatp(f float64) *float64 { return &f }

func newFeedFixture(t *testing.T) *feedFixture {
	t.Helper()
	db := pgtest.New(t)
	dir := directory.NewStore(db)
	store := qa.NewStore(db, dir, time.Now)
	f := &feedFixture{dir: dir, db: db, orgs: map[string]string{}, ids: map[string]string{}, schema: newSchemaValidator(t),
		app: web.New(web.Config{Directory: dir, QA: store, Ready: map[string]web.Readiness{"database": db}})}
	f.org(t, "Roker Walkers", directory.OrganisationInput{Email: "hello@rokerwalkers.example", URL: "https://rokerwalkers.example/",
		Identifiers: []directory.Identifier{{Scheme: "charity_ew", Identifier: "1099999"}, {Scheme: "company", Identifier: "07123456"}}})
	f.org(t, "Hendon Community Association", directory.OrganisationInput{Description: "Hendon's community centre."})
	f.org(t, "Closed Trust", directory.OrganisationInput{})
	f.org(t, "Seaburn Shed", directory.OrganisationInput{Description: "Making and mending, Wednesdays."})
	if err := store.SeedDemo(admin(), []string{f.orgs["Roker Walkers"]}, time.Now()); err != nil {
		t.Fatal(err)
	}
	f.service(t, fullListing(f.orgs["Roker Walkers"]))
	for _, in := range simpleListings(f.orgs["Hendon Community Association"]) {
		f.service(t, in)
	}
	closed := simpleListings(f.orgs["Closed Trust"])[0]
	closed.Name = "Closed trust lunch"
	f.service(t, closed)
	f.exec(t, `UPDATE organisations SET published = false WHERE id = $1`, f.orgs["Closed Trust"])
	f.exec(t, `UPDATE services SET published = false WHERE id = $1`, f.ids["Hidden draft"])
	maximum := 12
	if _, err := dir.SetCapacity(admin(), f.ids["Roker Park health walk"], directory.CapacityInput{Maximum: &maximum}); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *feedFixture) org(t *testing.T, name string, in directory.OrganisationInput) {
	t.Helper()
	in.Name = name
	org, _, err := f.dir.CreateOrganisation(admin(), in)
	if err != nil {
		t.Fatal(err)
	}
	f.orgs[name] = org.ID
}

func (f *feedFixture) service(t *testing.T, in directory.ServiceInput) {
	t.Helper()
	svc, _, err := f.dir.CreateService(admin(), in)
	if err != nil {
		t.Fatalf("%s: %v", in.Name, err)
	}
	f.ids[in.Name] = svc.ID
}

func (f *feedFixture) exec(t *testing.T, q string, args ...any) {
	t.Helper()
	if _, err := f.db.ExecContext(context.Background(), q, args...); err != nil {
		t.Fatal(err)
	}
}

// fullListing has every child record, a hidden venue, a named contact and
// internal notes: the feed must carry the first and none of the rest.
func fullListing(org string) directory.ServiceInput {
	park := "8b8c1f0e-6a43-4b55-9a8e-0c1d7e3f2a10"
	return directory.ServiceInput{
		OrganisationID: org, Name: "Roker Park health walk", Description: "A gentle hour's walk, then a cuppa.",
		URL: "https://rokerwalkers.example/walks", Email: "walks@rokerwalkers.example", MinAge: intp(18),
		Free: true, Eligibility: "Anyone who can walk for an hour", Languages: []string{"en", "pl"},
		InternalNotes: "Key holder: ask at the café.",
		Locations: []directory.Location{
			{ID: park, Name: "Roker Park bandstand", Address1: "Roker Park Road", City: "Sunderland", Region: "Tyne and Wear",
				Postcode: "SR6 9AA", Accessibility: []string{"step_free", "accessible_toilet"}, Transport: "Bus 16 to Roker"},
			{Name: "The quiet room", Address1: "1 Secret Street", City: "Sunderland", Postcode: "SR1 1RS", HideAddress: true},
		},
		Schedules: []directory.Schedule{
			{LocationID: park, Freq: "WEEKLY", ByDay: []string{"TU", "TH"}, OpensAt: "10:00", ClosesAt: "11:00"},
			{Freq: "MONTHLY", ByDay: []string{"1SA"}, OpensAt: "13:30", ClosesAt: "15:30", ValidFrom: "2026-01-01", Description: "Longer walk"},
		},
		Phones:      []directory.Phone{{Number: "0191 555 0123", Description: "Walk line"}},
		Contacts:    []directory.Contact{{Name: "Jean Robson", Title: "Walk leader", Email: "jean@rokerwalkers.example"}},
		CostOptions: []directory.CostOption{{Option: "Tea and biscuits", Amount: floatp(0)}},
		Categories:  []string{"walking", "loneliness"},
		Areas:       []directory.ServiceArea{{Name: "Sunderland", AreaCode: "E08000024"}},
	}
}

// simpleListings are the rest of the directory, named so they sort after
// the walk and spread over days, times, ages and categories; the last two
// must never be published (a draft and a defunct listing).
func simpleListings(org string) []directory.ServiceInput {
	type spec struct {
		name, category, day, opens, closes, postcode string
		minAge, maxAge                               *int
	}
	specs := []spec{
		{"Art club", "art-classes", "MO", "10:00", "12:00", "SR6 8AA", nil, nil},
		{"Befriending calls", "befriending", "", "", "", "", intp(60), nil},
		{"Chair yoga", "gentle-exercise", "WE", "14:00", "15:00", "SR4 7AB", intp(50), intp(99)},
		{"Debt advice drop-in", "debt-advice", "FR", "09:30", "12:30", "SR1 1RS", intp(18), nil},
		{"Evening choir", "singing", "TH", "19:00", "21:00", "SR3 1AA", nil, nil},
		{"Foodbank", "food-support", "SA", "10:00", "13:00", "SR4 7AB", nil, nil},
		{"Gardening group", "community-gardening", "TU", "13:00", "16:00", "SR6 8AA", intp(16), intp(80)},
		{"Hidden draft", "crafts", "MO", "10:00", "11:00", "SR6 8AA", nil, nil},
		{"Old lunch club", "social-groups", "WE", "12:00", "13:30", "SR4 7AB", nil, nil},
	}
	out := make([]directory.ServiceInput, len(specs))
	for i, s := range specs {
		in := directory.ServiceInput{OrganisationID: org, Name: s.name, Description: "A " + strings.ToLower(s.name) + " in Hendon.",
			Categories: []string{s.category}, MinAge: s.minAge, MaxAge: s.maxAge}
		if s.postcode == "" {
			in.DeliveryModes = []string{"phone"}
			in.Phones = []directory.Phone{{Number: "0191 555 0456"}}
		} else {
			in.Locations = []directory.Location{{Name: s.name + " venue", Address1: fmt.Sprintf("%d High Street", i+1), City: "Sunderland", Postcode: s.postcode}}
			in.Schedules = []directory.Schedule{{Freq: "WEEKLY", ByDay: []string{s.day}, OpensAt: s.opens, ClosesAt: s.closes}}
		}
		if s.name == "Old lunch club" {
			in.Status = "defunct"
		}
		out[i] = in
	}
	return out
}

// get fetches path, checks the feed's promises for every answer (CORS,
// JSON, no nulls) and returns the status and decoded body.
func (f *feedFixture) get(t *testing.T, path string) (int, map[string]any) {
	t.Helper()
	resp, err := f.app.Test(httptest.NewRequest("GET", path, nil), -1)
	if err != nil {
		t.Fatal(err)
	}
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "*" {
		t.Errorf("%s: Access-Control-Allow-Origin %q, want *", path, got)
	}
	raw, _ := io.ReadAll(resp.Body)
	var body map[string]any
	if err := json.Unmarshal(raw, &body); err != nil {
		t.Fatalf("%s: %d, not a JSON object: %s", path, resp.StatusCode, raw)
	}
	if n := nulls(body, "$"); len(n) > 0 {
		t.Errorf("%s: nulls at %v", path, n)
	}
	return resp.StatusCode, body
}

// mustGet is get for answers that must be 200.
func (f *feedFixture) mustGet(t *testing.T, path string) map[string]any {
	t.Helper()
	status, body := f.get(t, path)
	if status != 200 {
		t.Fatalf("%s: %d %v", path, status, body)
	}
	return body
}

func (f *feedFixture) valid(t *testing.T, what, schema string, doc any) {
	t.Helper()
	if errs := f.schema.validate(t, schema, doc); len(errs) > 0 {
		t.Errorf("%s against %s:\n  %s", what, schema, strings.Join(errs, "\n  "))
	}
}

// names lists the names of a page's contents (a service at a location by
// its service's name).
func names(page map[string]any) []string {
	var out []string
	for _, item := range page["contents"].([]any) {
		m := item.(map[string]any)
		if svc, ok := m["service"].(map[string]any); ok {
			m = svc
		}
		out = append(out, m["name"].(string))
	}
	return out
}

func TestORUKRootAnswersWithAndWithoutSlash(t *testing.T) {
	f := newFeedFixture(t)
	for _, path := range []string{"/oruk", "/oruk/"} {
		body := f.mustGet(t, path)
		if body["version"] != "HSDS-UK-3.0" {
			t.Errorf("%s: version %v", path, body["version"])
		}
		for _, k := range []string{"profile", "openapi_url"} {
			if why := badFormat("uri", fmt.Sprint(body[k])); why != "" {
				t.Errorf("%s: %s %v: %s", path, k, body[k], why)
			}
		}
		if !strings.HasSuffix(body["openapi_url"].(string), "/oruk/openapi.json") {
			t.Errorf("%s: openapi_url %v", path, body["openapi_url"])
		}
	}
	doc := f.mustGet(t, "/oruk/openapi.json")
	if doc["openapi"] == nil || doc["paths"] == nil {
		t.Fatalf("openapi.json: %v", doc)
	}
}

// feedLists are the paginated routes, the schemas of their items and of
// their items' detail, and a page size that spreads the fixture over at
// least three pages.
var feedLists = []struct {
	path, item, detail string
	perPage            int
}{
	{"/oruk/services", "compiled/service_list.json", "compiled/service.json", 3},
	{"/oruk/service_at_locations", "compiled/service_at_location_list.json", "compiled/service_at_location.json", 3},
	{"/oruk/organizations", "compiled/organization_list.json", "compiled/organization.json", 1},
	{"/oruk/taxonomies", "taxonomy.json", "taxonomy.json", 1},
	{"/oruk/taxonomy_terms", "taxonomy_term.json", "taxonomy_term.json", 20},
}

// TestORUKListsAndDetailsValidate walks every list at its first, a middle
// and its last page and one past the end, in both trailing-slash forms,
// checking each page's envelope and flags, each item against the list
// schema, and the detail of every item against the full schema.
func TestORUKListsAndDetailsValidate(t *testing.T) {
	f := newFeedFixture(t)
	f.exec(t, `INSERT INTO taxonomies (name, description) VALUES ('Empty vocabulary', 'Has no terms yet.'),
		('Another vocabulary', 'Nor has this one.')`)
	for _, l := range feedLists {
		t.Run(l.path, func(t *testing.T) {
			first := f.mustGet(t, fmt.Sprintf("%s?per_page=%d", l.path, l.perPage))
			pages := int(num(first["total_pages"]))
			if pages < 3 {
				t.Fatalf("only %d pages of %d; the fixture should fill three", pages, l.perPage)
			}
			seen := map[string]bool{}
			for _, page := range []int{1, (pages + 1) / 2, pages, pages + 1} {
				path := fmt.Sprintf("%s/?page=%d&per_page=%d", l.path, page, l.perPage)
				body := f.mustGet(t, path)
				if errs := f.schema.pageErrors(t, body, page, l.perPage); len(errs) > 0 {
					t.Errorf("%s: %v", path, errs)
				}
				if body["total_items"] != first["total_items"] {
					t.Errorf("%s: total_items %v, first page said %v", path, body["total_items"], first["total_items"])
				}
				f.checkItems(t, l.path, l.item, l.detail, body, seen)
			}
			if last := f.mustGet(t, fmt.Sprintf("%s?page=%d&per_page=%d", l.path, pages+1, l.perPage)); len(last["contents"].([]any)) != 0 {
				t.Errorf("a page past the end has items")
			}
		})
	}
}

func (f *feedFixture) checkItems(t *testing.T, path, item, detail string, page map[string]any, seen map[string]bool) {
	t.Helper()
	for i, it := range page["contents"].([]any) {
		id := it.(map[string]any)["id"].(string)
		if seen[id] {
			t.Errorf("%s appears on two pages", id)
		}
		seen[id] = true
		f.valid(t, fmt.Sprintf("%s item %d", path, i), item, it)
		f.valid(t, path+"/"+id, detail, f.mustGet(t, path+"/"+id))
		if again := f.mustGet(t, path+"/"+id+"/"); again["id"] != id {
			t.Errorf("%s/%s/ answers %v", path, id, again["id"])
		}
	}
}

func TestORUKServiceIsFullyNestedAndPublicOnly(t *testing.T) {
	f := newFeedFixture(t)
	svc := f.mustGet(t, "/oruk/services/"+f.ids["Roker Park health walk"])
	f.valid(t, "the walk", "compiled/service.json", svc)
	for _, k := range []string{"organization", "service_at_locations", "schedules", "phones", "cost_options",
		"languages", "service_areas", "attributes", "assured_date", "last_modified"} {
		if svc[k] == nil {
			t.Errorf("the walk has no %s", k)
		}
	}
	raw, _ := json.Marshal(svc)
	for _, secret := range []string{`"contacts":`, "Jean Robson", "Key holder", "1 Secret Street", "SR1 1RS", `"capacity`, `"maximum":`} {
		if strings.Contains(string(raw), secret) {
			t.Errorf("the feed publishes %q", secret)
		}
	}
	org := svc["organization"].(map[string]any)
	if len(org["organization_identifiers"].([]any)) != 2 || org["website"] != "https://rokerwalkers.example/" {
		t.Errorf("organisation %v", org)
	}
	for _, sal := range svc["service_at_locations"].([]any) {
		loc := sal.(map[string]any)["location"].(map[string]any)
		if loc["name"] == "The quiet room" && (loc["addresses"] != nil || loc["latitude"] != 54.91) {
			t.Errorf("hidden venue shown as %v", loc)
		}
	}
	if svc["fees"] != "Free" || svc["minimum_age"] != 18.0 {
		t.Errorf("fees %v, minimum_age %v", svc["fees"], svc["minimum_age"])
	}
	hendon := f.mustGet(t, "/oruk/services/"+f.ids["Art club"])
	if hendon["assured_date"] != nil {
		t.Errorf("an organisation with no QA has assured_date %v", hendon["assured_date"])
	}
}

func TestORUKPublishesOnlyFindableListings(t *testing.T) {
	f := newFeedFixture(t)
	listed := strings.Join(names(f.mustGet(t, "/oruk/services?per_page=100")), ", ")
	want := "Art club, Befriending calls, Chair yoga, Debt advice drop-in, Evening choir, Foodbank, Gardening group, Roker Park health walk"
	if listed != want {
		t.Errorf("services: %s\nwant:     %s", listed, want)
	}
	for _, name := range []string{"Hidden draft", "Old lunch club", "Closed trust lunch"} {
		if status, _ := f.get(t, "/oruk/services/"+f.ids[name]); status != 404 {
			t.Errorf("%s: %d, want 404", name, status)
		}
	}
	if status, _ := f.get(t, "/oruk/organizations/"+f.orgs["Closed Trust"]); status != 404 {
		t.Errorf("unpublished organisation: %d, want 404", status)
	}
	links := names(f.mustGet(t, "/oruk/service_at_locations?per_page=100"))
	if len(links) != 8 || strings.Contains(strings.Join(links, ","), "Hidden draft") {
		t.Errorf("service_at_locations: %v", links)
	}
}

func TestORUKAnswersErrorsAsJSONWithCORS(t *testing.T) {
	f := newFeedFixture(t)
	for path, want := range map[string]int{
		"/oruk/services/not-a-uuid":                                 404,
		"/oruk/services/6a8e0c1d-7e3f-4a10-8b8c-1f0e6a434b55":       404,
		"/oruk/nothing-here":                                        404,
		"/oruk/services?page=0":                                     400,
		"/oruk/services?per_page=100000":                            400,
		"/oruk/taxonomy_terms?top_only=perhaps":                     400,
		"/oruk/service_at_locations?proximity=500":                  400,
		"/oruk/taxonomy_terms/6a8e0c1d-7e3f-4a10-8b8c-1f0e6a434b55": 404,
	} {
		status, body := f.get(t, path)
		if status != want || body["error"] == nil {
			t.Errorf("%s: %d %v, want %d with an error", path, status, body, want)
		}
	}
	resp, err := f.app.Test(httptest.NewRequest("POST", "/oruk/services", strings.NewReader("{}")), -1)
	if err != nil || resp.StatusCode < 400 {
		t.Errorf("POST to the feed: %v %v", resp.StatusCode, err)
	}
}

func TestImportTemplateIsServed(t *testing.T) {
	f := newFixture(t)
	resp, err := f.app.Test(httptest.NewRequest("GET", "/api/import/template.csv", nil), -1)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") ||
		!strings.HasPrefix(string(raw), "service_ref,organisation,") {
		t.Fatalf("%d %q %.80q", resp.StatusCode, resp.Header.Get("Content-Type"), raw)
	}
}
