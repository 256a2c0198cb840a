package directory_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"kith/directory"
)

// wantProblems checks that err is a validation error naming exactly field
// (or no error when field is "").
func wantProblems(t *testing.T, err error, field string) {
	t.Helper()
	if field == "" {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	var p directory.Problems
	if !errors.As(err, &p) {
		t.Fatalf("want a problem with %q, got %v", field, err)
	}
	if _, ok := p[field]; !ok {
		t.Fatalf("want a problem with %q, got %v", field, p)
	}
	if !errors.Is(err, directory.ErrInvalid) {
		t.Fatalf("problems must be of kind ErrInvalid")
	}
}

func TestOrganisationInputValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*directory.OrganisationInput)
		field string
	}{
		{"valid", func(*directory.OrganisationInput) {}, ""},
		{"blank name", func(in *directory.OrganisationInput) { in.Name = "   " }, "name"},
		{"long name", func(in *directory.OrganisationInput) { in.Name = strings.Repeat("a", 201) }, "name"},
		{"bad email", func(in *directory.OrganisationInput) { in.Email = "not an email" }, "email"},
		{"email with name", func(in *directory.OrganisationInput) { in.Email = "Bob <bob@x.example>" }, "email"},
		{"ftp url", func(in *directory.OrganisationInput) { in.URL = "ftp://x.example" }, "url"},
		{"unknown legal status", func(in *directory.OrganisationInput) { in.LegalStatus = "empire" }, "legal_status"},
		{"bad scheme", func(in *directory.OrganisationInput) {
			in.Identifiers = []directory.Identifier{{Scheme: "nope", Identifier: "1"}}
		}, "identifiers[0].scheme"},
		{"scheme twice", func(in *directory.OrganisationInput) {
			in.Identifiers = append(in.Identifiers, directory.Identifier{Scheme: "charity_ew", Identifier: "2"})
		}, "identifiers[1].scheme"},
		{"invalid utf8", func(in *directory.OrganisationInput) { in.Description = "\xff\xfe" }, "description"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := directory.OrganisationInput{Name: "Hendon Community Garden", URL: "https://hcg.example",
				Identifiers: []directory.Identifier{{Scheme: "charity_ew", Identifier: "1123456"}}}
			tt.edit(&in)
			wantProblems(t, in.Validate(), tt.field)
		})
	}
}

func TestServiceInputValidate(t *testing.T) {
	org := "2c1d7e3f-8b8c-4f0e-9a43-4b556a8e0c1d"
	tests := []struct {
		name  string
		edit  func(*directory.ServiceInput)
		field string
	}{
		{"valid", func(*directory.ServiceInput) {}, ""},
		{"no organisation", func(in *directory.ServiceInput) { in.OrganisationID = "" }, "organisation_id"},
		{"bad organisation", func(in *directory.ServiceInput) { in.OrganisationID = "42" }, "organisation_id"},
		{"no name", func(in *directory.ServiceInput) { in.Name = "" }, "name"},
		{"bad status", func(in *directory.ServiceInput) { in.Status = "open" }, "status"},
		{"negative age", func(in *directory.ServiceInput) { in.MinAge = ptr(-1) }, "min_age"},
		{"ages reversed", func(in *directory.ServiceInput) { in.MinAge, in.MaxAge = ptr(65), ptr(18) }, "max_age"},
		{"bad language", func(in *directory.ServiceInput) { in.Languages = []string{"English"} }, "languages[0]"},
		{"bad delivery", func(in *directory.ServiceInput) { in.DeliveryModes = []string{"carrier pigeon"} }, "delivery_modes[0]"},
		{"in person without venue", func(in *directory.ServiceInput) { in.Locations = nil; in.Schedules = nil }, "locations"},
		{"online without venue", func(in *directory.ServiceInput) {
			in.Locations, in.Schedules, in.DeliveryModes = nil, nil, []string{"online"}
		}, ""},
		{"bad postcode", func(in *directory.ServiceInput) { in.Locations[0].Postcode = "XYZ" }, "locations[0].postcode"},
		{"lat without lon", func(in *directory.ServiceInput) { in.Locations[0].Lat = ptr(54.9) }, "locations[0].lat"},
		{"lat out of range", func(in *directory.ServiceInput) { in.Locations[0].Lat, in.Locations[0].Lon = ptr(91.0), ptr(0.0) }, "locations[0].lat"},
		{"bad accessibility", func(in *directory.ServiceInput) { in.Locations[0].Accessibility = []string{"lift?"} }, "locations[0].accessibility[0]"},
		{"bad location id", func(in *directory.ServiceInput) { in.Locations[0].ID = "x" }, "locations[0].id"},
		{"bad freq", func(in *directory.ServiceInput) { in.Schedules[0].Freq = "DAILY" }, "schedules[0].freq"},
		{"no days", func(in *directory.ServiceInput) { in.Schedules[0].ByDay = nil }, "schedules[0].byday"},
		{"weekly ordinal", func(in *directory.ServiceInput) { in.Schedules[0].ByDay = []string{"1TU"} }, "schedules[0].byday[0]"},
		{"monthly plain day", func(in *directory.ServiceInput) { in.Schedules[1].ByDay = []string{"TU"} }, "schedules[1].byday[0]"},
		{"bad time", func(in *directory.ServiceInput) { in.Schedules[0].OpensAt = "25:00" }, "schedules[0].opens_at"},
		{"closes before opens", func(in *directory.ServiceInput) { in.Schedules[0].ClosesAt = "09:00" }, "schedules[0].closes_at"},
		{"bad date", func(in *directory.ServiceInput) { in.Schedules[1].ValidFrom = "31/01/2026" }, "schedules[1].valid_from"},
		{"dates reversed", func(in *directory.ServiceInput) { in.Schedules[1].ValidTo = "2025-01-01" }, "schedules[1].valid_to"},
		{"foreign location", func(in *directory.ServiceInput) {
			in.Schedules[0].LocationID = "6a8e0c1d-7e3f-4a10-8b8c-1f0e6a434b55"
		}, "schedules[0].location_id"},
		{"bad phone", func(in *directory.ServiceInput) { in.Phones[0].Number = "call us" }, "phones[0].number"},
		{"bad phone type", func(in *directory.ServiceInput) { in.Phones[0].Type = "pager" }, "phones[0].type"},
		{"contact without name", func(in *directory.ServiceInput) { in.Contacts[0].Name = "" }, "contacts[0].name"},
		{"contact bad email", func(in *directory.ServiceInput) { in.Contacts[0].Email = "jean" }, "contacts[0].email"},
		{"free but charges", func(in *directory.ServiceInput) { in.CostOptions[0].Amount = ptr(3.5) }, "cost_options[0].amount"},
		{"negative cost", func(in *directory.ServiceInput) { in.Free = false; in.CostOptions[0].Amount = ptr(-1.0) }, "cost_options[0].amount"},
		{"empty category", func(in *directory.ServiceInput) { in.Categories = []string{""} }, "categories[0]"},
		{"area without name", func(in *directory.ServiceInput) { in.Areas[0].Name = "" }, "service_areas[0].name"},
		{"bad url", func(in *directory.ServiceInput) { in.URL = "javascript:alert(1)" }, "url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := walkingGroup(org)
			tt.edit(&in)
			wantProblems(t, in.Validate(), tt.field)
		})
	}
}

func TestServiceInputValidateFillsDefaults(t *testing.T) {
	in := walkingGroup("2c1d7e3f-8b8c-4f0e-9a43-4b556a8e0c1d")
	in.Status, in.Locations[0].Lat, in.Locations[0].Lon = "", nil, nil
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	if in.Status != "active" {
		t.Errorf("status defaulted to %q", in.Status)
	}
	if in.Locations[0].Postcode != "SR6 9AA" || in.Locations[0].Lat == nil {
		t.Errorf("location not normalised and geocoded: %+v", in.Locations[0])
	}
	if in.Schedules[1].ID == "" || in.Phones[0].ID == "" || in.Phones[0].Type != "voice" {
		t.Errorf("child records not given ids and defaults")
	}
}

func TestUserInputValidate(t *testing.T) {
	org, team := "2c1d7e3f-8b8c-4f0e-9a43-4b556a8e0c1d", "6a8e0c1d-7e3f-4a10-8b8c-1f0e6a434b55"
	tests := []struct {
		name  string
		in    directory.UserInput
		field string
	}{
		{"admin", directory.UserInput{Email: "a@x.example", Role: "admin", Password: "long enough pw"}, ""},
		{"vcse editor", directory.UserInput{Email: "a@x.example", Role: "vcse_editor", Password: "long enough pw", OrganisationID: org}, ""},
		{"link worker", directory.UserInput{Email: "a@x.example", Role: "link_worker", Password: "long enough pw", TeamID: team}, ""},
		{"commissioner with area", directory.UserInput{Email: "a@x.example", Role: "commissioner", Password: "long enough pw", AreaCode: "E08000024"}, ""},
		{"bad email", directory.UserInput{Email: "nope", Role: "admin", Password: "long enough pw"}, "email"},
		{"bad role", directory.UserInput{Email: "a@x.example", Role: "root", Password: "long enough pw"}, "role"},
		{"short password", directory.UserInput{Email: "a@x.example", Role: "admin", Password: "short"}, "password"},
		{"editor without org", directory.UserInput{Email: "a@x.example", Role: "vcse_editor", Password: "long enough pw"}, "organisation_id"},
		{"link worker without team", directory.UserInput{Email: "a@x.example", Role: "link_worker", Password: "long enough pw"}, "team_id"},
		{"admin with org", directory.UserInput{Email: "a@x.example", Role: "admin", Password: "long enough pw", OrganisationID: org}, "organisation_id"},
		{"editor with team", directory.UserInput{Email: "a@x.example", Role: "vcse_editor", Password: "long enough pw", OrganisationID: org, TeamID: team}, "team_id"},
		{"admin with area", directory.UserInput{Email: "a@x.example", Role: "admin", Password: "long enough pw", AreaCode: "E08000024"}, "area_code"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProblems(t, tt.in.Validate(), tt.field)
		})
	}
}

func TestTeamInputValidate(t *testing.T) {
	tests := []struct {
		name  string
		in    directory.TeamInput
		field string
	}{
		{"valid", directory.TeamInput{Name: "Sunderland East PCN"}, ""},
		{"no name", directory.TeamInput{}, "name"},
		{"bad kind", directory.TeamInput{Name: "X", Kind: "club"}, "kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProblems(t, tt.in.Validate(), tt.field)
		})
	}
}

func TestCapacityInputValidate(t *testing.T) {
	tests := []struct {
		name  string
		in    directory.CapacityInput
		field string
	}{
		{"valid", directory.CapacityInput{Maximum: ptr(12), WeeklyCap: ptr(4), Waitlist: ptr(5)}, ""},
		{"no maximum", directory.CapacityInput{}, "maximum"},
		{"negative maximum", directory.CapacityInput{Maximum: ptr(-1)}, "maximum"},
		{"bad unit", directory.CapacityInput{Maximum: ptr(1), Unit: "litres"}, "unit"},
		{"zero weekly cap", directory.CapacityInput{Maximum: ptr(1), WeeklyCap: ptr(0)}, "weekly_cap"},
		{"negative waitlist", directory.CapacityInput{Maximum: ptr(1), Waitlist: ptr(-2)}, "waitlist"},
		{"response days too long", directory.CapacityInput{Maximum: ptr(1), ResponseDays: ptr(90)}, "response_days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantProblems(t, tt.in.Validate(), tt.field) })
	}
}

func TestPauseInputValidate(t *testing.T) {
	now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		in    directory.PauseInput
		field string
	}{
		{"valid", directory.PauseInput{Reason: "Christmas break", ResumeOn: "2027-01-05"}, ""},
		{"no end date", directory.PauseInput{Reason: "Leader unwell"}, ""},
		{"no reason", directory.PauseInput{ResumeOn: "2027-01-05"}, "reason"},
		{"bad date", directory.PauseInput{Reason: "x", ResumeOn: "5 Jan"}, "resume_on"},
		{"today", directory.PauseInput{Reason: "x", ResumeOn: "2026-11-21"}, "resume_on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantProblems(t, tt.in.Validate(now), tt.field) })
	}
}
