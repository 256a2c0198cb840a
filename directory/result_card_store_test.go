package directory_test

import (
	"context"
	"reflect"
	"testing"

	"kith/directory"
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
	if _, err := s.ResultCards(over, []string{walk.ID}, true); err == nil {
		t.Fatal("a cancelled call answered")
	}
	for range 2 {
		cards, err := s.ResultCards(context.Background(), []string{walk.ID, gone.ID}, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(cards) != 1 || cards[0].ID != walk.ID || cards[0].OrganisationName != "Roker Walkers" || len(cards[0].Schedules) != 2 {
			t.Fatalf("cards %+v, want the walk's only", cards)
		}
	}
}

// A card shows the listing's categories (by name), sessions and capacity
// as the listing itself has them, and its description when asked for it.
func TestResultCardsShowCategoriesAndSessions(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	in := walkingGroup(org.ID)
	in.Schedules = append(in.Schedules, directory.Schedule{Freq: "WEEKLY", ByDay: []string{"WE"}, OpensAt: "18:00",
		ClosesAt: "19:30", ValidFrom: "2026-03-01", ValidTo: "2026-09-30"})
	walk, _, err := s.CreateService(asAdmin(), in)
	if err != nil {
		t.Fatal(err)
	}
	bare := walkingGroup(org.ID)
	bare.Name, bare.Categories, bare.Schedules = "Drop-in", nil, nil
	dropIn, _, err := s.CreateService(asAdmin(), bare)
	if err != nil {
		t.Fatal(err)
	}
	full, err := s.Service(context.Background(), walk.ID)
	if err != nil {
		t.Fatal(err)
	}
	cards, err := s.ResultCards(context.Background(), []string{walk.ID, dropIn.ID, walk.ID}, true)
	if err != nil || len(cards) != 2 {
		t.Fatalf("%d cards (%v), want 2", len(cards), err)
	}
	byID := map[string]directory.ResultCard{cards[0].ID: cards[0], cards[1].ID: cards[1]}
	card := byID[walk.ID]
	if want := full.Categories; !reflect.DeepEqual(card.Categories, want) || card.Categories[0].Name > card.Categories[1].Name {
		t.Errorf("categories %+v, want %+v by name", card.Categories, want)
	}
	var want []directory.Schedule
	for _, sch := range full.Schedules {
		want = append(want, directory.Schedule{Freq: sch.Freq, ByDay: sch.ByDay, OpensAt: sch.OpensAt,
			ClosesAt: sch.ClosesAt, ValidFrom: sch.ValidFrom, ValidTo: sch.ValidTo})
	}
	if !sameSessions(card.Schedules, want) {
		t.Errorf("sessions %+v, want %+v", card.Schedules, want)
	}
	if none := byID[dropIn.ID]; none.Categories == nil || len(none.Categories) != 0 || len(none.Schedules) != 0 {
		t.Errorf("a listing with no categories or sessions: %+v", none)
	}
	if card.Description != full.Description || card.Name != full.Name || !card.Free {
		t.Errorf("card %q %q free %v, want the listing's %q %q", card.Name, card.Description, card.Free, full.Name, full.Description)
	}
	if card.Capacity.Maximum != nil || card.Capacity.Paused {
		t.Errorf("capacity %+v of a listing that set none", card.Capacity)
	}
	twelve := 12
	if _, err := s.SetCapacity(asAdmin(), walk.ID, directory.CapacityInput{Unit: "places", Maximum: &twelve}); err != nil {
		t.Fatal(err)
	}
	set, err := s.Pause(asAdmin(), walk.ID, directory.PauseInput{Reason: "Leader on leave", ResumeOn: "2030-01-15"})
	if err != nil {
		t.Fatal(err)
	}
	brief, err := s.ResultCards(context.Background(), []string{walk.ID}, false)
	if err != nil || len(brief) != 1 {
		t.Fatalf("%d cards (%v), want 1", len(brief), err)
	}
	if got := brief[0].Capacity; *got.Maximum != 12 || got.Held != set.Held || !got.Paused || !got.ResumeOn.Equal(*set.ResumeOn) {
		t.Errorf("capacity %+v, want %+v", got, set)
	}
	if brief[0].Description != "" || brief[0].Name != full.Name || len(brief[0].Schedules) != 3 {
		t.Errorf("card without its description: %+v", brief[0])
	}
}

// sameSessions compares sessions in any order.
func sameSessions(a, b []directory.Schedule) bool {
	if len(a) != len(b) {
		return false
	}
	used := make([]bool, len(b))
	for _, x := range a {
		found := false
		for i, y := range b {
			if !used[i] && reflect.DeepEqual(x, y) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// A card is kept by triggers, not by the code that writes: after every kind
// of write a listing's card depends on, in the same transaction, the card
// shows the listing as the listing itself reads.
func TestResultCardsFollowEveryWrite(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	in := walkingGroup(org.ID)
	walk, _, err := s.CreateService(asAdmin(), in)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name  string
		write func() error
	}{
		{"created", func() error { return nil }},
		{"renamed, with new categories and sessions", func() error {
			in.Name, in.Description, in.Free, in.Categories = "Roker Park stroll", "Slower, and shorter.", false, []string{"walking"}
			in.Schedules = []directory.Schedule{{Freq: "WEEKLY", ByDay: []string{"FR"}, OpensAt: "09:15", ClosesAt: "10:00"}}
			_, _, err := s.UpdateService(asAdmin(), walk.ID, in)
			return err
		}},
		{"organisation renamed", func() error {
			_, _, err := s.UpdateOrganisation(asAdmin(), org.ID, directory.OrganisationInput{Name: "Roker Ramblers",
				Description: "Walks for all.", LegalStatus: "charity"})
			return err
		}},
		{"category renamed", func() error {
			_, err := s.UpdateTerm(asAdmin(), "walking", directory.TermInput{Name: "Walks and rambles"})
			return err
		}},
		{"sessions and categories removed", func() error {
			in.Schedules, in.Categories = nil, nil
			_, _, err := s.UpdateService(asAdmin(), walk.ID, in)
			return err
		}},
	}
	for _, step := range steps {
		if err := step.write(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		full, err := s.Service(context.Background(), walk.ID)
		if err != nil {
			t.Fatal(err)
		}
		cards, err := s.ResultCards(context.Background(), []string{walk.ID}, true)
		if err != nil || len(cards) != 1 {
			t.Fatalf("%s: %d cards (%v)", step.name, len(cards), err)
		}
		c := cards[0]
		if c.Name != full.Name || c.Description != full.Description || c.Free != full.Free ||
			c.OrganisationID != full.OrganisationID || c.OrganisationName != full.OrganisationName {
			t.Errorf("%s: card %+v, listing %+v", step.name, c, full)
		}
		if !reflect.DeepEqual(c.Categories, full.Categories) && len(c.Categories)+len(full.Categories) > 0 {
			t.Errorf("%s: categories %+v, want %+v", step.name, c.Categories, full.Categories)
		}
		if !sameSessions(c.Schedules, sessionsOf(full)) {
			t.Errorf("%s: sessions %+v, want %+v", step.name, c.Schedules, full.Schedules)
		}
	}
	in.Status = "inactive"
	if _, _, err := s.UpdateService(asAdmin(), walk.ID, in); err != nil {
		t.Fatal(err)
	}
	if cards, err := s.ResultCards(context.Background(), []string{walk.ID}, true); err != nil || len(cards) != 0 {
		t.Fatalf("inactive: %d cards (%v), want none", len(cards), err)
	}
	var stale int
	if err := s.DB().GetContext(context.Background(), &stale, `SELECT count(*) FROM result_cards_stale`); err != nil || stale != 0 {
		t.Fatalf("%d listings still noted stale after their transactions (%v)", stale, err)
	}
}

// sessionsOf is what a card shows of a listing's sessions.
func sessionsOf(svc directory.Service) []directory.Schedule {
	var out []directory.Schedule
	for _, sch := range svc.Schedules {
		out = append(out, directory.Schedule{Freq: sch.Freq, ByDay: sch.ByDay, OpensAt: sch.OpensAt,
			ClosesAt: sch.ClosesAt, ValidFrom: sch.ValidFrom, ValidTo: sch.ValidTo})
	}
	return out
}
