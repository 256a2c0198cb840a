package referral

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// Summary returns the message back to the referrer and GP, as it stands; it
// is complete once the referral has ended.
func (s *Store) Summary(ctx context.Context, id string) (Summary, error) {
	var out Summary
	err := s.withReferral(ctx, id, actionRead, "summary", func(tx *sqlx.Tx, _ state, _ act) error {
		r, err := loadReferral(ctx, tx, id)
		if err != nil {
			return err
		}
		conns, err := s.referralConnections(ctx, tx, id)
		if err != nil {
			return err
		}
		outcomes, err := loadOutcomeChanges(ctx, tx, id)
		if err != nil {
			return err
		}
		plan, _, err := loadPlan(ctx, tx, id, 0)
		out = summarise(r, conns, outcomes, plan)
		return err
	})
	return out, err
}
