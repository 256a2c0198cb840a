package directory_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/uuid"

	"kith/directory"
)

func TestProblemReportInputValidate(t *testing.T) {
	for _, tc := range []struct {
		name  string
		in    directory.ProblemReportInput
		field string // "" when valid
	}{
		{"complete", directory.ProblemReportInput{Kind: "closed", Details: "The hall shut in May.", Email: "ann@example.org"}, ""},
		{"no email", directory.ProblemReportInput{Kind: "other", Details: "Phone number rings out."}, ""},
		{"no kind", directory.ProblemReportInput{Details: "Wrong day."}, "kind"},
		{"unknown kind", directory.ProblemReportInput{Kind: "spam", Details: "Wrong day."}, "kind"},
		{"blank details", directory.ProblemReportInput{Kind: "wrong_details", Details: "   "}, "details"},
		{"long details", directory.ProblemReportInput{Kind: "wrong_details", Details: strings.Repeat("a", 2001)}, "details"},
		{"control characters", directory.ProblemReportInput{Kind: "other", Details: "bell\x07"}, "details"},
		{"bad email", directory.ProblemReportInput{Kind: "closed", Details: "Gone.", Email: "not an email"}, "email"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.in.Validate()
			var p directory.Problems
			switch {
			case tc.field == "" && err != nil:
				t.Fatalf("valid input refused: %v", err)
			case tc.field != "" && (!errors.As(err, &p) || p[tc.field] == ""):
				t.Fatalf("want a problem with %s, got %v", tc.field, err)
			}
		})
	}
}

func TestProblemReportsQueue(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	svc, _, err := s.CreateService(asAdmin(), walkingGroup(org.ID))
	if err != nil {
		t.Fatal(err)
	}
	reviewer := mustUser(t, s, directory.UserInput{Email: "qa@kith.example", Role: "qa_reviewer", Name: "Priya Nair"})
	team, err := s.CreateTeam(asAdmin(), directory.TeamInput{Name: "Sunderland East PCN"})
	if err != nil {
		t.Fatal(err)
	}
	worker := mustUser(t, s, directory.UserInput{Email: "lw@kith.example", Role: "link_worker", TeamID: team.ID})

	anon := directory.WithUser(asAdmin(), nil)
	older, err := s.ReportProblem(anon, svc.ID, directory.ProblemReportInput{Kind: "wrong_details", Details: "  Walks are on Wednesdays now.  "})
	if err != nil || older.ID == "" || older.Details != "Walks are on Wednesdays now." {
		t.Fatalf("anonymous report: %+v %v", older, err)
	}
	safety, err := s.ReportProblem(as(worker), svc.ID, directory.ProblemReportInput{Kind: "safety_concern", Details: "The leader asked for bank details.", Email: "lw@kith.example"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReportProblem(anon, uuid.NewString(), directory.ProblemReportInput{Kind: "closed", Details: "Gone."}); !errors.Is(err, directory.ErrNotFound) {
		t.Fatalf("report on no listing: %v, want ErrNotFound", err)
	}
	if _, err := s.ReportProblem(anon, svc.ID, directory.ProblemReportInput{Kind: "closed"}); !errors.Is(err, directory.ErrInvalid) {
		t.Fatalf("report without details: %v, want ErrInvalid", err)
	}

	for _, ctx := range []struct {
		who  string
		user *directory.User
		want error
	}{{"anonymous", nil, directory.ErrUnauthenticated}, {"link worker", &worker, directory.ErrForbidden}} {
		if _, err := s.ProblemReports(directory.WithUser(asAdmin(), ctx.user), directory.ProblemReportFilter{Limit: 10}); !errors.Is(err, ctx.want) {
			t.Errorf("%s listing reports: %v, want %v", ctx.who, err, ctx.want)
		}
		if _, err := s.ResolveProblemReport(directory.WithUser(asAdmin(), ctx.user), older.ID, ""); !errors.Is(err, ctx.want) {
			t.Errorf("%s resolving: %v, want %v", ctx.who, err, ctx.want)
		}
	}

	resolved, err := s.ResolveProblemReport(as(reviewer), older.ID, "Listing corrected with the group.")
	if err != nil || resolved.Open() || resolved.ResolvedBy != "Priya Nair" || resolved.ServiceName != svc.Name {
		t.Fatalf("resolve: %+v %v", resolved, err)
	}
	if _, err := s.ResolveProblemReport(as(reviewer), older.ID, "again"); !errors.Is(err, directory.ErrConflict) {
		t.Fatalf("resolving twice: %v, want ErrConflict", err)
	}
	if _, err := s.ResolveProblemReport(as(reviewer), uuid.NewString(), ""); !errors.Is(err, directory.ErrNotFound) {
		t.Fatalf("resolving no report: %v, want ErrNotFound", err)
	}
	newest, err := s.ReportProblem(anon, svc.ID, directory.ProblemReportInput{Kind: "closed", Details: "Sign on the door says closed."})
	if err != nil {
		t.Fatal(err)
	}

	all, err := s.ProblemReports(as(reviewer), directory.ProblemReportFilter{Limit: 10})
	if err != nil || all.Total != 3 {
		t.Fatalf("all reports: %+v %v", all, err)
	}
	if got := []string{all.Items[0].ID, all.Items[1].ID, all.Items[2].ID}; got[0] != safety.ID || got[1] != newest.ID || got[2] != older.ID {
		t.Fatalf("order %v, want safety concern, then the other open one, then the resolved one", got)
	}
	open, err := s.ProblemReports(as(reviewer), directory.ProblemReportFilter{OpenOnly: true, Limit: 1})
	if err != nil || open.Total != 2 || len(open.Items) != 1 || open.Items[0].Email != "lw@kith.example" {
		t.Fatalf("open reports, one a page: %+v %v", open, err)
	}
}

func TestReportOnDraftListingIsNotFound(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	editor := mustUser(t, s, directory.UserInput{Email: "ed@roker.example", Role: "vcse_editor", OrganisationID: org.ID})
	draft, _, err := s.CreateService(as(editor), walkingGroup(org.ID))
	if err != nil || draft.Published {
		t.Fatalf("draft: %+v %v", draft, err)
	}
	_, err = s.ReportProblem(directory.WithUser(asAdmin(), nil), draft.ID, directory.ProblemReportInput{Kind: "closed", Details: "Gone."})
	if !errors.Is(err, directory.ErrNotFound) {
		t.Fatalf("report on a draft: %v, want ErrNotFound", err)
	}
}

func TestVenuesHideWhatPublicViewHides(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	in := walkingGroup(org.ID)
	in.Locations = append(in.Locations, directory.Location{Name: "Ann's front room", Postcode: "SR2 8AA",
		Lat: ptr(54.891234), Lon: ptr(-1.376543), HideAddress: true})
	svc, _, err := s.CreateService(asAdmin(), in)
	if err != nil {
		t.Fatal(err)
	}
	other, _, err := s.CreateService(asAdmin(), walkingGroup(org.ID))
	if err != nil {
		t.Fatal(err)
	}
	venues, err := s.Venues(asAdmin(), []string{svc.ID})
	if err != nil || len(venues) != 2 {
		t.Fatalf("venues %+v %v", venues, err)
	}
	hidden, shown := venues[0], venues[1]
	if hidden.Name != "Ann's front room" || hidden.Lat != 54.89 || hidden.Lon != -1.38 {
		t.Errorf("hidden venue placed at %+v, want rounded to 54.89,-1.38", hidden)
	}
	if shown.ServiceID != svc.ID || shown.Lat == 0 || shown.Lon == 0 {
		t.Errorf("venue from its postcode: %+v", shown)
	}
	for _, v := range venues {
		if v.ServiceID == other.ID {
			t.Errorf("venue of a listing not asked for: %+v", v)
		}
	}
}
