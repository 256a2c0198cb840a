package referral

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// RecordOutcome records (or corrects) the measure taken at stage, once the
// referral has been accepted; follow-ups are often taken at closure.
func (s *Store) RecordOutcome(ctx context.Context, id, measure, stage string, in OutcomeInput) (Outcome, error) {
	var out Outcome
	err := s.withReferral(ctx, id, actionChange, "outcome", func(tx *sqlx.Tx, st state, a act) error {
		if err := in.Validate(measure, stage, s.now()); err != nil {
			return err
		}
		if !st.Status.Open() && st.Status != StatusClosed {
			return refuse(ReasonNotOpen)
		}
		if err := saveOutcome(ctx, tx, id, measure, stage, in, a); err != nil {
			return err
		}
		all, err := loadOutcomes(ctx, tx, id)
		for _, o := range all {
			if o.Measure == measure && o.Stage == stage {
				out = o
			}
		}
		return err
	})
	return out, err
}

func saveOutcome(ctx context.Context, tx *sqlx.Tx, id, measure, stage string, in OutcomeInput, a act) error {
	const q = `
INSERT INTO outcomes (referral_id, measure, stage, items, score, taken_on, recorded_by, recorded_at)
VALUES ($1, $2, $3, $4, $5, $6, NULLIF($7, '')::uuid, $8)
ON CONFLICT (referral_id, measure, stage) DO UPDATE SET items = EXCLUDED.items, score = EXCLUDED.score,
    taken_on = EXCLUDED.taken_on, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`
	answers := in.answers(measure)
	_, err := tx.ExecContext(ctx, q, id, measure, stage, pq.Array(answers), score(measure, answers), in.TakenOn,
		a.by(), a.at)
	return err
}

func loadOutcomes(ctx context.Context, tx *sqlx.Tx, id string) ([]Outcome, error) {
	const q = `
SELECT measure, stage, items, score, to_char(taken_on, 'YYYY-MM-DD') AS taken_on, recorded_at
FROM outcomes WHERE referral_id = $1 ORDER BY measure, stage`
	var rows []struct {
		Measure    string        `db:"measure"`
		Stage      string        `db:"stage"`
		Items      pq.Int64Array `db:"items"`
		Score      *int          `db:"score"`
		TakenOn    string        `db:"taken_on"`
		RecordedAt time.Time     `db:"recorded_at"`
	}
	if err := tx.SelectContext(ctx, &rows, q, id); err != nil {
		return nil, err
	}
	out := make([]Outcome, len(rows))
	for i, r := range rows {
		items := map[string]int{}
		for j, name := range scales[r.Measure].items {
			items[name] = int(r.Items[j])
		}
		out[i] = Outcome{Measure: r.Measure, Stage: r.Stage, Items: items, Score: r.Score, TakenOn: r.TakenOn,
			RecordedAt: london(r.RecordedAt)}
	}
	return out, nil
}

func loadOutcomeChanges(ctx context.Context, tx *sqlx.Tx, id string) ([]OutcomeChange, error) {
	all, err := loadOutcomes(ctx, tx, id)
	return changes(all), err
}

// Outcomes returns the person's wellbeing measures and how they changed.
func (s *Store) Outcomes(ctx context.Context, id string) ([]OutcomeChange, error) {
	var out []OutcomeChange
	err := s.withReferral(ctx, id, actionRead, "outcomes", func(tx *sqlx.Tx, _ state, _ act) error {
		var err error
		out, err = loadOutcomeChanges(ctx, tx, id)
		return err
	})
	return nonNil(out), err
}
