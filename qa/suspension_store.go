package qa

import (
	"context"
	"strings"

	"github.com/jmoiron/sqlx"

	"kith/directory"
)

// Suspend stops organisation org being assured at any tier until lifted,
// whatever its evidence; reviewers and admins only, with a reason.
func (s *Store) Suspend(ctx context.Context, org, reason string) (Assurance, error) {
	const q = `
INSERT INTO qa_suspensions (organisation_id, reason, suspended_by, suspended_at)
SELECT $1, $2, NULLIF($3, '')::uuid, $4
WHERE NOT EXISTS (SELECT 1 FROM qa_suspensions WHERE organisation_id = $1 AND lifted_at IS NULL)`
	return s.changeSuspension(ctx, org, reason, "suspended", q, "this organisation is already suspended")
}

// Unsuspend lifts organisation org's suspension, with a reason.
func (s *Store) Unsuspend(ctx context.Context, org, reason string) (Assurance, error) {
	const q = `
UPDATE qa_suspensions SET lift_reason = $2, lifted_by = NULLIF($3, '')::uuid, lifted_at = $4
WHERE organisation_id = $1 AND lifted_at IS NULL`
	return s.changeSuspension(ctx, org, reason, "unsuspended", q, "this organisation is not suspended")
}

// changeSuspension runs q, which must change one row or none, and records the
// change; none means the organisation was not in the state the action needs.
func (s *Store) changeSuspension(ctx context.Context, org, reason, action, q, conflict string) (Assurance, error) {
	u, err := reviewer(ctx)
	if err != nil {
		return Assurance{}, err
	}
	reason = strings.TrimSpace(reason)
	p := directory.Problems{}
	p.Text("reason", reason, true, 2000)
	if err := p.Err(); err != nil {
		return Assurance{}, err
	}
	err = s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		if err := lockOrganisation(ctx, tx, org); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, q, org, reason, u.ID, s.now().UTC())
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		if n == 0 {
			return directory.Errorf(directory.ErrConflict, "%s", conflict)
		}
		return s.recordChange(ctx, tx, event{org: org, action: action, note: reason})
	})
	if err != nil {
		return Assurance{}, err
	}
	return s.status(ctx, s.db, org)
}

// ConfirmListing records that organisation org's editor has checked its
// listings are accurate. It keeps the listing fresh and meets listing items.
func (s *Store) ConfirmListing(ctx context.Context, org string) (Assurance, error) {
	if _, err := editor(ctx, org); err != nil {
		return Assurance{}, err
	}
	err := s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		if err := lockOrganisation(ctx, tx, org); err != nil {
			return err
		}
		const q = `
INSERT INTO qa_listing_confirmations (organisation_id, confirmed_by, confirmed_at)
VALUES ($1, NULLIF($2, '')::uuid, $3)`
		if _, err := tx.ExecContext(ctx, q, org, actorID(ctx), s.now().UTC()); err != nil {
			return err
		}
		return s.recordChange(ctx, tx, event{org: org, action: "listing_confirmed"})
	})
	if err != nil {
		return Assurance{}, err
	}
	return s.status(ctx, s.db, org)
}
