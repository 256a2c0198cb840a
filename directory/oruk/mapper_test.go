package oruk_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"kith/directory"
	"kith/directory/oruk"
)

// categories stands in for Kith's taxonomy: a few codes and names.
var categories = []directory.Term{
	{Code: "mens-sheds", Name: "Men's sheds"}, {Code: "social-groups", Name: "Social & lunch clubs"},
	{Code: "befriending", Name: "Befriending"}, {Code: "debt-advice", Name: "Debt advice"},
	{Code: "sport", Name: "Sport & swimming"}, {Code: "walking", Name: "Walking groups"},
}

const mapping = `# test mapping
vocabulary,term,category
esdServiceTypes,Mens sheds,mens-sheds
*,coffee mornings,social-groups
Open Referral Needs,cccccccc-0000-4000-8000-000000000001,debt-advice
`

func mapper(t *testing.T) oruk.Mapper {
	t.Helper()
	v, err := oruk.LoadVocabulary(strings.NewReader(mapping), categories)
	if err != nil {
		t.Fatal(err)
	}
	return oruk.Mapper{Source: "test", Vocabulary: v}
}

// readFile maps every record of a saved feed, by source id; records that
// cannot be listings are returned by their place in the feed.
func readFile(t *testing.T, name string) (oruk.Page, map[string]oruk.Record, map[int]string) {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	page, err := oruk.ReadPage(data)
	if err != nil {
		t.Fatal(err)
	}
	m := mapper(t)
	recs, refused := map[string]oruk.Record{}, map[int]string{}
	for i, it := range page.Items {
		r, err := m.Map(it)
		if err != nil {
			refused[i] = err.Error()
			continue
		}
		if _, dup := recs[r.SourceID]; !dup {
			recs[r.SourceID] = r
		}
	}
	return page, recs, refused
}

func TestMapsAnORUK1Feed(t *testing.T) {
	page, recs, refused := readFile(t, "oruk1_feed.json")
	if page.Version != oruk.Version1 || page.TotalItems != 10 || !page.Last {
		t.Fatalf("page %+v", page)
	}
	if len(refused) != 3 || !strings.Contains(refused[4], "no id") || !strings.Contains(refused[5], "no id") ||
		!strings.Contains(refused[8], "no organisation") {
		t.Errorf("refused %v", refused)
	}
	shed := recs["101"]
	svc := shed.Service
	if svc.Name != "Sunderland Men's Shed" || svc.Description != "A friendly workshop for men.\n\n• Woodwork\n• Tea & chat" {
		t.Errorf("name %q description %q", svc.Name, svc.Description)
	}
	if svc.URL != "https://www.sunderlandshed.example" || svc.Email != "" || svc.Status != "active" || !svc.Free {
		t.Errorf("url %q email %q status %q free %v", svc.URL, svc.Email, svc.Status, svc.Free)
	}
	if *svc.MinAge != 18 || svc.MaxAge != nil || svc.Eligibility != "Men aged 18 and over" {
		t.Errorf("ages %v %v eligibility %q", svc.MinAge, svc.MaxAge, svc.Eligibility)
	}
	if len(svc.Phones) != 1 || svc.Phones[0].Number != "0191 555 0199" || len(svc.Contacts) != 1 || svc.Contacts[0].Phone != "0191 555 0199" {
		t.Errorf("phones %+v contacts %+v", svc.Phones, svc.Contacts)
	}
	if !slices.Equal(svc.Languages, []string{"en"}) || len(svc.Areas) != 1 || svc.Areas[0].AreaCode != "E08000024" {
		t.Errorf("languages %v areas %+v", svc.Languages, svc.Areas)
	}
	checkShedVenue(t, svc)
	if !slices.Equal(svc.Categories, []string{"mens-sheds"}) || len(shed.Terms) != 2 || shed.Terms[1].Category != "" {
		t.Errorf("categories %v terms %+v", svc.Categories, shed.Terms)
	}
	if shed.Organisation == nil || shed.Organisation.Description != "Registered charity" {
		t.Errorf("organisation %+v", shed.Organisation)
	}
	for _, want := range []string{"not an email address", "swapped", "Klingon", "days of the month", "closes (13:00) before"} {
		if !strings.Contains(strings.Join(shed.Fixes, "\n"), want) {
			t.Errorf("fixes do not mention %q:\n%s", want, strings.Join(shed.Fixes, "\n"))
		}
	}
}

func checkShedVenue(t *testing.T, svc directory.ServiceInput) {
	t.Helper()
	l := svc.Locations[0]
	if len(svc.Locations) != 1 || *l.Lat != 54.92952 || *l.Lon != -1.38413 || l.Postcode != "SR6 9AA" || l.Country != "GB" || l.Region != "Tyne and Wear" {
		t.Fatalf("venue %+v", l)
	}
	if !slices.Equal(l.Accessibility, []string{"step_free", "accessible_toilet"}) || !strings.HasSuffix(l.Description, "Access: Dogs welcome") {
		t.Errorf("accessibility %v, description %q", l.Accessibility, l.Description)
	}
	if len(svc.Schedules) != 2 {
		t.Fatalf("schedules %+v", svc.Schedules)
	}
	weekly, monthly := svc.Schedules[0], svc.Schedules[1]
	if weekly.LocationID != l.ID || !slices.Equal(weekly.ByDay, []string{"MO", "WE"}) || weekly.OpensAt != "09:30" || weekly.ClosesAt != "12:30" {
		t.Errorf("weekly %+v", weekly)
	}
	if monthly.Freq != "MONTHLY" || !slices.Equal(monthly.ByDay, []string{"-1FR"}) || monthly.LocationID != "" {
		t.Errorf("monthly %+v", monthly)
	}
}

func TestMapsTheRestOfAnORUK1Feed(t *testing.T) {
	_, recs, _ := readFile(t, "oruk1_feed.json")
	coffee := recs["102"].Service
	if coffee.Free || coffee.FeesDescription != "£1 for coffee" || coffee.Locations[0].Lat != nil || coffee.Schedules[0].ByDay[0] != "TH" {
		t.Errorf("coffee morning %+v", coffee)
	}
	if !slices.Equal(coffee.Categories, []string{"social-groups"}) {
		t.Errorf("a * rule did not map: %v", coffee.Categories)
	}
	phone := recs["103"].Service
	if len(phone.Locations) != 0 || !slices.Equal(phone.DeliveryModes, []string{"phone"}) || len(phone.Contacts) != 0 ||
		!slices.Equal(phone.Categories, []string{"befriending"}) {
		t.Errorf("phone service %+v", phone)
	}
	walk := recs["107"]
	if walk.Organisation != nil || walk.OrganisationID != recs["102"].OrganisationID {
		t.Errorf("a record naming its organisation by id: %+v", walk)
	}
	if !slices.Equal(walk.Service.DeliveryModes, []string{"in_person", "online"}) || len(walk.Service.Schedules[0].ByDay) != 7 {
		t.Errorf("walk %+v", walk.Service)
	}
	if walk.Service.Schedules[0].OpensAt != "10:00" || walk.Service.Locations[0].Postcode != "SR2 9XX" {
		t.Errorf("walk schedule %+v", walk.Service.Schedules[0])
	}
}

func TestMapsAnORUK3Page(t *testing.T) {
	page, recs, refused := readFile(t, "oruk3_page.json")
	if page.Version != oruk.Version3 || len(refused) != 0 || len(recs) != 3 {
		t.Fatalf("version %q refused %v records %d", page.Version, refused, len(recs))
	}
	debt := recs["3f5d9a3e-1c2b-4e8f-9a7d-0b1c2d3e4f50"]
	svc := debt.Service
	if svc.Status != "temporarily closed" || svc.Free || *svc.MinAge != 16 || *svc.MaxAge != 120 {
		t.Errorf("status %q free %v ages %v %v", svc.Status, svc.Free, *svc.MinAge, *svc.MaxAge)
	}
	if svc.Description != "Free, confidential debt advice.\nBring your letters." {
		t.Errorf("description %q", svc.Description)
	}
	if len(svc.Locations) != 1 || !slices.Equal(svc.Locations[0].Accessibility, []string{"wheelchair", "hearing_loop"}) ||
		svc.Locations[0].Transport != "Buses 8 and 20" || !slices.Equal(svc.DeliveryModes, []string{"in_person", "online"}) {
		t.Errorf("venues %+v delivery %v", svc.Locations, svc.DeliveryModes)
	}
	if svc.Schedules[0].LocationID != svc.Locations[0].ID || svc.Schedules[1].Description != "Every 2 weeks. Phone first" {
		t.Errorf("schedules %+v", svc.Schedules)
	}
	if *svc.CostOptions[0].Amount != 2.5 || svc.Phones[0].Description != "Extension 2." || !slices.Equal(svc.Languages, []string{"pl", "ur"}) {
		t.Errorf("cost %+v phone %+v languages %v", svc.CostOptions, svc.Phones, svc.Languages)
	}
	ids := debt.Organisation.Identifiers
	if len(ids) != 1 || ids[0].Scheme != "charity_ew" || debt.Organisation.URL != "https://hendonadvice.example" {
		t.Errorf("organisation %+v", debt.Organisation)
	}
	if !slices.Equal(svc.Categories, []string{"debt-advice"}) || len(debt.Terms) != 2 {
		t.Errorf("categories %v terms %+v", svc.Categories, debt.Terms)
	}
	netball := recs["3f5d9a3e-1c2b-4e8f-9a7d-0b1c2d3e4f51"].Service
	if !slices.Equal(netball.Categories, []string{"sport"}) || netball.Locations[0].Lat != nil {
		t.Errorf("a Kith term by its code: %v; venue %+v", netball.Categories, netball.Locations[0])
	}
}

// Ids derive from the source and the source's ids, so the same feed maps to
// the same ids every time, and another source's records never collide.
func TestIDsAreDerivedAndStable(t *testing.T) {
	_, a, _ := readFile(t, "oruk3_page.json")
	_, b, _ := readFile(t, "oruk3_page.json")
	for id, r := range a {
		if !equalJSON(r, b[id]) {
			t.Errorf("%s maps differently twice", id)
		}
		if r.ServiceID == id || r.ServiceID != oruk.ImportID("test", "service", id) {
			t.Errorf("service id %s for source id %s", r.ServiceID, id)
		}
	}
	other := mapper(t)
	other.Source = "another feed"
	data, _ := os.ReadFile("testdata/oruk3_page.json")
	page, _ := oruk.ReadPage(data)
	r, _ := other.Map(page.Items[0])
	if r.ServiceID == a[r.SourceID].ServiceID || r.Service.Locations[0].ID == a[r.SourceID].Service.Locations[0].ID {
		t.Error("two sources share ids")
	}
}

func TestReadPageShapes(t *testing.T) {
	for name, tt := range map[string]struct {
		doc     string
		items   int
		version string
		err     string
	}{
		"bare array":        {`[{"id": 1, "name": "A", "regular_schedules": []}, {"id": 2, "name": "B"}]`, 2, oruk.Version1, ""},
		"one service":       {`{"id": "x", "name": "A", "schedules": []}`, 1, oruk.Version3, ""},
		"empty 3.0 page":    {`{"total_items": 0, "contents": []}`, 0, oruk.Version3, ""},
		"1.0 page":          {`{"totalElements": "2", "content": [{"id": 1}, {"id": 2}], "last": false}`, 2, oruk.Version1, ""},
		"root document":     {`{"version": "HSDS-UK-3.0", "profile": "x"}`, 0, "", "root document"},
		"not a feed":        {`{"hello": "world"}`, 0, "", "not an ORUK feed"},
		"not JSON":          {`<html>`, 0, "", "not JSON"},
		"two documents":     {`{"id": 1, "name": "A"} {"id": 2}`, 0, "", "more than one"},
		"a string":          {`"services"`, 0, "", "not an ORUK feed"},
		"non-object record": {`[1, "two", null]`, 3, "", ""},
	} {
		p, err := oruk.ReadPage([]byte(tt.doc))
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%s: error %v, want %q", name, err, tt.err)
		case tt.err == "" && (err != nil || len(p.Items) != tt.items || p.Version != tt.version):
			t.Errorf("%s: %d items, version %q, %v", name, len(p.Items), p.Version, err)
		}
	}
}
