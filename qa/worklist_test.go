package qa_test

import (
	"testing"
	"time"

	"kith/directory"
)

func TestSubmissionsGroupTheQueueByOrganisationOldestFirst(t *testing.T) {
	f := newFixture(t)
	tpl := currentTemplate(t, f.qa)
	later := f.newOrg(t, "Hendon Choir")
	laterEditor := f.user(t, "ed@hendon.example", directory.RoleVCSEEditor, later)
	for _, key := range []string{"legal_form", "equality_policy"} {
		it, _ := tpl.Item(key)
		f.answer(t, f.editor, f.org, it, time.Time{})
	}
	if _, err := f.qa.Submit(f.editor, f.org); err != nil {
		t.Fatal(err)
	}
	f.now = f.now.Add(2 * time.Hour)
	it, _ := tpl.Item("privacy_notice")
	f.answer(t, laterEditor, later, it, time.Time{})
	if _, err := f.qa.Submit(laterEditor, later); err != nil {
		t.Fatal(err)
	}

	page, err := f.qa.Submissions(f.reviewer, 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	if page.Organisations != 2 || page.Items != 3 || len(page.Entries) != 2 {
		t.Fatalf("submissions %+v, want 2 organisations with 3 items", page)
	}
	first, second := page.Entries[0], page.Entries[1]
	if first.OrganisationID != f.org || first.Items != 2 || first.Files != 1 || !first.Oldest.Equal(start) {
		t.Errorf("first entry %+v, want Roker Walkers' 2 items and 1 file from the start", first)
	}
	if second.OrganisationName != "Hendon Choir" || second.Items != 1 || second.Files != 0 {
		t.Errorf("second entry %+v, want Hendon Choir's one item", second)
	}
	rest, err := f.qa.Submissions(f.reviewer, 10, 1)
	if err != nil || len(rest.Entries) != 1 || rest.Entries[0].OrganisationID != later || rest.Items != 3 {
		t.Fatalf("second page %+v %v", rest, err)
	}

	queue, _, err := f.qa.Queue(f.reviewer, 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range queue {
		if e.OrganisationID == f.org {
			if _, err := f.qa.Review(f.reviewer, e.ResponseID, true, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	page, err = f.qa.Submissions(f.reviewer, 10, 0)
	if err != nil || page.Organisations != 1 || page.Entries[0].OrganisationID != later {
		t.Fatalf("after reviewing Roker Walkers: %+v %v", page, err)
	}
	_, err = f.qa.Submissions(f.editor, 10, 0)
	wantKind(t, err, directory.ErrForbidden)
}
