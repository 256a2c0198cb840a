package directory_test

import (
	"context"
	"testing"
)

// Result cards come from a cached prepared statement; a call that fails
// (here: its context is already over) must not stop the next from working.
// Only published, active listings have cards.
func TestResultCardsAfterFailure(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	walk, _, err := s.CreateService(asAdmin(), walkingGroup(org.ID))
	if err != nil {
		t.Fatal(err)
	}
	closed := walkingGroup(org.ID)
	closed.Name, closed.Status = "Old lunch club", "inactive"
	gone, _, err := s.CreateService(asAdmin(), closed)
	if err != nil {
		t.Fatal(err)
	}
	over, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.ResultCards(over, []string{walk.ID}); err == nil {
		t.Fatal("a cancelled call answered")
	}
	for range 2 {
		cards, err := s.ResultCards(context.Background(), []string{walk.ID, gone.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(cards) != 1 || cards[0].ID != walk.ID || cards[0].OrganisationName != "Roker Walkers" || len(cards[0].Schedules) != 2 {
			t.Fatalf("cards %+v, want the walk's only", cards)
		}
	}
}
