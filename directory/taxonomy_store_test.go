package directory_test

import (
	"context"
	"errors"
	"testing"

	"kith/directory"
)

func TestTermUsageCountsPublishedListings(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	if _, _, err := s.CreateService(asAdmin(), walkingGroup(org.ID)); err != nil {
		t.Fatal(err)
	}
	editor := as(mustUser(t, s, directory.UserInput{Email: "ed@roker.example", Role: "vcse_editor", OrganisationID: org.ID}))
	draft := walkingGroup(org.ID)
	draft.Name, draft.Categories = "Seaburn walk (not yet approved)", []string{"walking"}
	if _, _, err := s.CreateService(editor, draft); err != nil {
		t.Fatal(err)
	}
	uses, err := s.TermUsage(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	terms, _ := s.Terms(context.Background())
	if len(uses) != len(terms) || len(uses) != 49 {
		t.Fatalf("%d terms with counts, %d terms; want 49 of each", len(uses), len(terms))
	}
	got := map[string]int{}
	for k, u := range uses {
		if u.Code != terms[k].Code {
			t.Fatalf("term %d is %s, Terms has %s: not in the same order", k, u.Code, terms[k].Code)
		}
		got[u.Code] = u.Services
	}
	if got["walking"] != 1 || got["loneliness"] != 1 || got["physical-activity"] != 0 || got["singing"] != 0 {
		t.Errorf("counts %v: want the one published walk under walking and loneliness only", got)
	}
}

func TestUpdateTermRelabelsAndRequeuesListings(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	svc, _, err := s.CreateService(asAdmin(), walkingGroup(org.ID))
	if err != nil {
		t.Fatal(err)
	}
	head, _ := s.OutboxHead(context.Background())
	term, err := s.UpdateTerm(asAdmin(), "physical-activity", directory.TermInput{Name: " Moving more ", Description: "Any activity."})
	if err != nil || term.Name != "Moving more" || term.Code != "physical-activity" {
		t.Fatalf("UpdateTerm: %+v %v", term, err)
	}
	queued, _ := s.OutboxAfter(context.Background(), head, 10)
	if len(queued) != 1 || queued[0].EntityID != svc.ID {
		t.Errorf("queued %+v: want the walk filed under walking, below physical-activity", queued)
	}
	recs, err := s.SearchRecords(context.Background(), []string{svc.ID})
	if err != nil || len(recs) != 1 || !contains(recs[0].CategoryNames, "Moving more") {
		t.Errorf("search record names %v (%v)", recs, err)
	}
	tests := []struct {
		ctx  context.Context
		code string
		in   directory.TermInput
		want error
	}{
		{as(directory.User{Role: directory.RoleQAReviewer}), "walking", directory.TermInput{Name: "Walks"}, directory.ErrForbidden},
		{context.Background(), "walking", directory.TermInput{Name: "Walks"}, directory.ErrUnauthenticated},
		{asAdmin(), "no-such-term", directory.TermInput{Name: "Walks"}, directory.ErrNotFound},
		{asAdmin(), "walking", directory.TermInput{Name: "  "}, directory.ErrInvalid},
	}
	for _, tt := range tests {
		if _, err := s.UpdateTerm(tt.ctx, tt.code, tt.in); !errors.Is(err, tt.want) {
			t.Errorf("UpdateTerm(%s, %q): %v, want %v", tt.code, tt.in.Name, err, tt.want)
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
