package qa_test

import (
	"fmt"
	"testing"

	"kith/qa"
)

func TestSeedDemoSpreadsStatusesOnce(t *testing.T) {
	f := newFixture(t)
	orgs := []string{f.org}
	for i := 1; i < 20; i++ {
		orgs = append(orgs, f.newOrg(t, fmt.Sprintf("Demo group %d", i)))
	}
	if err := f.qa.SeedDemo(f.editor, orgs, start); err == nil {
		t.Fatal("a VCSE editor seeded the demo")
	}
	if err := f.qa.SeedDemo(f.admin, orgs, start); err != nil {
		t.Fatal(err)
	}
	rows := f.count(t, "qa_responses") + f.count(t, "qa_evidence") + f.count(t, "qa_listing_confirmations") +
		f.count(t, "qa_suspensions") + f.count(t, "qa_assessments")
	all, err := f.qa.Statuses(f.admin, orgs)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[qa.Status]int{}
	for _, a := range all {
		seen[a.At(qa.TierReferral).Status]++
	}
	for _, s := range qa.AllStatuses {
		if seen[s] == 0 {
			t.Errorf("no demo organisation is %s: %v", s, seen)
		}
	}
	if seen[qa.StatusAssured] < len(orgs)/3 {
		t.Errorf("only %d of %d demo organisations assured for referrals", seen[qa.StatusAssured], len(orgs))
	}
	if children := all[orgs[0]].At(qa.TierChildren).Status; children != qa.StatusAssured {
		t.Errorf("first demo organisation is %s for work with children, want assured", children)
	}
	if err := f.qa.SeedDemo(f.admin, orgs, start); err != nil {
		t.Fatal(err)
	}
	again := f.count(t, "qa_responses") + f.count(t, "qa_evidence") + f.count(t, "qa_listing_confirmations") +
		f.count(t, "qa_suspensions") + f.count(t, "qa_assessments")
	if again != rows {
		t.Fatalf("second seeding added rows: %d → %d", rows, again)
	}
	queue, total, err := f.qa.Queue(f.reviewer, 10, 0)
	files := 0
	for _, e := range queue {
		files += e.Files
	}
	if err != nil || total <= len(queue) || len(queue) != 10 || files == 0 {
		t.Fatalf("demo review queue: %d %v %v", total, queue, err)
	}
}
