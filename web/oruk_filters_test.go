package web_test

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// term ids derive from their codes in every Kith database (migration 0003).
const (
	termLoneliness = "e5c8d2dd-6008-5564-2bee-4af9eb724e0b" // parent of befriending
	termWalking    = "8b2c21f7-56fe-8706-374d-03cceaf71f47"
	kithNeeds      = "064e9536-8d16-7cf0-8073-20b02fe80808"
)

func TestORUKServiceFilters(t *testing.T) {
	f := newFeedFixture(t)
	f.exec(t, `UPDATE services SET updated_at = '2020-01-01' WHERE name <> 'Foodbank'`)
	tests := []struct {
		query, want string
	}{
		{"search=choir", "Evening choir"},
		{"search=hendon+yoga", "Chair yoga"},
		{"search=roker+walkers", "Roker Park health walk"},
		{"search=50%25", ""},
		{"taxonomy_term_id=" + termWalking, "Roker Park health walk"},
		{"taxonomy_term_id=" + termLoneliness, "Befriending calls, Roker Park health walk"},
		{"taxonomy_id=" + kithNeeds + "&per_page=3", "Art club, Befriending calls, Chair yoga"},
		{"organization_id=" + f.orgs["Roker Walkers"], "Roker Park health walk"},
		{"modified_after=2025-06-01T00:00:00Z", "Foodbank"},
		{"minimum_age=50", "Befriending calls, Chair yoga"},
		{"maximum_age=90", "Gardening group"},
		{"day=TU", "Gardening group, Roker Park health walk"},
		{"day=Saturday", "Foodbank, Roker Park health walk"},
		{"start_time=18:00", "Evening choir"},
		{"end_time=11:00", "Roker Park health walk"},
		{"day=FR&start_time=09:00&end_time=13:00", "Debt advice drop-in"},
		{"postcode=SR6+9AA&proximity=1500", "Art club, Gardening group, Roker Park health walk"},
		{"postcode=SR6+9AA&proximity=100", "Roker Park health walk"},
	}
	for _, tt := range tests {
		got := strings.Join(names(f.mustGet(t, "/oruk/services?"+tt.query)), ", ")
		if got != tt.want {
			t.Errorf("%s: %q, want %q", tt.query, got, tt.want)
		}
	}
}

// Near a postcode, a service is found by its venues or, with no venue
// near, by covering the postcode's local authority.
func TestORUKProximityAndAreaCoverage(t *testing.T) {
	f := newFeedFixture(t)
	f.exec(t, `INSERT INTO service_areas (service_id, name, area_code) VALUES ($1, 'Sunderland', 'E08000024')`, f.ids["Befriending calls"])
	got := strings.Join(names(f.mustGet(t, "/oruk/services?postcode=SR6+9AA&proximity=100")), ", ")
	if got != "Befriending calls, Roker Park health walk" {
		t.Errorf("services near SR6 9AA: %q", got)
	}
	links := names(f.mustGet(t, "/oruk/service_at_locations?postcode=SR6+9AA&proximity=1500"))
	if strings.Join(links, ", ") != "Art club, Gardening group, Roker Park health walk" {
		t.Errorf("venues near SR6 9AA: %v", links)
	}
	// The hidden venue is at SR1 1RS, but only its blurred point counts.
	hidden := names(f.mustGet(t, "/oruk/service_at_locations?postcode=SR1+1RS&proximity=60&organization_id="+f.orgs["Roker Walkers"]))
	if len(hidden) != 0 {
		t.Errorf("a hidden venue is found to within 60 m: %v", hidden)
	}
	all := names(f.mustGet(t, "/oruk/services?postcode=SR1+1RS&per_page=100"))
	if len(all) != 8 {
		t.Errorf("within the default 10 km of SR1 1RS: %v", all)
	}
}

func TestORUKTermFilters(t *testing.T) {
	f := newFeedFixture(t)
	children := f.mustGet(t, "/oruk/taxonomy_terms?per_page=100&parent_id="+termLoneliness)
	if got := strings.Join(names(children), ", "); got != "Befriending, Men's sheds, Peer support, Social & lunch clubs" {
		t.Errorf("children of loneliness: %s", got)
	}
	top := f.mustGet(t, "/oruk/taxonomy_terms?per_page=100&top_only=true&taxonomy_id="+kithNeeds)
	for _, item := range top["contents"].([]any) {
		if item.(map[string]any)["parent_id"] != nil {
			t.Errorf("top_only lists %v", item)
		}
	}
	if n := num(top["total_items"]); n < 15 || n > 30 {
		t.Errorf("%v top-level terms", n)
	}
}

func TestORUKRefusesMalformedParameters(t *testing.T) {
	f := newFeedFixture(t)
	for _, bad := range []struct{ param, value string }{
		{"page", "first"}, {"per_page", "0"}, {"taxonomy_term_id", "walking"}, {"taxonomy_id", "x"},
		{"organization_id", "42"}, {"modified_after", "last week"}, {"minimum_age", "old"},
		{"maximum_age", "200"}, {"day", "Funday"}, {"start_time", "9ish"}, {"end_time", "25:00"},
		{"postcode", "SR1 IRS"}, {"postcode", "NE1 4ST"}, {"proximity", "-5"}, {"search", strings.Repeat("x", 201)},
	} {
		status, body := f.get(t, "/oruk/services?"+bad.param+"="+url.QueryEscape(bad.value))
		problems, _ := body["problems"].(map[string]any)
		if status != 400 || problems[bad.param] == nil {
			t.Errorf("%s=%s: %d %v, want 400 naming %s", bad.param, bad.value, status, body, bad.param)
		}
	}
}

func TestORUKModifiedAfterTakesDates(t *testing.T) {
	f := newFeedFixture(t)
	tomorrow := time.Now().AddDate(0, 0, 1).Format(time.DateOnly)
	if got := names(f.mustGet(t, "/oruk/services?modified_after="+tomorrow)); len(got) != 0 {
		t.Errorf("modified after tomorrow: %v", got)
	}
}
