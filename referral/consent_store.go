package referral

import (
	"cmp"
	"context"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// insertConsents records consent of each kind given (or not), taken by
// recordedBy at at.
func insertConsents(ctx context.Context, tx *sqlx.Tx, id string, kinds []string, given []bool, recordedBy string, at time.Time, a act) error {
	const q = `
INSERT INTO consents (referral_id, kind, given, recorded_by, recorded_by_id, given_at)
SELECT $1, k.kind, k.given, $4, NULLIF($5, '')::uuid, $6 FROM unnest($2::text[], $3::boolean[]) AS k (kind, given)`
	_, err := tx.ExecContext(ctx, q, id, pq.Array(kinds), pq.Array(given), recordedBy, a.by(), at)
	return err
}

// referralConsents records the consents a referral arrives with.
func referralConsents(ctx context.Context, tx *sqlx.Tx, id string, c ConsentInput, a act) error {
	return insertConsents(ctx, tx, id, ConsentKinds, []bool{c.Referral, c.ShareGP, c.ShareServices}, c.RecordedBy,
		c.at, a)
}

// RecordConsent records a consent given or withdrawn now, taken by the
// acting user unless the change names who took it. The latest of each kind
// is what holds: withdrawing consent to share hides the person from the
// services they were connected to.
func (s *Store) RecordConsent(ctx context.Context, id string, in ConsentChange) (Referral, error) {
	var out Referral
	err := s.withReferral(ctx, id, actionChange, "consent", func(tx *sqlx.Tx, _ state, a act) error {
		if err := in.Validate(); err != nil {
			return err
		}
		by := cmp.Or(in.RecordedBy, a.user.Name, a.user.Email)
		if err := insertConsents(ctx, tx, id, []string{in.Kind}, []bool{in.Given}, by, a.at, a); err != nil {
			return err
		}
		var err error
		out, err = loadReferral(ctx, tx, id)
		return err
	})
	return out, err
}
