package directory_test

import (
	"context"
	"testing"

	"kith/directory"
	"kith/postgres/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func newStore(t *testing.T) *directory.Store {
	t.Helper()
	return directory.NewStore(pgtest.New(t))
}

func asAdmin() context.Context {
	return directory.WithUser(context.Background(), directory.SystemUser())
}

func as(u directory.User) context.Context {
	return directory.WithUser(context.Background(), &u)
}

func ptr[T any](v T) *T { return &v }

func mustOrg(t *testing.T, s *directory.Store, name string) directory.Organisation {
	t.Helper()
	org, _, err := s.CreateOrganisation(asAdmin(), directory.OrganisationInput{
		Name: name, Description: "A community group in Sunderland.", LegalStatus: "charity",
		Identifiers: []directory.Identifier{{Scheme: "charity_ew", Identifier: "1099999"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return org
}

// walkingGroup is a complete listing exercising every child record.
func walkingGroup(orgID string) directory.ServiceInput {
	loc := "8b8c1f0e-6a43-4b55-9a8e-0c1d7e3f2a10"
	return directory.ServiceInput{
		OrganisationID: orgID,
		Name:           "Roker Park health walk",
		Description:    "A gentle hour's walk round Roker Park, finishing with a cuppa.",
		URL:            "https://rokerwalkers.example/",
		Email:          "walks@rokerwalkers.example",
		MinAge:         ptr(18),
		Free:           true,
		Languages:      []string{"en", "pl"},
		DeliveryModes:  []string{"in_person"},
		InternalNotes:  "Key holder: ask at the café.",
		Locations: []directory.Location{{
			ID: loc, Name: "Roker Park bandstand", Address1: "Roker Park Road", City: "Sunderland",
			Postcode: "sr6 9aa", Accessibility: []string{"step_free", "accessible_toilet"},
		}},
		Schedules: []directory.Schedule{
			{LocationID: loc, Freq: "WEEKLY", ByDay: []string{"TU", "TH"}, OpensAt: "10:00", ClosesAt: "11:00"},
			{Freq: "MONTHLY", ByDay: []string{"1SA"}, OpensAt: "13:30", ClosesAt: "15:30", ValidFrom: "2026-01-01"},
		},
		Phones:      []directory.Phone{{Number: "0191 555 0123"}},
		Contacts:    []directory.Contact{{Name: "Jean Robson", Title: "Walk leader", Email: "jean@rokerwalkers.example"}},
		CostOptions: []directory.CostOption{{Option: "Tea and biscuits", Amount: ptr(0.0)}},
		Categories:  []string{"walking", "loneliness"},
		Areas:       []directory.ServiceArea{{Name: "Sunderland", AreaCode: "E08000024"}},
	}
}
