package directory_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"kith/directory"
	"kith/geo"
)

// A search record carries what the index and the facts table need of a
// listing: its venues with a place (each with its point and accessibility),
// its sessions that have not ended, its categories with their ancestors,
// and its capacity. Records come back for findable listings only.
func TestSearchRecordsCarryVenuesSessionsAndCapacity(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	in := walkingGroup(org.ID)
	in.Locations[0].Lon, in.Locations[0].Lat = ptr(-1.3745), ptr(54.9201)
	in.Locations = append(in.Locations,
		directory.Location{ID: "3c6f1d2e-8a4b-4c1d-9e2f-5a6b7c8d9e01", Name: "Seaburn shelter", Lon: ptr(-1.3702), Lat: ptr(54.9351)},
		directory.Location{ID: "4d7a2e3f-9b5c-4d2e-8f3a-6b7c8d9e0f12", Name: "Online", Address1: "No place"})
	in.Schedules = append(in.Schedules, directory.Schedule{Freq: "WEEKLY", ByDay: []string{"WE"}, OpensAt: "18:00",
		ClosesAt: "19:30", ValidFrom: "2020-03-01", ValidTo: "2020-09-30"})
	walk, _, err := s.CreateService(asAdmin(), in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetCapacity(asAdmin(), walk.ID, directory.CapacityInput{Unit: "places", Maximum: ptr(12)}); err != nil {
		t.Fatal(err)
	}
	hidden := walkingGroup(org.ID)
	hidden.Name, hidden.Status, hidden.Locations, hidden.Schedules = "Old lunch club", "inactive", nil, nil
	hidden.DeliveryModes = []string{"online"}
	gone, _, err := s.CreateService(asAdmin(), hidden)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := s.SearchRecords(context.Background(), []string{walk.ID, gone.ID})
	if err != nil || len(recs) != 1 || recs[0].ServiceID != walk.ID {
		t.Fatalf("records %+v (%v), want the walk's only", recs, err)
	}
	r := recs[0]
	wantVenues := []directory.SearchVenue{
		{LocationID: in.Locations[0].ID, Point: geo.MustLonLat(-1.3745, 54.9201), Accessibility: []string{"step_free", "accessible_toilet"}},
		{LocationID: in.Locations[1].ID, Point: geo.MustLonLat(-1.3702, 54.9351), Accessibility: []string{}},
	}
	slices.SortFunc(r.Venues, func(a, b directory.SearchVenue) int { return strings.Compare(a.LocationID, b.LocationID) })
	slices.SortFunc(wantVenues, func(a, b directory.SearchVenue) int { return strings.Compare(a.LocationID, b.LocationID) })
	if !reflect.DeepEqual(r.Venues, wantVenues) {
		t.Errorf("venues %+v, want %+v", r.Venues, wantVenues)
	}
	wantSessions := []directory.SearchSession{{Freq: "WEEKLY", ByDay: []string{"TU", "TH"}, OpensAt: "10:00", ClosesAt: "11:00"},
		{Freq: "MONTHLY", ByDay: []string{"1SA"}, OpensAt: "13:30", ClosesAt: "15:30"}}
	slices.SortFunc(r.Sessions, func(a, b directory.SearchSession) int { return strings.Compare(a.Freq, b.Freq) })
	slices.SortFunc(wantSessions, func(a, b directory.SearchSession) int { return strings.Compare(a.Freq, b.Freq) })
	if !reflect.DeepEqual(r.Sessions, wantSessions) {
		t.Errorf("sessions %+v, want %+v (the ended one left out)", r.Sessions, wantSessions)
	}
	if r.OrgID != org.ID || r.Organisation != "Roker Walkers" || r.Name != in.Name || r.Description != in.Description ||
		!r.Free || r.MinAge == nil || *r.MinAge != 18 || r.MaxAge != nil || !reflect.DeepEqual(r.Delivery, []string{"in_person"}) {
		t.Errorf("record %+v does not match the listing", r)
	}
	if !contains(r.Categories, "walking") || !contains(r.Categories, "loneliness") || len(r.Categories) != len(r.CategoryNames) {
		t.Errorf("categories %v, names %v", r.Categories, r.CategoryNames)
	}
	if c := r.Capacity; c.ServiceID != walk.ID || c.Maximum == nil || *c.Maximum != 12 || c.Held != 0 || c.Paused {
		t.Errorf("capacity %+v, want 12 places, none held", c)
	}
}

// Building an index reads every findable listing a page at a time, each
// page's parts by the range of its ids; the records must be those read by
// id, whatever listings the ranges hold between them.
func TestEachSearchRecordPagesAsSearchRecords(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	var ids []string
	for i := range 7 {
		in := walkingGroup(org.ID)
		in.Name = fmt.Sprintf("Walk %d", i)
		loc := fmt.Sprintf("8b8c1f0e-6a43-4b55-9a8e-0c1d7e3f2a%02d", i)
		in.Locations[0].ID, in.Schedules[0].LocationID = loc, loc
		in.Locations[0].Lon, in.Locations[0].Lat = ptr(-1.37+float64(i)/100), ptr(54.92)
		switch i {
		case 2, 5:
			in.Status = "inactive" // not findable, with parts in the ranges
		case 3:
			in.Locations, in.Schedules, in.Categories = nil, nil, nil
			in.DeliveryModes = []string{"phone"}
		}
		svc, _, err := s.CreateService(asAdmin(), in)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, svc.ID)
	}
	want, err := s.SearchRecords(context.Background(), ids)
	if err != nil || len(want) != 5 {
		t.Fatalf("SearchRecords: %d records (%v), want 5", len(want), err)
	}
	slices.SortFunc(want, func(a, b directory.SearchRecord) int { return strings.Compare(a.ServiceID, b.ServiceID) })
	var got []directory.SearchRecord
	err = s.EachSearchRecord(context.Background(), 2, func(page []directory.SearchRecord) error {
		if len(page) > 2 {
			t.Errorf("a page of %d, want at most 2", len(page))
		}
		got = append(got, page...)
		return nil
	})
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("paged records (%v):\n%+v\nwant\n%+v", err, got, want)
	}
	for _, r := range got {
		if r.Name != "Walk 3" && (len(r.Venues) != 1 || len(r.Sessions) != 2 || len(r.Categories) < 2) {
			t.Errorf("%s: venues %v, sessions %v, categories %v", r.Name, r.Venues, r.Sessions, r.Categories)
		}
	}
}
