package qa_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"kith/directory"
	"kith/qa"
)

func TestNewTemplateVersionLeavesPastAssessmentsAlone(t *testing.T) {
	f := newFixture(t)
	insurance := start.AddDate(1, 0, 0)
	f.fill(t, qa.TierReferral, insurance)
	v1 := currentTemplate(t, f.qa)
	before := f.status(t, qa.TierReferral)

	in := qa.TemplateInput{Title: "Checklist 2027", Items: append([]qa.Item(nil), v1.Items...)}
	in.Items[0].Guidance = "Rewritten guidance."
	in.Items = append(in.Items, qa.Item{Key: "climate_policy", Title: "Environmental policy",
		RequiredFrom: qa.TierReferral, Evidence: []string{qa.NeedsDocument}, Validity: qa.ValidForMonths, ValidMonths: 24})
	_, err := f.qa.PublishTemplate(f.reviewer, in)
	wantKind(t, err, directory.ErrForbidden)
	v2, err := f.qa.PublishTemplate(f.admin, in)
	if err != nil || v2.Version != 2 {
		t.Fatalf("publish: %+v %v", v2, err)
	}

	all, _ := f.qa.Templates(f.editor)
	if len(all) != 2 || !reflect.DeepEqual(all[1], v1) {
		t.Fatalf("version 1 changed when version 2 was published")
	}
	after := f.status(t, qa.TierReferral)
	all2, _ := f.qa.Statuses(f.admin, []string{f.org})
	if !reflect.DeepEqual(before, after) || all2[f.org].TemplateVersion != 1 {
		t.Fatalf("status moved with the template: %+v → %+v (version %d)", before, after, all2[f.org].TemplateVersion)
	}

	// The next submission answers version 2: its new item is now required,
	// while evidence verified under version 1 still counts by key.
	it, _ := v2.Item("equality_policy")
	f.answer(t, f.editor, f.org, it, time.Time{})
	if _, err := f.qa.Submit(f.editor, f.org); err != nil {
		t.Fatal(err)
	}
	all2, _ = f.qa.Statuses(f.admin, []string{f.org})
	if all2[f.org].TemplateVersion != 2 || all2[f.org].At(qa.TierReferral).Status != qa.StatusInProgress ||
		all2[f.org].At(qa.TierSignposting).Status != qa.StatusAssured {
		t.Fatalf("after submitting under version 2: %+v", all2[f.org])
	}
}

func TestTemplateValidation(t *testing.T) {
	good := qa.Item{Key: "insurance", Title: "Insurance", RequiredFrom: qa.TierSignposting,
		Evidence: []string{qa.NeedsDocument, qa.NeedsDate}, Validity: qa.ValidUntilEvidenceDate}
	if err := (&qa.TemplateInput{Title: "T", Items: []qa.Item{good}}).Validate(); err != nil {
		t.Fatalf("good template: %v", err)
	}
	bad := []qa.Item{
		good,
		{Key: "insurance", Title: "Again", Evidence: []string{"photo"}, Validity: qa.ValidForMonths},
		{Key: "Bad Key", RequiredFrom: "everyone", Evidence: []string{qa.NeedsListing, qa.NeedsDocument}, Validity: qa.ValidUntilEvidenceDate},
	}
	err := (&qa.TemplateInput{Items: bad}).Validate()
	var p directory.Problems
	if !errors.As(err, &p) {
		t.Fatalf("bad template: %v", err)
	}
	for _, field := range []string{"title", "items[1].key", "items[1].evidence", "items[1].valid_months",
		"items[2].key", "items[2].title", "items[2].required_from", "items[2].evidence", "items[2].validity"} {
		if p[field] == "" {
			t.Errorf("problems do not name %s: %v", field, p)
		}
	}
	noBase := good
	noBase.RequiredFrom = qa.TierReferral
	if err := (&qa.TemplateInput{Title: "T", Items: []qa.Item{noBase}}).Validate(); err == nil {
		t.Error("a template requiring nothing to be listed was accepted")
	}
}
