package web_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/postgres/pgtest"
	"kith/search"
	"kith/web"
)

// gardenSearch is an app with search over one listing: a free community
// garden near SR2 8AA on Tuesday mornings.
func gardenSearch(t *testing.T) (*fiber.App, *directory.Store) {
	t.Helper()
	db := pgtest.New(t)
	store := directory.NewStore(db)
	admin := directory.WithUser(context.Background(), directory.SystemUser())
	org, _, err := store.CreateOrganisation(admin, directory.OrganisationInput{Name: "Hendon Gardeners"})
	if err != nil {
		t.Fatal(err)
	}
	in := directory.ServiceInput{OrganisationID: org.ID, Name: "Hendon community garden",
		Description: "Grow vegetables with neighbours; tools and tea provided.", Free: true,
		Categories: []string{"community-gardening"},
		Locations:  []directory.Location{{Name: "Allotments", Postcode: "SR2 8AA"}},
		Schedules:  []directory.Schedule{{Freq: "WEEKLY", ByDay: []string{"TU"}, OpensAt: "10:00", ClosesAt: "12:00"}}}
	if _, _, err := store.CreateService(admin, in); err != nil {
		t.Fatal(err)
	}
	engine, err := search.Open(context.Background(), search.Config{Dir: t.TempDir(), Source: store})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { engine.Close() })
	if err := engine.Rebuild(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	return web.New(web.Config{Directory: store, Search: engine}), store
}

func TestSearchAPI(t *testing.T) {
	app, store := gardenSearch(t)
	f := &fixture{app: app, store: store}

	status, body, _ := f.do(t, "GET", "/api/search?q=gardening&near=SR2+8AA", "", nil)
	if status != 200 || body["total"].(float64) != 1 {
		t.Fatalf("search: %d %v", status, body)
	}
	r := body["results"].([]any)[0].(map[string]any)
	why := r["why"].(string)
	if r["name"] != "Hendon community garden" || r["distance_km"].(float64) != 0 || r["next_session"] == nil ||
		!strings.Contains(why, "matches 'gardening'") || !strings.Contains(why, "free") {
		t.Fatalf("result %v", r)
	}
	if _, ok := r["places_left"]; !ok {
		t.Fatal("places_left must be present (null when unknown)")
	}
	facets := body["facets"].(map[string]any)
	if facets["category"].(map[string]any)["nature-gardening"].(float64) != 1 {
		t.Fatalf("facets %v", facets)
	}
	for _, bad := range []string{"radius_km=500", "near=atlantis", "day=someday", "limit=1000", "bogus=1", "q=%ff"} {
		req := httptest.NewRequest("GET", "/api/search?"+bad, nil)
		resp, _ := f.app.Test(req, -1)
		if resp.StatusCode != 400 {
			t.Errorf("%s: %d, want 400", bad, resp.StatusCode)
		}
	}
}
