package qa_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"kith/directory"
	"kith/qa"
)

// TestEveryStatusFromData walks one organisation through every status,
// changing only its rows and the clock.
func TestEveryStatusFromData(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.wantStatus(t, qa.TierReferral, qa.StatusNotStarted)

	tpl := currentTemplate(t, f.qa)
	legal, _ := tpl.Item("legal_form")
	f.answer(t, f.editor, f.org, legal, time.Time{})
	f.wantStatus(t, qa.TierReferral, qa.StatusNotStarted) // a draft is not a submission
	if _, err := f.qa.Submit(f.editor, f.org); err != nil {
		t.Fatal(err)
	}
	f.wantStatus(t, qa.TierReferral, qa.StatusInProgress)

	insurance := start.AddDate(0, 0, 60).Truncate(24 * time.Hour)
	f.fill(t, qa.TierReferral, insurance)
	f.wantStatus(t, qa.TierSignposting, qa.StatusAssured)
	f.wantStatus(t, qa.TierVulnerableAdults, qa.StatusInProgress)
	got := f.status(t, qa.TierReferral)
	wantUntil := insurance.AddDate(0, 0, 1)
	if got.Status != qa.StatusAssured || !got.AssuredUntil.Equal(wantUntil) || !got.AssuredDate.Equal(start) {
		t.Fatalf("referral: %+v, want assured until %s since %s", got, wantUntil, start)
	}
	if err := f.qa.ReferralReady(ctx, f.db, f.org); err != nil {
		t.Fatalf("assured organisation not referral-ready: %v", err)
	}

	f.now = start.AddDate(0, 0, 40)
	f.wantStatus(t, qa.TierReferral, qa.StatusExpiring)
	if err := f.qa.ReferralReady(ctx, f.db, f.org); err != nil {
		t.Fatalf("expiring organisation not referral-ready: %v", err)
	}

	f.now = wantUntil // the first moment the insurance no longer covers
	f.wantStatus(t, qa.TierReferral, qa.StatusLapsed)
	f.wantStatus(t, qa.TierSignposting, qa.StatusAssured) // insurance is not needed to be listed
	err := f.qa.ReferralReady(ctx, f.db, f.org)
	if !errors.Is(err, qa.ErrNotReferralReady) || !errors.Is(err, directory.ErrConflict) {
		t.Fatalf("lapsed organisation: ReferralReady = %v", err)
	}

	f.now = start.AddDate(0, 0, 1)
	if _, err := f.qa.Suspend(f.reviewer, f.org, "Concern raised by a link worker"); err != nil {
		t.Fatal(err)
	}
	f.wantStatus(t, qa.TierSignposting, qa.StatusSuspended)
	if err := f.qa.ReferralReady(ctx, f.db, f.org); !errors.Is(err, qa.ErrNotReferralReady) {
		t.Fatalf("suspended organisation: ReferralReady = %v", err)
	}
	if _, err := f.qa.Unsuspend(f.reviewer, f.org, "Concern investigated and closed"); err != nil {
		t.Fatal(err)
	}
	f.wantStatus(t, qa.TierReferral, qa.StatusAssured)
}

func TestListingGoesStaleAndLapses(t *testing.T) {
	f := newFixture(t)
	f.fill(t, qa.TierSignposting, time.Time{})
	all, _ := f.qa.Statuses(context.Background(), []string{f.org})
	if all[f.org].Stale || f.status(t, qa.TierSignposting).Status != qa.StatusAssured {
		t.Fatalf("just confirmed: %+v", all[f.org])
	}
	f.now = start.AddDate(0, qa.StaleAfterMonths, 0)
	all, _ = f.qa.Statuses(context.Background(), []string{f.org})
	if !all[f.org].Stale {
		t.Fatal("listing not stale after three months")
	}
	f.wantStatus(t, qa.TierSignposting, qa.StatusLapsed)
	if _, err := f.qa.ConfirmListing(f.editor, f.org); err != nil {
		t.Fatal(err)
	}
	f.wantStatus(t, qa.TierSignposting, qa.StatusAssured)
}

// TestStatusChangesReachTheOutbox checks that search hears of every change
// that can move a status.
func TestStatusChangesReachTheOutbox(t *testing.T) {
	f := newFixture(t)
	before := f.count(t, "outbox")
	f.fill(t, qa.TierSignposting, time.Time{})
	// one submit, two verifications, one listing confirmation
	if n := f.count(t, "outbox") - before; n != 4 {
		t.Fatalf("%d outbox rows, want 4", n)
	}
	if _, err := f.qa.Suspend(f.reviewer, f.org, "Investigating"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.qa.Suspend(f.reviewer, f.org, "Again"); !errors.Is(err, directory.ErrConflict) {
		t.Fatalf("second suspension: %v, want conflict", err)
	}
	if n := f.count(t, "outbox") - before; n != 5 {
		t.Fatalf("%d outbox rows after suspending, want 5", n)
	}
}

func TestRenewalKeepsAssuranceUntilVerified(t *testing.T) {
	f := newFixture(t)
	insurance := start.AddDate(0, 0, 60).Truncate(24 * time.Hour)
	f.fill(t, qa.TierReferral, insurance)
	f.now = start.AddDate(0, 0, 40)
	f.wantStatus(t, qa.TierReferral, qa.StatusExpiring)
	it, _ := currentTemplate(t, f.qa).Item("public_liability_insurance")
	f.answer(t, f.editor, f.org, it, insurance.AddDate(1, 0, 0))
	rs, err := f.qa.Submit(f.editor, f.org)
	if err != nil {
		t.Fatal(err)
	}
	f.wantStatus(t, qa.TierReferral, qa.StatusExpiring) // the old certificate still counts
	if _, err := f.qa.Review(f.reviewer, rs[0].ID, true, "New certificate checked"); err != nil {
		t.Fatal(err)
	}
	f.wantStatus(t, qa.TierReferral, qa.StatusAssured)
}
