package directory_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/uuid"

	"kith/directory"
)

func TestImportCreatesThenLeavesUnchangedThenUpdates(t *testing.T) {
	s := newStore(t)
	src := directory.ImportRecord{Source: "council feed", SourceID: "101"}
	orgID, svcID := "0b5c3a44-1d2e-4f60-8a9b-0c1d2e3f4a5b", "1c6d4b55-2e3f-4a71-9bac-1d2e3f4a5b6c"
	org := directory.OrganisationInput{Name: "Roker Walkers"}
	if out, err := s.ImportOrganisation(asAdmin(), directory.ImportRecord{Source: "council feed", SourceID: "9"}, orgID, org); err != nil || out != directory.ImportCreated {
		t.Fatalf("organisation: %v %v", out, err)
	}
	in := withFixedIDs(walkingGroup(orgID))
	terms := []directory.SourceTerm{{Vocabulary: "esd", TermID: "1", Term: "Walking", Category: "walking"}, {Vocabulary: "esd", Term: "Rambling"}}
	for i, want := range []directory.ImportOutcome{directory.ImportCreated, directory.ImportUnchanged} {
		out, err := s.ImportService(asAdmin(), src, svcID, in, terms)
		if err != nil || out != want {
			t.Fatalf("import %d: %v %v, want %v", i+1, out, err, want)
		}
	}
	in.Description = "Now with a longer route."
	if out, err := s.ImportService(asAdmin(), src, svcID, in, terms[:1]); err != nil || out != directory.ImportUpdated {
		t.Fatalf("changed import: %v %v", out, err)
	}
	var kept []directory.SourceTerm
	err := s.DB().SelectContext(asAdmin(), &kept, `SELECT vocabulary, term_id, term, category FROM import_terms WHERE service_id = $1`, svcID)
	if err != nil || len(kept) != 1 || kept[0].Term != "Walking" || kept[0].Category != "walking" {
		t.Fatalf("source terms %+v %v", kept, err)
	}
	hist, _ := s.History(asAdmin(), "service", svcID)
	if len(hist) != 2 {
		t.Errorf("%d versions, want 2: the unchanged import must record none", len(hist))
	}
}

// withFixedIDs gives every child record an id, as importers do, so that
// importing the same input twice is the same write.
func withFixedIDs(in directory.ServiceInput) directory.ServiceInput {
	n := 0
	next := func() string {
		n++
		return uuid.NewSHA1(uuid.NameSpaceOID, []byte(fmt.Sprint(n))).String()
	}
	for i := range in.Schedules {
		in.Schedules[i].ID = next()
	}
	for i := range in.Phones {
		in.Phones[i].ID = next()
	}
	for i := range in.Contacts {
		in.Contacts[i].ID = next()
	}
	for i := range in.CostOptions {
		in.CostOptions[i].ID = next()
	}
	for i := range in.Areas {
		in.Areas[i].ID = next()
	}
	return in
}

func TestOnlyAdminsImport(t *testing.T) {
	s := newStore(t)
	org := mustOrg(t, s, "Roker Walkers")
	editor := mustUser(t, s, directory.UserInput{Email: "ed@roker.example", Role: "vcse_editor", OrganisationID: org.ID})
	_, err := s.ImportService(as(editor), directory.ImportRecord{Source: "x", SourceID: "1"}, org.ID, walkingGroup(org.ID), nil)
	if !errors.Is(err, directory.ErrForbidden) {
		t.Fatalf("editor import: %v", err)
	}
}
