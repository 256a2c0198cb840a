package directory_test

import (
	"errors"
	"testing"
	"time"

	"kith/directory"
)

func TestUsersTeamsAndSessions(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	team, err := s.CreateTeam(asAdmin(), directory.TeamInput{Name: "Washington PCN", AreaCode: "E08000024"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateTeam(asAdmin(), directory.TeamInput{Name: "Washington PCN"}); err == nil {
		t.Fatal("duplicate team name accepted")
	}
	lw := mustUser(t, s, directory.UserInput{Email: "Lw@PCN.example", Name: "Sam Lee", Role: "link_worker", TeamID: team.ID})
	if lw.TeamID == nil || *lw.TeamID != team.ID {
		t.Fatalf("team not stored: %+v", lw)
	}
	ed := mustUser(t, s, directory.UserInput{Email: "ed@roker.example", Role: "vcse_editor", OrganisationID: org.ID})
	if ed.OrganisationID == nil || *ed.OrganisationID != org.ID {
		t.Fatalf("organisation not stored: %+v", ed)
	}

	_, err = s.CreateUser(asAdmin(), directory.UserInput{Email: "lw@pcn.example", Role: "admin", Password: "another long one"})
	wantProblems(t, err, "email")
	_, err = s.CreateUser(asAdmin(), directory.UserInput{Email: "x@pcn.example", Role: "vcse_editor",
		OrganisationID: "6a8e0c1d-7e3f-4a10-8b8c-1f0e6a434b55", Password: "another long one"})
	wantProblems(t, err, "organisation_id")
	_, err = s.CreateUser(asAdmin(), directory.UserInput{Email: "c@icb.example", Role: "commissioner", AreaCode: "Z99", Password: "another long one"})
	wantProblems(t, err, "area_code")
	if _, err := s.CreateUser(as(lw), directory.UserInput{Email: "y@x.example", Role: "admin", Password: "another long one"}); !errors.Is(err, directory.ErrForbidden) {
		t.Fatalf("link worker creating users: %v", err)
	}

	if _, _, err := s.Login(t.Context(), "lw@pcn.example", "wrong password!"); !errors.Is(err, directory.ErrUnauthenticated) {
		t.Fatalf("wrong password: %v", err)
	}
	if _, _, err := s.Login(t.Context(), "nobody@pcn.example", "correct horse battery"); !errors.Is(err, directory.ErrUnauthenticated) {
		t.Fatalf("unknown email: %v", err)
	}
	token, who, err := s.Login(t.Context(), " LW@pcn.example ", "correct horse battery")
	if err != nil || who.ID != lw.ID {
		t.Fatalf("login: %v", err)
	}
	back, err := s.UserBySession(t.Context(), token)
	if err != nil || back.ID != lw.ID || back.Role != directory.RoleLinkWorker {
		t.Fatalf("session user %+v, %v", back, err)
	}
	if err := s.Logout(t.Context(), token); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UserBySession(t.Context(), token); !errors.Is(err, directory.ErrUnauthenticated) {
		t.Fatalf("session survived logout: %v", err)
	}
}

func TestTeamLinkWorkers(t *testing.T) {
	s := newStore(t)
	team, _ := s.CreateTeam(asAdmin(), directory.TeamInput{Name: "Washington PCN", AreaCode: "E08000024"})
	other, _ := s.CreateTeam(asAdmin(), directory.TeamInput{Name: "Coalfields PCN", AreaCode: "E08000024"})
	zoe := mustUser(t, s, directory.UserInput{Email: "zoe@pcn.example", Name: "Zoe Hall", Role: "link_worker", TeamID: team.ID})
	mustUser(t, s, directory.UserInput{Email: "amy@pcn.example", Name: "Amy Carr", Role: "link_worker", TeamID: team.ID})
	outsider := mustUser(t, s, directory.UserInput{Email: "tom@coal.example", Name: "Tom Ng", Role: "link_worker", TeamID: other.ID})
	got, err := s.TeamLinkWorkers(as(zoe), team.ID)
	if err != nil || len(got) != 2 || got[0].Name != "Amy Carr" || got[1].ID != zoe.ID {
		t.Fatalf("team link workers %+v %v", got, err)
	}
	if _, err := s.TeamLinkWorkers(as(outsider), team.ID); !errors.Is(err, directory.ErrForbidden) {
		t.Fatalf("another team's link worker: %v", err)
	}
	if got, err := s.TeamLinkWorkers(asAdmin(), other.ID); err != nil || len(got) != 1 {
		t.Fatalf("admin: %+v %v", got, err)
	}
}

func TestPasswordHashing(t *testing.T) {
	h, err := directory.HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	h2, _ := directory.HashPassword("correct horse battery")
	if h == h2 {
		t.Fatal("hashes are not salted")
	}
	for pw, want := range map[string]bool{"correct horse battery": true, "correct horse batterY": false, "": false} {
		if ok, err := directory.CheckPassword(h, pw); err != nil || ok != want {
			t.Errorf("CheckPassword(%q) = %v, %v", pw, ok, err)
		}
	}
	if _, err := directory.CheckPassword("$2a$10$bcrypt", "x"); err == nil {
		t.Error("foreign hash format accepted")
	}
}

func TestTaxonomyIsSeeded(t *testing.T) {
	s := newStore(t)
	terms, err := s.Terms(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string]directory.Term{}
	for _, term := range terms {
		byCode[term.Code] = term
	}
	for _, code := range []string{"loneliness", "physical-activity", "arts-creativity", "mental-wellbeing",
		"money-debt", "housing", "employment-skills", "carers", "bereavement", "food-cooking",
		"nature-gardening", "digital-skills"} {
		if _, ok := byCode[code]; !ok {
			t.Errorf("category %q missing", code)
		}
	}
	if w := byCode["walking"]; w.ParentID == nil || *w.ParentID != byCode["physical-activity"].ID {
		t.Errorf("walking is not under physical activity: %+v", w)
	}
}

// A session lasts SessionTTL from its last use, counted in whole minutes:
// a request within a minute of the last refresh does not slide it.
// TestSessionUseRecordedOncePerMinute: a request records the session's use
// at most once a minute, and the idle timeout runs from the last recorded
// use (the absolute limit is tested in security_test.go).
func TestSessionUseRecordedOncePerMinute(t *testing.T) {
	base := newStore(t)
	lw := mustUser(t, base, directory.UserInput{Email: "lw@pcn.example", Role: "link_worker",
		TeamID: mustTeam(t, base, "Coalfields PCN")})
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	at := func(d time.Duration) *directory.Store { return base.WithClock(func() time.Time { return t0.Add(d) }) }
	used, _, err := at(0).Login(t.Context(), lw.Email, "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	idle, _, err := at(0).Login(t.Context(), lw.Email, "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		after time.Duration
		token string
		live  bool
	}{
		{30 * time.Second, used, true},
		{30 * time.Second, idle, true},
		{2 * time.Minute, used, true},                         // recorded: idle from 2m
		{directory.SessionIdle + time.Minute, used, true},     // within SessionIdle of 2m; recorded again
		{directory.SessionIdle + 15*time.Second, idle, false}, // its use at 30 s was not recorded
		{2*directory.SessionIdle + 2*time.Minute, used, false},
	}
	for _, st := range steps {
		_, err := at(st.after).UserBySession(t.Context(), st.token)
		if live := err == nil; live != st.live || (err != nil && !errors.Is(err, directory.ErrUnauthenticated)) {
			t.Errorf("after %s: %v, want live %v", st.after, err, st.live)
		}
	}
}

func mustTeam(t *testing.T, s *directory.Store, name string) string {
	t.Helper()
	team, err := s.CreateTeam(asAdmin(), directory.TeamInput{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return team.ID
}
