package web

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestDiffListing(t *testing.T) {
	live := `{"id":"x","organisation_id":"o","name":"Roker walk","free":true,"languages":["en"],
  "locations":[{"id":"l1","name":"Bandstand","postcode":"SR6 9AA"}],
  "schedules":[{"id":"s1","location_id":"l1","freq":"WEEKLY","byday":["TU"],"opens_at":"10:00","closes_at":"11:00"}]}`
	proposed := `{"id":"x","organisation_id":"other","name":"Roker Park walk","free":true,"languages":["pl","en"],
  "locations":[{"id":"l1","name":"Bandstand","postcode":"SR6 9AA"}],
  "schedules":[{"id":"s1","location_id":"l1","freq":"WEEKLY","byday":["TU"],"opens_at":"10:00","closes_at":"11:00"},
    {"id":"s2","freq":"MONTHLY","byday":["1SA","-1FR"],"opens_at":"13:30","closes_at":"15:30","valid_from":"2026-01-01",
     "description":"Family walk"}]}`
	got := diffListing(json.RawMessage(live), json.RawMessage(proposed))
	want := []fieldChange{
		{Label: "Name", Before: []string{"Roker walk"}, After: []string{"Roker Park walk"}},
		{Label: "Languages", List: true, Added: []string{"pl"}, Unchanged: 1},
		{Label: "Sessions", List: true, Unchanged: 1,
			Added: []string{"Monthly on the first Saturday and the last Friday, 13:30 to 15:30 (from 2026-01-01): Family walk"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diff\n got %+v\nwant %+v", got, want)
	}
	if unchanged := diffListing(json.RawMessage(live), json.RawMessage(live)); len(unchanged) != 0 {
		t.Errorf("a listing against itself: %+v", unchanged)
	}
	fresh := diffListing(nil, json.RawMessage(live))
	if len(fresh) != 5 || fresh[0].Label != "Name" || fresh[4].Label != "Sessions" ||
		fresh[4].Added[0] != "Weekly on Tuesday, 10:00 to 11:00, at Bandstand" {
		t.Errorf("a new listing: %+v", fresh)
	}
}
