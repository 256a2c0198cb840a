package qa

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"

	"kith/directory"
)

// SeedDemo gives the demo organisations a spread of every status as of now
// (see demoPlan), with realistic answers and small PDF evidence; admins only.
// Organisations that already have any QA history are left alone, so running
// it again adds nothing.
func (s *Store) SeedDemo(ctx context.Context, orgIDs []string, now time.Time) error {
	if u := directory.UserFrom(ctx); !u.Is(directory.RoleAdmin) {
		return denied(u)
	}
	tpl, err := currentTemplate(ctx, s.db)
	if err != nil {
		return err
	}
	for n, org := range orgIDs {
		plan := demoPlan[n%len(demoPlan)]
		if plan == StatusNotStarted {
			continue
		}
		err := s.db.Tx(ctx, func(tx *sqlx.Tx) error { return s.seedOrganisation(ctx, tx, tpl, org, n, plan, now) })
		if err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) seedOrganisation(ctx context.Context, tx *sqlx.Tx, tpl Template, org string, n int, plan Status, now time.Time) error {
	if err := lockOrganisation(ctx, tx, org); err != nil {
		return err
	}
	const seeded = `
SELECT EXISTS (SELECT 1 FROM qa_assessments WHERE organisation_id = $1)
    OR EXISTS (SELECT 1 FROM qa_listing_confirmations WHERE organisation_id = $1)`
	var done bool
	if err := tx.GetContext(ctx, &done, seeded, org); err != nil || done {
		return err
	}
	const pin = `
WITH a AS (INSERT INTO qa_assessments (organisation_id, template_id, started_at) VALUES ($1, $2, $3))
INSERT INTO qa_listing_confirmations (organisation_id, confirmed_at) VALUES ($1, $4)`
	if _, err := tx.ExecContext(ctx, pin, org, tpl.ID, now.AddDate(0, 0, -90), now.AddDate(0, 0, -10-n%30)); err != nil {
		return err
	}
	tier := TierReferral
	if n%3 == 0 {
		tier = TierChildren
	}
	for i, it := range tpl.Items {
		if it.RequiredAt(tier) && !it.Needs(NeedsListing) {
			if err := seedAnswer(ctx, tx, tpl.ID, org, it, demoVariant(it.demo(n, plan, now), plan, i)); err != nil {
				return err
			}
		}
	}
	if plan == StatusSuspended {
		const q = `INSERT INTO qa_suspensions (organisation_id, reason, suspended_at) VALUES ($1, $2, $3)`
		reason := "Safeguarding concern reported by a link worker; under review with the local authority."
		if _, err := tx.ExecContext(ctx, q, org, reason, now.AddDate(0, 0, -3)); err != nil {
			return err
		}
	}
	return enqueue(ctx, tx, org)
}

// demoVariant leaves an in-progress organisation's items part verified, part
// waiting for review and part rejected.
func demoVariant(a demoAnswer, plan Status, i int) demoAnswer {
	if plan != StatusInProgress || i%3 == 2 {
		return a
	}
	a.expires = nil
	if i%3 == 0 {
		a.state, a.reviewed = StateSubmitted, time.Time{}
		return a
	}
	a.state = StateRejected
	return a
}

func seedAnswer(ctx context.Context, tx *sqlx.Tx, tplID, org string, it Item, a demoAnswer) error {
	const q = `
INSERT INTO qa_responses (organisation_id, template_id, item_key, state, reference, evidence_date,
                          attestation, attested_by, created_at, submitted_at, reviewed_at, review_note, expires_at)
VALUES ($1, $2, $3, $4, $5, NULLIF($6, '')::date, $7, $8, $9, $9, $10, $11, $12)
RETURNING id`
	var attest *bool
	if it.Needs(NeedsAttestation) {
		yes := true
		attest = &yes
	}
	reviewed, note := &a.reviewed, ""
	switch a.state {
	case StateSubmitted:
		reviewed = nil
	case StateRejected:
		note = "The document uploaded is last year's version; please upload the current one."
	}
	var id string
	err := tx.GetContext(ctx, &id, q, org, tplID, it.Key, a.state, a.reference, a.date, attest,
		a.attestedBy, a.submitted, reviewed, note, a.expires)
	if err != nil || !it.Needs(NeedsDocument) {
		return err
	}
	const doc = `
INSERT INTO qa_evidence (response_id, filename, content_type, size, sha256, data, uploaded_at)
VALUES ($1, $2, $3, length($4::bytea), sha256($4::bytea), $4, $5)`
	pdf := demoPDF(it.Title)
	_, err = tx.ExecContext(ctx, doc, id, it.Key+".pdf", TypePDF, pdf, a.submitted)
	return err
}
