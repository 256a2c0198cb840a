package referral

import (
	"context"
	"encoding/json"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"kith/directory"
	"kith/postgres"
)

// SaveWhatMatters records the "what matters to me" conversation; the latest
// record is the one shown.
func (s *Store) SaveWhatMatters(ctx context.Context, id string, in WhatMattersInput) (WhatMatters, error) {
	var out WhatMatters
	err := s.withReferral(ctx, id, actionChange, "what_matters", func(tx *sqlx.Tx, st state, a act) error {
		if err := in.Validate(); err != nil {
			return err
		}
		if !st.Status.Open() {
			return refuse(ReasonNotOpen)
		}
		if err := saveWhatMatters(ctx, tx, id, in, a); err != nil {
			return err
		}
		w, err := loadWhatMatters(ctx, tx, id)
		if err == nil {
			out = *w
		}
		return err
	})
	return out, err
}

func saveWhatMatters(ctx context.Context, tx *sqlx.Tx, id string, in WhatMattersInput, a act) error {
	const q = `INSERT INTO what_matters (referral_id, themes, notes, recorded_by, recorded_at)
VALUES ($1, $2, $3, NULLIF($4, '')::uuid, $5)`
	_, err := tx.ExecContext(ctx, q, id, pq.Array(in.Themes), in.Notes, a.by(), a.at)
	return err
}

// loadWhatMatters returns the latest record, or nil before the conversation.
func loadWhatMatters(ctx context.Context, tx *sqlx.Tx, id string) (*WhatMatters, error) {
	const q = `
SELECT w.themes, w.notes, COALESCE(u.name, '') AS recorded_by, w.recorded_at
FROM what_matters w LEFT JOIN users u ON u.id = w.recorded_by
WHERE w.referral_id = $1 ORDER BY w.id DESC LIMIT 1`
	var rows []struct {
		Themes pq.StringArray `db:"themes"`
		WhatMatters
	}
	if err := tx.SelectContext(ctx, &rows, q, id); err != nil || len(rows) == 0 {
		return nil, err
	}
	w := rows[0].WhatMatters
	w.Themes, w.RecordedAt = rows[0].Themes, london(w.RecordedAt)
	return &w, nil
}

// SavePlan saves the plan as its next version; earlier versions stay as
// they were.
func (s *Store) SavePlan(ctx context.Context, id string, in PlanInput) (Plan, error) {
	var out Plan
	err := s.withReferral(ctx, id, actionChange, "plan", func(tx *sqlx.Tx, st state, a act) error {
		if err := in.Validate(s.now()); err != nil {
			return err
		}
		if !st.Status.Open() {
			return refuse(ReasonNotOpen)
		}
		if err := savePlan(ctx, tx, id, in, a); err != nil {
			return err
		}
		p, _, err := loadPlan(ctx, tx, id, 0)
		if err == nil {
			out = *p
		}
		return err
	})
	return out, err
}

// savePlan writes the next version; the caller holds the referral's lock,
// so two saves cannot take the same number.
func savePlan(ctx context.Context, tx *sqlx.Tx, id string, in PlanInput, a act) error {
	const q = `
INSERT INTO care_plans (referral_id, version, goals, actions, review_on, created_by, created_at)
SELECT $1, COALESCE(max(version), 0) + 1, $2, $3, $4, NULLIF($5, '')::uuid, $6
FROM care_plans WHERE referral_id = $1`
	goals, _ := json.Marshal(in.Goals)
	actions, _ := json.Marshal(nonNil(in.Actions))
	_, err := tx.ExecContext(ctx, q, id, goals, actions, in.ReviewOn, a.by(), a.at)
	return err
}

// planSelect reads the versions of referral $1's plan, each with how many
// versions there are.
const planSelect = `
SELECT p.version, p.goals, p.actions, to_char(p.review_on, 'YYYY-MM-DD') AS review_on,
       COALESCE(u.name, '') AS created_by, p.created_at,
       (SELECT count(*) FROM care_plans WHERE referral_id = $1) AS versions
FROM care_plans p LEFT JOIN users u ON u.id = p.created_by
WHERE p.referral_id = $1`

type planRow struct {
	Plan
	GoalsCol   postgres.JSON[[]string] `db:"goals"`
	ActionsCol postgres.JSON[[]Action] `db:"actions"`
	Versions   int                     `db:"versions"`
}

func (r planRow) plan() Plan {
	p := r.Plan
	p.Goals, p.Actions, p.CreatedAt = nonNil(r.GoalsCol.V), nonNil(r.ActionsCol.V), london(p.CreatedAt)
	return p
}

// loadPlan returns version (0 for the latest) and how many versions there
// are; nil when there is no plan yet. Asking for a version that does not
// exist is ErrNotFound.
func loadPlan(ctx context.Context, tx *sqlx.Tx, id string, version int) (*Plan, int, error) {
	const q = planSelect + ` AND ($2 = 0 OR p.version = $2) ORDER BY p.version DESC LIMIT 1`
	var rows []planRow
	if err := tx.SelectContext(ctx, &rows, q, id, version); err != nil {
		return nil, 0, err
	}
	if len(rows) == 0 && version > 0 {
		return nil, 0, directory.ErrNotFound
	}
	if len(rows) == 0 {
		return nil, 0, nil
	}
	p := rows[0].plan()
	return &p, rows[0].Versions, nil
}

// PlanHistory lists every version of the plan, newest first; none before
// the first is saved.
func (s *Store) PlanHistory(ctx context.Context, id string) ([]Plan, error) {
	const q = planSelect + ` ORDER BY p.version DESC`
	var rows []planRow
	err := s.withReferral(ctx, id, actionRead, "plan_history", func(tx *sqlx.Tx, _ state, _ act) error {
		return tx.SelectContext(ctx, &rows, q, id)
	})
	if err != nil {
		return nil, err
	}
	out := make([]Plan, len(rows))
	for i, r := range rows {
		out[i] = r.plan()
	}
	return out, nil
}

// Plan returns the plan view with version of the plan (0 for the latest).
func (s *Store) Plan(ctx context.Context, id string, version int) (PlanView, error) {
	v := PlanView{ReferralID: id}
	err := s.withReferral(ctx, id, actionRead, "plan", func(tx *sqlx.Tx, _ state, _ act) error {
		const q = `
SELECT p.name AS person_name, COALESCE(w.name, '') AS link_worker, t.name AS team_name
FROM referrals r JOIN people p ON p.id = r.person_id JOIN teams t ON t.id = r.team_id
LEFT JOIN users w ON w.id = r.link_worker_id WHERE r.id = $1`
		if err := tx.GetContext(ctx, &v, q, id); err != nil {
			return err
		}
		var err error
		if v.Plan, v.Versions, err = loadPlan(ctx, tx, id, version); err != nil {
			return err
		}
		if v.WhatMatters, err = loadWhatMatters(ctx, tx, id); err != nil {
			return err
		}
		if v.Connections, err = s.referralConnections(ctx, tx, id); err != nil {
			return err
		}
		v.Outcomes, err = loadOutcomeChanges(ctx, tx, id)
		return err
	})
	return v, err
}
