package directory_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"kith/directory"
)

// ready stands in for quality assurance: every organisation may receive
// referrals, so these tests exercise capacity alone.
type ready struct{}

func (ready) ReferralReady(context.Context, sqlx.QueryerContext, string) error { return nil }

type notReady struct{}

func (notReady) ReferralReady(context.Context, sqlx.QueryerContext, string) error {
	return directory.Errorf(directory.ErrConflict, "not assured")
}

func serviceWithCapacity(t *testing.T, s *directory.Store, in directory.CapacityInput) string {
	t.Helper()
	org := mustOrg(t, s, "Roker Walkers")
	svc, _, err := s.CreateService(asAdmin(), walkingGroup(org.ID))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetCapacity(asAdmin(), svc.ID, in); err != nil {
		t.Fatal(err)
	}
	return svc.ID
}

func reserve(s *directory.Store, id string, r directory.Readiness) (directory.Reservation, error) {
	var res directory.Reservation
	err := s.DB().Tx(context.Background(), func(tx *sqlx.Tx) error {
		var err error
		res, err = s.Reserve(context.Background(), tx, id, r)
		return err
	})
	return res, err
}

func refusalCode(err error) string {
	var r *directory.Refusal
	if errors.As(err, &r) {
		return r.Code
	}
	return ""
}

func TestReserveNeverOversubscribes(t *testing.T) {
	s := newStore(t)
	id := serviceWithCapacity(t, s, directory.CapacityInput{Maximum: ptr(10), Waitlist: ptr(5)})
	var mu sync.Mutex
	counts := map[string]int{}
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := reserve(s, id, ready{})
			key := refusalCode(err)
			switch {
			case err == nil && res.Waitlisted:
				key = "waiting"
			case err == nil:
				key = "held"
			case key == "":
				key = err.Error()
			}
			mu.Lock()
			counts[key]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	if counts["held"] != 10 || counts["waiting"] != 5 || counts["full"] != 35 || len(counts) != 3 {
		t.Fatalf("outcomes %v, want 10 held, 5 waiting, 35 full", counts)
	}
	c, _ := s.Capacity(asAdmin(), id)
	if c.Held != 10 || c.Waiting != 5 || *c.PlacesLeft() != 0 || c.AcceptingAt(time.Now()) {
		t.Fatalf("stored %+v", c)
	}
}

func TestReleaseFreesExactlyOnePlace(t *testing.T) {
	s := newStore(t)
	id := serviceWithCapacity(t, s, directory.CapacityInput{Maximum: ptr(2)})
	for range 2 {
		if _, err := reserve(s, id, ready{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := reserve(s, id, ready{}); refusalCode(err) != directory.ReasonFull {
		t.Fatalf("third reservation: %v, want full", err)
	}
	err := s.DB().Tx(context.Background(), func(tx *sqlx.Tx) error { return s.Release(context.Background(), tx, id, false) })
	if err != nil {
		t.Fatal(err)
	}
	c, _ := s.Capacity(asAdmin(), id)
	if c.Held != 1 || *c.PlacesLeft() != 1 || !c.AcceptingAt(time.Now()) {
		t.Fatalf("after release %+v", c)
	}
}

func TestPauseRefusesAndResumeReopens(t *testing.T) {
	s := newStore(t)
	id := serviceWithCapacity(t, s, directory.CapacityInput{Maximum: ptr(5)})
	if _, err := reserve(s, id, ready{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Pause(asAdmin(), id, directory.PauseInput{Reason: "Summer break"}); err != nil {
		t.Fatal(err)
	}
	if _, err := reserve(s, id, ready{}); refusalCode(err) != directory.ReasonPaused {
		t.Fatalf("while paused: %v", err)
	}
	c, _ := s.Capacity(asAdmin(), id)
	if c.Held != 1 {
		t.Fatalf("pausing dropped existing connections: held %d", c.Held)
	}
	if _, err := s.Resume(asAdmin(), id); err != nil {
		t.Fatal(err)
	}
	if _, err := reserve(s, id, ready{}); err != nil {
		t.Fatalf("after resume: %v", err)
	}
	if _, err := reserve(s, id, notReady{}); refusalCode(err) != directory.ReasonNotReferralReady {
		t.Fatalf("unassured organisation: %v", err)
	}
}

func TestPauseEndsOnItsResumeDate(t *testing.T) {
	s := newStore(t)
	id := serviceWithCapacity(t, s, directory.CapacityInput{Maximum: ptr(5)})
	c, err := s.Pause(asAdmin(), id, directory.PauseInput{Reason: "Refurbishment", ResumeOn: time.Now().AddDate(0, 0, 3).Format(time.DateOnly)})
	if err != nil {
		t.Fatal(err)
	}
	if c.AcceptingAt(time.Now()) || !c.AcceptingAt(time.Now().AddDate(0, 0, 4)) {
		t.Fatal("a pause with a resume date must end by itself on that date")
	}
	_, err = s.Pause(asAdmin(), id, directory.PauseInput{Reason: "x", ResumeOn: "2020-01-01"})
	wantProblems(t, err, "resume_on")
}

func TestWeeklyCapResetsAtLondonWeekBoundary(t *testing.T) {
	base := newStore(t)
	id := serviceWithCapacity(t, base, directory.CapacityInput{Maximum: ptr(100), WeeklyCap: ptr(2)})
	// Sunday 22 November 2026, 23:30 in London; Monday starts 30 minutes later.
	clock := time.Date(2026, 11, 22, 23, 30, 0, 0, directory.London)
	s := base.WithClock(func() time.Time { return clock })
	for range 2 {
		if _, err := reserve(s, id, ready{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := reserve(s, id, ready{}); refusalCode(err) != directory.ReasonWeeklyCap {
		t.Fatalf("third this week: %v, want weekly_cap", err)
	}
	clock = clock.Add(45 * time.Minute) // Monday 00:15
	if _, err := reserve(s, id, ready{}); err != nil {
		t.Fatalf("new week: %v", err)
	}
}

func TestCapacityRules(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Hendon Choir")
	svc, _, _ := s.CreateService(asAdmin(), walkingGroup(org.ID))
	other := mustOrg(t, s, "Roker Walkers")
	editor := mustUser(t, s, directory.UserInput{Email: "ed@roker.example", Role: "vcse_editor", OrganisationID: other.ID})
	if _, err := s.SetCapacity(as(editor), svc.ID, directory.CapacityInput{Maximum: ptr(3)}); !errors.Is(err, directory.ErrForbidden) {
		t.Fatalf("editor of another organisation: %v", err)
	}
	if _, err := s.Pause(t.Context(), svc.ID, directory.PauseInput{Reason: "x"}); !errors.Is(err, directory.ErrUnauthenticated) {
		t.Fatalf("anonymous pause: %v", err)
	}
	_, err := s.SetCapacity(asAdmin(), svc.ID, directory.CapacityInput{Maximum: ptr(-1), Unit: "bananas"})
	wantProblems(t, err, "maximum")
	wantProblems(t, err, "unit")
}

// TestCapacitiesSayWhatAskingWouldGet reads capacities in bulk and asks
// each what a request for a place would get, as the connect page does.
func TestCapacitiesSayWhatAskingWouldGet(t *testing.T) {
	s := newStore(t)
	id := serviceWithCapacity(t, s, directory.CapacityInput{Maximum: ptr(1), Waitlist: ptr(1)})
	offer := func() (directory.Reservation, string) {
		t.Helper()
		all, err := s.Capacities(asAdmin(), []string{id, "6a8e0c1d-7e3f-4a10-8b8c-1f0e6a434b55"})
		if err != nil || len(all) != 1 {
			t.Fatalf("capacities %v %v", all, err)
		}
		return all[id].Offer(time.Now())
	}
	if r, why := offer(); r.Waitlisted || why != "" {
		t.Fatalf("empty service offers %+v %q", r, why)
	}
	if _, err := reserve(s, id, ready{}); err != nil {
		t.Fatal(err)
	}
	if r, why := offer(); !r.Waitlisted || why != "" {
		t.Fatalf("full service with a waiting list offers %+v %q", r, why)
	}
	if _, err := s.Pause(asAdmin(), id, directory.PauseInput{Reason: "Winter break"}); err != nil {
		t.Fatal(err)
	}
	if _, why := offer(); why != directory.ReasonPaused {
		t.Fatalf("paused service offers %q", why)
	}
	if _, err := s.Capacities(t.Context(), []string{id}); !errors.Is(err, directory.ErrUnauthenticated) {
		t.Fatalf("anonymous: %v", err)
	}
}
