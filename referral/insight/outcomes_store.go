package insight

import (
	"context"

	"kith/postgres"
)

func (s *Store) outcomes(ctx context.Context, f filter) (Table, error) {
	const q = `
WITH pairs AS (
    SELECT o.measure, o.baseline_items, o.follow_up_items, o.baseline_score, o.follow_up_score
    FROM outcome_changes o JOIN referral_facts f ON f.referral_id = o.referral_id
    WHERE o.follow_up_on >= ` + firstDay + ` AND o.follow_up_on < ` + dayAfter + ` AND ` + inScope + `),
changes AS (
    SELECT measure, i AS item, baseline_items[i] AS before, follow_up_items[i] AS after
    FROM pairs, generate_subscripts(baseline_items, 1) i WHERE measure = 'ons4'
    UNION ALL
    SELECT measure, 0, baseline_score, follow_up_score FROM pairs WHERE measure = 'swemwbs')
SELECT measure, item, count(*) AS n, avg(before) AS baseline, avg(after) AS follow_up,
       avg(after - before) AS mean_change, stddev_samp(after - before) AS sd
FROM changes GROUP BY measure, item`
	var rows []change
	if err := s.db.SelectContext(ctx, &rows, q, f.args()...); err != nil {
		return Table{}, postgres.MapError(err)
	}
	return outcomeTable(rows), nil
}

func outcomeTable(rows []change) Table {
	out := Table{Dims: []string{"measure", "item"},
		Columns: []Column{{"people", "People with baseline and follow-up"}, {"baseline_mean", "Mean at baseline"},
			{"follow_up_mean", "Mean at follow-up"}, {"mean_change", "Mean change (follow-up minus baseline)"},
			{"ci95_low", "95% confidence interval, lower"}, {"ci95_high", "95% confidence interval, upper"}},
		Caveats: []string{"People whose follow-up was taken in the period. ONS4 items are 0-10; a rise is better " +
			"except for anxious, where a fall is better. SWEMWBS is the raw total (7-35) of its seven items.",
			"The interval is mean change ± t(0.975, n-1) × SD / √n."}}
	for _, it := range outcomeItems {
		c := change{}
		for _, r := range rows {
			if r.Measure == it.measure && r.Item == it.item {
				c = r
			}
		}
		lo, hi := c.interval()
		out.Rows = append(out.Rows, Row{Dims: []string{it.measure, it.name}, Figures: []Figure{single(c.N),
			statistic(c.Baseline, 2, c.N), statistic(c.FollowUp, 2, c.N), statistic(c.Mean, 2, c.N),
			statistic(lo, 2, c.N), statistic(hi, 2, c.N)}})
	}
	return out
}
