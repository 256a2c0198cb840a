package qa_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"kith/directory"
	"kith/qa"
)

func TestEditorCannotVerifyOwnOrTouchAnotherOrganisation(t *testing.T) {
	f := newFixture(t)
	other := f.newOrg(t, "Hendon Choir")
	it, _ := currentTemplate(t, f.qa).Item("safer_recruitment")
	f.answer(t, f.editor, f.org, it, time.Time{})
	rs, err := f.qa.Submit(f.editor, f.org)
	if err != nil {
		t.Fatal(err)
	}
	responses, events := f.count(t, "qa_responses"), f.count(t, "qa_events")

	_, err = f.qa.Review(f.editor, rs[0].ID, true, "")
	wantKind(t, err, directory.ErrForbidden)
	_, err = f.qa.SaveItem(f.editor, other, "safer_recruitment", qa.ItemInput{Reference: "x"})
	wantKind(t, err, directory.ErrForbidden)
	_, err = f.qa.AddEvidence(f.editor, other, "safer_recruitment", "policy.pdf", minimalPDF)
	wantKind(t, err, directory.ErrForbidden)
	_, err = f.qa.Submit(f.editor, other)
	wantKind(t, err, directory.ErrForbidden)
	_, err = f.qa.Assessment(f.editor, other)
	wantKind(t, err, directory.ErrForbidden)
	_, err = f.qa.ConfirmListing(f.editor, other)
	wantKind(t, err, directory.ErrForbidden)
	_, err = f.qa.Suspend(f.editor, f.org, "to dodge a review")
	wantKind(t, err, directory.ErrForbidden)
	_, err = f.qa.SaveItem(f.reviewer, f.org, "safer_recruitment", qa.ItemInput{Reference: "x"})
	wantKind(t, err, directory.ErrForbidden)
	_, err = f.qa.SaveItem(context.Background(), f.org, "safer_recruitment", qa.ItemInput{})
	wantKind(t, err, directory.ErrUnauthenticated)

	if r, e := f.count(t, "qa_responses"), f.count(t, "qa_events"); r != responses || e != events {
		t.Fatalf("refused calls changed data: responses %d→%d, events %d→%d", responses, r, events, e)
	}
	a, err := f.qa.Assessment(f.reviewer, f.org)
	if err != nil {
		t.Fatal(err)
	}
	if st := stateOf(a, "safer_recruitment"); st != qa.StateSubmitted {
		t.Fatalf("item is %s after refused verification", st)
	}
}

func TestNobodyReviewsTheirOwnWork(t *testing.T) {
	f := newFixture(t)
	admin := f.user(t, "admin@kith.example", directory.RoleAdmin, "")
	it, _ := currentTemplate(t, f.qa).Item("complaints_procedure")
	f.answer(t, admin, f.org, it, time.Time{}) // an admin filling in for the group
	rs, err := f.qa.Submit(f.editor, f.org)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.qa.Review(admin, rs[0].ID, true, "")
	wantKind(t, err, directory.ErrForbidden)
	_, err = f.qa.Review(f.reviewer, rs[0].ID, false, " ")
	wantKind(t, err, directory.ErrInvalid)
	r, err := f.qa.Review(f.reviewer, rs[0].ID, false, "This is a template, not your procedure")
	if err != nil || r.State != qa.StateRejected || r.ReviewNote == "" {
		t.Fatalf("reject: %+v %v", r, err)
	}
	_, err = f.qa.Review(f.reviewer, rs[0].ID, true, "")
	wantKind(t, err, directory.ErrConflict)
	todo, err := f.qa.Todo(f.editor, f.org)
	if err != nil {
		t.Fatal(err)
	}
	if reason := todoReason(todo, "complaints_procedure"); reason != "rejected" {
		t.Fatalf("todo reason %q, want rejected", reason)
	}
}

func TestSubmitReportsWhatIsMissing(t *testing.T) {
	f := newFixture(t)
	_, err := f.qa.Submit(f.editor, f.org)
	wantKind(t, err, directory.ErrInvalid)
	yesterday := start.AddDate(0, 0, -1).Format(time.DateOnly)
	if _, err := f.qa.SaveItem(f.editor, f.org, "public_liability_insurance", qa.ItemInput{EvidenceDate: yesterday}); err != nil {
		t.Fatal(err)
	}
	_, err = f.qa.Submit(f.editor, f.org)
	var p directory.Problems
	if !errors.As(err, &p) {
		t.Fatalf("submit incomplete: %v", err)
	}
	for _, field := range []string{"file", "reference", "evidence_date"} {
		if p["items.public_liability_insurance."+field] == "" {
			t.Errorf("problems %v do not name %s", p, field)
		}
	}
	_, err = f.qa.SaveItem(f.editor, f.org, "no_such_item", qa.ItemInput{})
	wantKind(t, err, directory.ErrNotFound)
	_, err = f.qa.SaveItem(f.editor, f.org, "listing_accuracy", qa.ItemInput{})
	wantKind(t, err, directory.ErrInvalid)
	_, err = f.qa.SaveItem(f.editor, f.org, "legal_form", qa.ItemInput{EvidenceDate: "31/03/2026"})
	wantKind(t, err, directory.ErrInvalid)
}

func TestUploadsAreCheckedByTheirBytes(t *testing.T) {
	f := newFixture(t)
	for _, tt := range []struct {
		name string
		data []byte
		want string
	}{
		{"policy.pdf", []byte("<html><script>alert(1)</script></html>"), "not a PDF, PNG, JPEG or Word"},
		{"policy.docx", docx(t, "xl/workbook.xml"), "not a PDF, PNG, JPEG or Word"},
		{"scan.png", []byte("GIF89a...."), "not a PDF, PNG, JPEG or Word"},
		{"big.pdf", append([]byte("%PDF-1.7\n"), make([]byte, qa.MaxEvidenceSize)...), "at most 10 MiB"},
		{"empty.pdf", nil, "empty"},
	} {
		_, err := f.qa.AddEvidence(f.editor, f.org, "equality_policy", tt.name, tt.data)
		var p directory.Problems
		if !errors.As(err, &p) || !strings.Contains(p["file"], tt.want) {
			t.Errorf("%s: %v, want a file problem saying %q", tt.name, err, tt.want)
		}
	}
	if n := f.count(t, "qa_evidence") + f.count(t, "qa_responses"); n != 0 {
		t.Fatalf("refused uploads stored %d rows", n)
	}
	ev, err := f.qa.AddEvidence(f.editor, f.org, "equality_policy", `C:\Users\jean\Equality.docx`, docx(t, "[Content_Types].xml", "word/document.xml"))
	if err != nil || ev.ContentType != qa.TypeDOCX || ev.Filename != "Equality.docx" {
		t.Fatalf("docx upload: %+v %v", ev, err)
	}
	got, data, err := f.qa.Evidence(f.reviewer, ev.ID)
	if err != nil || got.SHA256 != ev.SHA256 || len(data) != ev.Size {
		t.Fatalf("download: %+v %d %v", got, len(data), err)
	}
	other := f.user(t, "ed@hendon.example", directory.RoleVCSEEditor, f.newOrg(t, "Hendon Choir"))
	_, _, err = f.qa.Evidence(other, ev.ID)
	wantKind(t, err, directory.ErrForbidden)
}

func stateOf(a qa.Assessment, key string) string {
	for _, st := range a.Items {
		if st.Key == key {
			return st.State
		}
	}
	return ""
}

func todoReason(t qa.Todo, key string) string {
	for _, it := range t.Items {
		if it.Key == key {
			return it.Reason
		}
	}
	return ""
}
