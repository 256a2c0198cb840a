package referral

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
)

// SelfRefer records a self-referral for triage, from anyone, signed in or
// not. It goes to the team covering the person's local authority, else to a
// team that covers no particular area, else to the oldest team.
func (s *Store) SelfRefer(ctx context.Context, in SelfReferralInput) (Receipt, error) {
	a := s.actNow(ctx)
	if err := in.Validate(a.at); err != nil {
		return Receipt{}, err
	}
	ref := in.referral()
	if err := ref.Validate(a.at); err != nil {
		return Receipt{}, err
	}
	_, lad, _ := area(ref.Person.Postcode)
	var rec Receipt
	err := s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		var team struct {
			ID   string `db:"id"`
			Name string `db:"name"`
		}
		const q = `SELECT id, name FROM teams ORDER BY area_code = $1 DESC, area_code = '' DESC, created_at, id LIMIT 1`
		err := tx.GetContext(ctx, &team, q, lad)
		if errors.Is(err, sql.ErrNoRows) {
			return refuse(ReasonNoTeam)
		}
		if err != nil {
			return err
		}
		id := uuid.NewString()
		if err := createReferral(ctx, tx, id, ref, team.ID, "", a); err != nil {
			return err
		}
		rec = Receipt{Reference: strings.ToUpper(id[:8]), Team: team.Name,
			Message: "Thank you. A link worker from " + team.Name + " will contact you; quote your reference if you call."}
		return audit(ctx, tx, a, actionCreate, "self_referral", id)
	})
	return rec, err
}
