package referral

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jmoiron/sqlx"

	"kith/directory"
)

const unmetSelect = `
SELECT n.id, t.code AS need, t.name AS need_name, n.lsoa, n.lad, COALESCE(n.imd_decile, 0) AS imd_decile,
       n.notes, COALESCE(u.name, '') AS recorded_by, n.recorded_at
FROM unmet_needs n JOIN taxonomy_terms t ON t.id = n.term_id LEFT JOIN users u ON u.id = n.recorded_by`

// RecordUnmetNeed notes that nothing suitable was found for a need, in the
// area (LSOA) of the person's postcode.
func (s *Store) RecordUnmetNeed(ctx context.Context, id string, in UnmetNeedInput) (UnmetNeed, error) {
	var out UnmetNeed
	err := s.withReferral(ctx, id, actionChange, "unmet_need", func(tx *sqlx.Tx, st state, a act) error {
		if err := in.Validate(); err != nil {
			return err
		}
		if !st.Status.Open() {
			return refuse(ReasonNotOpen)
		}
		nid, err := recordUnmetNeed(ctx, tx, st, in, a)
		if err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &out, unmetSelect+` WHERE n.id = $1`, nid); err != nil {
			return err
		}
		out.RecordedAt = london(out.RecordedAt)
		return nil
	})
	return out, err
}

func recordUnmetNeed(ctx context.Context, tx *sqlx.Tx, st state, in UnmetNeedInput, a act) (string, error) {
	const q = `
INSERT INTO unmet_needs (referral_id, team_id, term_id, lsoa, lad, imd_decile, notes, recorded_by, recorded_at)
SELECT $1, $2, t.id, $4, $5, NULLIF($6, 0), $7, NULLIF($8, '')::uuid, $9 FROM taxonomy_terms t WHERE t.code = $3
RETURNING id`
	var nid string
	err := tx.GetContext(ctx, &nid, q, st.ID, st.TeamID, in.Need, st.LSOA, st.LAD, st.IMDDecile, in.Notes, a.by(), a.at)
	if errors.Is(err, sql.ErrNoRows) {
		return "", directory.Problems{"need": "is not a need in the taxonomy"}
	}
	return nid, err
}

// UnmetNeeds lists the unmet needs recorded for a referral, newest first.
func (s *Store) UnmetNeeds(ctx context.Context, id string) ([]UnmetNeed, error) {
	var out []UnmetNeed
	err := s.withReferral(ctx, id, actionRead, "unmet_needs", func(tx *sqlx.Tx, _ state, _ act) error {
		return tx.SelectContext(ctx, &out, unmetSelect+` WHERE n.referral_id = $1 ORDER BY n.recorded_at DESC`, id)
	})
	for i := range out {
		out[i].RecordedAt = london(out[i].RecordedAt)
	}
	return nonNil(out), err
}
