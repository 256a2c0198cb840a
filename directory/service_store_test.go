package directory_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"sort"
	"testing"

	"kith/directory"
)

func TestServiceRoundTripsEveryChildRecord(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	in := walkingGroup(org.ID)
	svc, ver, err := s.CreateService(asAdmin(), in)
	if err != nil {
		t.Fatal(err)
	}
	if ver == nil || ver.State != directory.VersionApproved || !svc.Published {
		t.Fatalf("admin create should publish at once: version %+v published %v", ver, svc.Published)
	}
	got := svc.Input()
	if err := in.Validate(); err != nil { // fills the same ids and defaults the store saw
		t.Fatal(err)
	}
	for _, field := range []string{"Name", "Description", "URL", "Email", "Status", "MinAge", "Free",
		"Languages", "DeliveryModes", "InternalNotes", "Phones", "Contacts", "CostOptions", "Areas", "Locations"} {
		a := reflect.ValueOf(in).FieldByName(field).Interface()
		b := reflect.ValueOf(got).FieldByName(field).Interface()
		if !jsonEqual(a, b) {
			t.Errorf("%s: stored %s, read back %s", field, mustJSON(a), mustJSON(b))
		}
	}
	sortSchedules(in.Schedules)
	sortSchedules(got.Schedules)
	if !jsonEqual(in.Schedules, got.Schedules) {
		t.Errorf("schedules: stored %s, read back %s", mustJSON(in.Schedules), mustJSON(got.Schedules))
	}
	if len(svc.Categories) != 2 || svc.OrganisationName != "Roker Walkers" {
		t.Errorf("categories %+v, organisation %q", svc.Categories, svc.OrganisationName)
	}
	if l := svc.Locations[0]; l.Lat == nil || *l.Lat < 54.9 || *l.Lat > 55 {
		t.Errorf("location not geocoded from SR6 9AA: %+v", l)
	}
}

func TestOrganisationRoundTrip(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Hendon Community Garden")
	got, err := s.Organisation(asAdmin(), org.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Hendon Community Garden" || got.LegalStatus != "charity" ||
		len(got.Identifiers) != 1 || got.Identifiers[0].Identifier != "1099999" {
		t.Fatalf("read back %+v", got)
	}
	_, err = s.Organisation(asAdmin(), "6a8e0c1d-7e3f-4a10-8b8c-1f0e6a434b55")
	if !errors.Is(err, directory.ErrNotFound) {
		t.Fatalf("missing organisation: %v, want ErrNotFound", err)
	}
}

func TestUnchangedWriteRecordsNoVersion(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	in := walkingGroup(org.ID)
	svc, _, err := s.CreateService(asAdmin(), in)
	if err != nil {
		t.Fatal(err)
	}
	_, ver, err := s.UpdateService(asAdmin(), svc.ID, svc.Input())
	if err != nil || ver != nil {
		t.Fatalf("writing back what was read: version %+v, err %v; want no version", ver, err)
	}
	hist, _ := s.History(asAdmin(), "service", svc.ID)
	if len(hist) != 1 {
		t.Fatalf("history has %d versions, want 1", len(hist))
	}
}

func TestUnknownCategoryIsAProblem(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	in := walkingGroup(org.ID)
	in.Categories = []string{"walking", "underwater-basket-weaving"}
	_, _, err := s.CreateService(asAdmin(), in)
	wantProblems(t, err, "categories[1]")
}

func TestAnonymousSeesPublicFieldsOnly(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Safe Haven")
	in := walkingGroup(org.ID)
	in.Locations[0].HideAddress = true
	svc, _, err := s.CreateService(asAdmin(), in)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := s.Service(t.Context(), svc.ID)
	if err != nil {
		t.Fatal(err)
	}
	l := pub.Locations[0]
	if pub.InternalNotes != "" || len(pub.Contacts) != 0 || l.Address1 != "" || l.Postcode != "SR6" {
		t.Fatalf("anonymous view leaks: notes %q contacts %v location %+v", pub.InternalNotes, pub.Contacts, l)
	}
	page, err := s.Services(t.Context(), directory.ServiceFilter{Limit: 10})
	if err != nil || page.Total != 1 || page.Items[0].InternalNotes != "" {
		t.Fatalf("anonymous list: %+v %v", page, err)
	}
}

func TestServicesPaging(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Millfield Men's Shed")
	for _, name := range []string{"Woodwork", "Bike repair", "Cuppa and chat"} {
		in := walkingGroup(org.ID)
		in.Name, in.Locations[0].ID, in.Schedules[0].LocationID = name, "", ""
		if _, _, err := s.CreateService(asAdmin(), in); err != nil {
			t.Fatal(err)
		}
	}
	ctx := t.Context()
	first, err := s.Services(ctx, directory.ServiceFilter{OrganisationID: org.ID, Limit: 2})
	if err != nil || first.Total != 3 || len(first.Items) != 2 || first.Items[0].Name != "Bike repair" {
		t.Fatalf("first page %+v, %v", first, err)
	}
	past, err := s.Services(ctx, directory.ServiceFilter{OrganisationID: org.ID, Limit: 2, Offset: 10})
	if err != nil || past.Total != 3 || len(past.Items) != 0 {
		t.Fatalf("page past the end: total %d items %d, %v", past.Total, len(past.Items), err)
	}
}

func jsonEqual(a, b any) bool { return mustJSON(a) == mustJSON(b) }

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func sortSchedules(s []directory.Schedule) {
	sort.Slice(s, func(i, j int) bool { return s[i].ID < s[j].ID })
}
