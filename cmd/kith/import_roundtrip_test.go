package main

import (
	"context"
	"encoding/json"
	"net"
	"sort"
	"testing"
	"time"

	"kith/directory"
	"kith/qa"
	"kith/web"
)

func ptr[T any](v T) *T { return &v }

// roundTripListings are listings of every shape the feed carries: venues
// shared between services, weekly and monthly sessions, phone-only and
// online services, every child record.
func roundTripListings(walkers, shed string) []directory.ServiceInput {
	park := "8b8c1f0e-6a43-4b55-9a8e-0c1d7e3f2a10"
	hall := directory.Location{Name: "Hendon community hall", Address1: "Toward Road", Address2: "Rear entrance",
		City: "Sunderland", Region: "Tyne and Wear", Postcode: "SR2 8RS", Accessibility: []string{"hearing_loop", "parking"}}
	return []directory.ServiceInput{
		{OrganisationID: walkers, Name: "Roker Park health walk", AlternateName: "Roker strollers",
			Description: "A gentle hour's walk.\n\nTea & biscuits after.", URL: "https://rokerwalkers.example/walks",
			Email: "walks@rokerwalkers.example", MinAge: ptr(18), MaxAge: ptr(99), Free: true, Eligibility: "Anyone who can walk for an hour",
			Languages: []string{"en", "pl", "bfi"}, DeliveryModes: []string{"in_person", "online"},
			Locations: []directory.Location{{ID: park, Name: "Roker Park bandstand", Description: "By the lake",
				Address1: "Roker Park Road", City: "Sunderland", Region: "Tyne and Wear", Postcode: "SR6 9AA",
				Accessibility: []string{"step_free", "accessible_toilet", "wheelchair"}, Transport: "Bus 16"}},
			Schedules: []directory.Schedule{
				{LocationID: park, Freq: "WEEKLY", ByDay: []string{"TU", "TH"}, OpensAt: "10:00", ClosesAt: "11:00"},
				{Freq: "MONTHLY", ByDay: []string{"1SA", "-1SU"}, OpensAt: "13:30", ClosesAt: "15:30",
					ValidFrom: "2026-01-01", ValidTo: "2027-12-31", Description: "Longer walk"},
			},
			Phones:      []directory.Phone{{Number: "0191 555 0123", Type: "text", Description: "Texts only"}},
			CostOptions: []directory.CostOption{{Option: "Tea", Amount: ptr(0.0), Description: "On us"}},
			Categories:  []string{"walking", "loneliness"},
			Areas:       []directory.ServiceArea{{Name: "Sunderland", AreaCode: "E08000024", Description: "All of the city"}}},
		{OrganisationID: shed, Name: "Woodwork mornings", Description: "Make and mend.", Status: "temporarily closed",
			FeesDescription: "£2 a session for materials", Locations: []directory.Location{hall},
			Schedules:   []directory.Schedule{{Freq: "WEEKLY", ByDay: []string{"MO", "WE"}, OpensAt: "09:30", ClosesAt: "12:00"}},
			CostOptions: []directory.CostOption{{Option: "Session", Amount: ptr(2.0)}}, Categories: []string{"mens-sheds"}},
		{OrganisationID: shed, Name: "Shed social", Description: "Bacon butties and chat.", Locations: []directory.Location{hall},
			Schedules:  []directory.Schedule{{Freq: "MONTHLY", ByDay: []string{"2FR"}, OpensAt: "18:00", ClosesAt: "21:00"}},
			Categories: []string{"social-groups"}},
		{OrganisationID: shed, Name: "Phone a shedder", Description: "A call when you need one.", DeliveryModes: []string{"phone"},
			Phones: []directory.Phone{{Number: "0191 555 0456"}}, Categories: []string{"befriending"}},
		{OrganisationID: walkers, Name: "Walking podcast", Description: "Routes to listen to.", URL: "https://rokerwalkers.example/podcast",
			DeliveryModes: []string{"online"}, Categories: []string{"walking"}},
	}
}

// serveFeed serves a Kith directory's ORUK feed on a loopback port.
func serveFeed(t *testing.T, k kithDB) string {
	t.Helper()
	app := web.New(web.Config{Directory: k.dir, QA: qa.NewStore(k.db, k.dir, time.Now)})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go app.Listener(ln)
	t.Cleanup(func() { app.Shutdown() })
	return "http://" + ln.Addr().String()
}

// Export Kith's feed, import it into an empty database, and the same
// services come back: everything the public may see of them.
func TestRoundTripThroughTheFeed(t *testing.T) {
	from, to := newKithDB(t), newKithDB(t)
	ctx := directory.WithUser(context.Background(), directory.SystemUser())
	walkers, _, err := from.dir.CreateOrganisation(ctx, directory.OrganisationInput{Name: "Roker Walkers",
		Description: "Walks for all.", Email: "hello@rokerwalkers.example", URL: "https://rokerwalkers.example/",
		Identifiers: []directory.Identifier{{Scheme: "charity_ew", Identifier: "1099999"}, {Scheme: "cic", Identifier: "CE012345"}}})
	if err != nil {
		t.Fatal(err)
	}
	shed, _, err := from.dir.CreateOrganisation(ctx, directory.OrganisationInput{Name: "Hendon Shed"})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range roundTripListings(walkers.ID, shed.ID) {
		if _, _, err := from.dir.CreateService(ctx, in); err != nil {
			t.Fatalf("%s: %v", in.Name, err)
		}
	}
	feed := serveFeed(t, from)
	out := to.mustKith(t, "import", "oruk", "--delay", "0s", feed+"/oruk/")
	wantLines(t, out, "imported ORUK 3.0 feed", "services       created 5, updated 0, unchanged 0, rejected 0",
		"organisations  created 2")
	want, got := public(t, from), public(t, to)
	for name, w := range want {
		if g := got[name]; g != w {
			t.Errorf("%s\nexported: %s\nimported: %s", name, w, g)
		}
	}
	if len(got) != len(want) {
		t.Errorf("imported %d services, exported %d", len(got), len(want))
	}
	again := to.mustKith(t, "import", "oruk", "--delay", "0s", feed+"/oruk/services")
	wantLines(t, again, "services       created 0, updated 0, unchanged 5, rejected 0")
}

// public is each listing of a directory as the public sees it, in a form
// that does not depend on ids: venues by name, children sorted.
func public(t *testing.T, k kithDB) map[string]string {
	t.Helper()
	page, err := k.dir.Services(context.Background(), directory.ServiceFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, svc := range page.Items {
		org, err := k.dir.Organisation(context.Background(), svc.OrganisationID)
		if err != nil {
			t.Fatal(err)
		}
		in := svc.Input()
		in.OrganisationID = ""
		venues := map[string]string{"": ""}
		for i := range in.Locations {
			venues[in.Locations[i].ID] = in.Locations[i].Name
			in.Locations[i].ID = ""
		}
		for i := range in.Schedules {
			in.Schedules[i].ID, in.Schedules[i].LocationID = "", venues[in.Schedules[i].LocationID]
		}
		for i := range in.Phones {
			in.Phones[i].ID = ""
		}
		for i := range in.CostOptions {
			in.CostOptions[i].ID = ""
		}
		for i := range in.Areas {
			in.Areas[i].ID = ""
		}
		sort.Strings(in.DeliveryModes)
		sort.Strings(in.Languages)
		b, _ := json.Marshal(struct {
			Service      directory.ServiceInput
			Organisation directory.OrganisationInput
		}{in, org.Input()})
		out[svc.Name] = canonical(b)
	}
	return out
}

// canonical re-encodes JSON with every list sorted, so order the database
// happens to return children in does not count as a difference.
func canonical(b []byte) string {
	var v any
	json.Unmarshal(b, &v)
	c, _ := json.Marshal(sortLists(v))
	return string(c)
}

func sortLists(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = sortLists(e)
		}
	case []any:
		keys := make([]string, len(x))
		for i, e := range x {
			b, _ := json.Marshal(sortLists(e))
			keys[i] = string(b)
		}
		sort.Strings(keys)
		out := make([]any, len(keys))
		for i, k := range keys {
			json.Unmarshal([]byte(k), &out[i])
		}
		return out
	}
	return v
}
