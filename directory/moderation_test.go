package directory_test

import (
	"errors"
	"testing"

	"kith/directory"
)

func mustUser(t *testing.T, s *directory.Store, in directory.UserInput) directory.User {
	t.Helper()
	if in.Password == "" {
		in.Password = "correct horse battery"
	}
	u, err := s.CreateUser(asAdmin(), in)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestEditorChangeToPublishedListingWaitsForApproval(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	svc, _, err := s.CreateService(asAdmin(), walkingGroup(org.ID))
	if err != nil {
		t.Fatal(err)
	}
	editor := mustUser(t, s, directory.UserInput{Email: "ed@roker.example", Role: "vcse_editor", OrganisationID: org.ID})
	reviewer := mustUser(t, s, directory.UserInput{Email: "qa@kith.example", Role: "qa_reviewer"})

	in := svc.Input()
	in.Name = "Roker Park health walk (new time)"
	live, ver, err := s.UpdateService(as(editor), svc.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	if ver.State != directory.VersionPending || live.Name != "Roker Park health walk" {
		t.Fatalf("pending change went live: state %s, name %q", ver.State, live.Name)
	}
	if len(ver.Changed) != 1 || ver.Changed[0] != "name" {
		t.Fatalf("changed fields %v, want [name]", ver.Changed)
	}
	queue, total, err := s.PendingVersions(as(reviewer), 10, 0)
	if err != nil || total != 1 || queue[0].ID != ver.ID {
		t.Fatalf("moderation queue %+v (%d), %v", queue, total, err)
	}
	if _, err := s.ReviewVersion(as(editor), ver.ID, true, ""); !errors.Is(err, directory.ErrForbidden) {
		t.Fatalf("editor approving own change: %v, want ErrForbidden", err)
	}
	approved, err := s.ReviewVersion(as(reviewer), ver.ID, true, "checked with the group")
	if err != nil || approved.State != directory.VersionApproved || *approved.ReviewerID != reviewer.ID {
		t.Fatalf("approve: %+v, %v", approved, err)
	}
	now, _ := s.Service(asAdmin(), svc.ID)
	if now.Name != in.Name {
		t.Fatalf("approved change not live: %q", now.Name)
	}
	if _, err := s.ReviewVersion(as(reviewer), ver.ID, false, "again"); !errors.Is(err, directory.ErrConflict) {
		t.Fatalf("reviewing twice: %v, want ErrConflict", err)
	}
}

func TestRejectNeedsReasonAndKeepsLiveListing(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	svc, _, _ := s.CreateService(asAdmin(), walkingGroup(org.ID))
	editor := mustUser(t, s, directory.UserInput{Email: "ed@roker.example", Role: "vcse_editor", OrganisationID: org.ID})
	in := svc.Input()
	in.Description = "Now with added mud."
	_, ver, err := s.UpdateService(as(editor), svc.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.ReviewVersion(asAdmin(), ver.ID, false, "  ")
	wantProblems(t, err, "note")
	rej, err := s.ReviewVersion(asAdmin(), ver.ID, false, "Please describe the walk, not the weather")
	if err != nil || rej.State != directory.VersionRejected {
		t.Fatalf("reject: %+v %v", rej, err)
	}
	now, _ := s.Service(asAdmin(), svc.ID)
	if now.Description == "Now with added mud." {
		t.Fatal("rejected change went live")
	}
}

func TestNewerProposalSupersedesPending(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	svc, _, _ := s.CreateService(asAdmin(), walkingGroup(org.ID))
	editor := mustUser(t, s, directory.UserInput{Email: "ed@roker.example", Role: "vcse_editor", OrganisationID: org.ID})
	in := svc.Input()
	in.Name = "First idea"
	_, first, _ := s.UpdateService(as(editor), svc.ID, in)
	in.Name = "Second idea"
	_, second, _ := s.UpdateService(as(editor), svc.ID, in)
	hist, err := s.History(as(editor), "service", svc.ID)
	if err != nil {
		t.Fatal(err)
	}
	states := map[string]string{}
	for _, v := range hist {
		states[v.ID] = v.State
	}
	if states[first.ID] != directory.VersionSuperseded || states[second.ID] != directory.VersionPending {
		t.Fatalf("states %v", states)
	}
}

func TestEditorDraftIsHiddenUntilApproved(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	editor := mustUser(t, s, directory.UserInput{Email: "ed@roker.example", Role: "vcse_editor", OrganisationID: org.ID})
	draft, ver, err := s.CreateService(as(editor), walkingGroup(org.ID))
	if err != nil {
		t.Fatal(err)
	}
	if draft.Published || ver.State != directory.VersionPending {
		t.Fatalf("editor's new listing published at once: %+v", ver)
	}
	if _, err := s.Service(t.Context(), draft.ID); !errors.Is(err, directory.ErrNotFound) {
		t.Fatalf("public sees draft: %v", err)
	}
	if _, err := s.ReviewVersion(asAdmin(), ver.ID, true, ""); err != nil {
		t.Fatal(err)
	}
	if pub, err := s.Service(t.Context(), draft.ID); err != nil || !pub.Published {
		t.Fatalf("approved draft not public: %v", err)
	}
}

func TestEditorCannotTouchAnotherOrganisation(t *testing.T) {
	s := newStore(t)
	mine := mustOrg(t, s, "Roker Walkers")
	theirs := mustOrg(t, s, "Hendon Choir")
	svc, _, _ := s.CreateService(asAdmin(), walkingGroup(theirs.ID))
	editor := mustUser(t, s, directory.UserInput{Email: "ed@roker.example", Role: "vcse_editor", OrganisationID: mine.ID})

	in := svc.Input()
	in.Name = "Hijacked"
	if _, _, err := s.UpdateService(as(editor), svc.ID, in); !errors.Is(err, directory.ErrForbidden) {
		t.Fatalf("editing another org's service: %v, want ErrForbidden", err)
	}
	in.OrganisationID = mine.ID
	if _, _, err := s.UpdateService(as(editor), svc.ID, in); !errors.Is(err, directory.ErrForbidden) {
		t.Fatalf("moving another org's service into mine: %v, want ErrForbidden", err)
	}
	if _, _, err := s.CreateService(as(editor), walkingGroup(theirs.ID)); !errors.Is(err, directory.ErrForbidden) {
		t.Fatalf("creating under another org: %v, want ErrForbidden", err)
	}
	if _, _, err := s.UpdateOrganisation(as(editor), theirs.ID, theirs.Input()); !errors.Is(err, directory.ErrForbidden) {
		t.Fatalf("editing another organisation: %v", err)
	}
	now, _ := s.Service(asAdmin(), svc.ID)
	hist, _ := s.History(asAdmin(), "service", svc.ID)
	if now.Name != svc.Name || len(hist) != 1 {
		t.Fatalf("something changed: name %q, %d versions", now.Name, len(hist))
	}
}

func TestAnonymousAndOtherRolesCannotWrite(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	team, err := s.CreateTeam(asAdmin(), directory.TeamInput{Name: "Sunderland East PCN"})
	if err != nil {
		t.Fatal(err)
	}
	lw := mustUser(t, s, directory.UserInput{Email: "lw@pcn.example", Role: "link_worker", TeamID: team.ID})
	comm := mustUser(t, s, directory.UserInput{Email: "c@icb.example", Role: "commissioner"})
	if _, _, err := s.CreateService(t.Context(), walkingGroup(org.ID)); !errors.Is(err, directory.ErrUnauthenticated) {
		t.Fatalf("anonymous create: %v", err)
	}
	for _, u := range []directory.User{lw, comm} {
		if _, _, err := s.CreateService(as(u), walkingGroup(org.ID)); !errors.Is(err, directory.ErrForbidden) {
			t.Fatalf("%s create: %v", u.Role, err)
		}
		if _, _, err := s.PendingVersions(as(u), 10, 0); !errors.Is(err, directory.ErrForbidden) {
			t.Fatalf("%s moderation queue: %v", u.Role, err)
		}
	}
}

// A draft cannot change a venue that published listings use: that would
// publish the change without moderation.
func TestDraftCannotChangeSharedVenue(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	live, _, err := s.CreateService(asAdmin(), walkingGroup(org.ID))
	if err != nil {
		t.Fatal(err)
	}
	editor := mustUser(t, s, directory.UserInput{Email: "ed@roker.example", Role: "vcse_editor", OrganisationID: org.ID})
	draft := walkingGroup(org.ID)
	draft.Name = "Roker Park Nordic walking"
	draft.Locations[0].Name = "Renamed by a draft"
	if _, _, err := s.CreateService(as(editor), draft); err != nil {
		t.Fatal(err)
	}
	now, _ := s.Service(asAdmin(), live.ID)
	if now.Locations[0].Name != "Roker Park bandstand" {
		t.Fatalf("a draft renamed a published listing's venue to %q", now.Locations[0].Name)
	}
}

func TestLatestVersionsShowWhatWaitsForReview(t *testing.T) {
	s := newStore(t)
	org, other := mustOrg(t, s, "Roker Walkers"), mustOrg(t, s, "Hendon Choir")
	walk, _, _ := s.CreateService(asAdmin(), walkingGroup(org.ID))
	choir := walkingGroup(other.ID)
	choir.Locations[0].ID, choir.Schedules[0].LocationID = "5c0f3b1e-2a43-4b55-9a8e-0c1d7e3f2a11", ""
	theirs, _, err := s.CreateService(asAdmin(), choir)
	if err != nil {
		t.Fatal(err)
	}
	editor := mustUser(t, s, directory.UserInput{Email: "ed@roker.example", Role: "vcse_editor", OrganisationID: org.ID})
	in := walk.Input()
	in.Name = "Roker Park health walk (Saturdays too)"
	_, pending, err := s.UpdateService(as(editor), walk.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	latest, err := s.LatestVersions(as(editor), org.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(latest) != 2 || latest[walk.ID].ID != pending.ID || latest[walk.ID].State != directory.VersionPending {
		t.Fatalf("latest versions %+v, want the pending walk change and the organisation", latest)
	}
	if v := latest[org.ID]; v.Entity != "organisation" || v.State != directory.VersionApproved {
		t.Fatalf("organisation's latest version %+v", v)
	}
	if _, ok := latest[theirs.ID]; ok {
		t.Fatal("another organisation's listing is among the latest versions")
	}
	if _, err := s.LatestVersions(as(editor), other.ID); !errors.Is(err, directory.ErrForbidden) {
		t.Fatalf("editor reading another organisation's versions: %v, want ErrForbidden", err)
	}
}
