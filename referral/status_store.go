package referral

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// Move changes a referral's status if the workflow allows it, recording the
// SNOMED CT code the new status carries. A refused move changes nothing.
func (s *Store) Move(ctx context.Context, id string, m Move) (Referral, error) {
	var out Referral
	err := s.withReferral(ctx, id, actionChange, "status", func(tx *sqlx.Tx, st state, a act) error {
		if err := m.Validate(); err != nil {
			return err
		}
		if err := move(ctx, tx, st, m, a); err != nil {
			return err
		}
		var err error
		out, err = loadReferral(ctx, tx, id)
		return err
	})
	return out, err
}

// move applies m to the referral st in tx, or refuses it.
func move(ctx context.Context, tx *sqlx.Tx, st state, m Move, a act) error {
	if !st.Status.CanMove(m.Status) {
		return cannotMove("referral", st.Status, m.Status)
	}
	const q = `
UPDATE referrals SET status = $2, status_reason = $3, redirected_to = $4, status_at = $5,
    first_contact_at = CASE WHEN $2 = 'first_contact' THEN COALESCE(first_contact_at, $5) ELSE first_contact_at END
WHERE id = $1`
	if _, err := tx.ExecContext(ctx, q, st.ID, m.Status, m.Reason, m.RedirectedTo, a.at); err != nil {
		return err
	}
	return insertEvent(ctx, tx, st.ID, st.Status, m, a)
}

func insertEvent(ctx context.Context, tx *sqlx.Tx, id string, from Status, m Move, a act) error {
	const q = `
INSERT INTO referral_events (referral_id, from_status, to_status, reason, note, snomed_code, actor_id, at)
VALUES ($1, $2, $3, $4, $5, $6, NULLIF($7, '')::uuid, $8)`
	_, err := tx.ExecContext(ctx, q, id, from, m.Status, m.Reason, m.Note, snomedFor[m.Status], a.by(), a.at)
	return err
}
