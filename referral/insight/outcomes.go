package insight

import "math"

// outcomeItem is one figure of a wellbeing measure, as outcomes store it:
// item is the position in the answers (from 1), or 0 for the total score.
type outcomeItem struct {
	measure string
	item    int
	name    string
}

// outcomeItems are the rows of the outcomes report: ONS4 question by
// question, in the order referral stores the answers, and SWEMWBS by its
// total score, which is how the scale is meant to be read.
var outcomeItems = []outcomeItem{
	{"ons4", 1, "life_satisfaction"}, {"ons4", 2, "worthwhile"}, {"ons4", 3, "happy"}, {"ons4", 4, "anxious"},
	{"swemwbs", 0, "score"},
}

// change is the mean change of one item over n people, with the spread
// of the changes.
type change struct {
	Measure  string   `db:"measure"`
	Item     int      `db:"item"`
	N        int      `db:"n"`
	Baseline *float64 `db:"baseline"`
	FollowUp *float64 `db:"follow_up"`
	Mean     *float64 `db:"mean_change"`
	SD       *float64 `db:"sd"`
}

// interval is the 95% confidence interval of the mean change, by
// Student's t; nil without a spread to work from.
func (c change) interval() (lo, hi *float64) {
	if c.Mean == nil || c.SD == nil || c.N < 2 {
		return nil, nil
	}
	half := t975(c.N-1) * *c.SD / math.Sqrt(float64(c.N))
	l, h := *c.Mean-half, *c.Mean+half
	return &l, &h
}

// t975 is the 97.5th percentile of Student's t with df degrees of freedom,
// by the Cornish-Fisher expansion about the normal (Abramowitz & Stegun
// 26.7.5). It is within 0.001 of the tables from df = 4, the fewest a
// published interval rests on (five people).
func t975(df int) float64 {
	const z = 1.959963984540054
	z3, z5, z7, z9 := math.Pow(z, 3), math.Pow(z, 5), math.Pow(z, 7), math.Pow(z, 9)
	g := []float64{
		(z3 + z) / 4,
		(5*z5 + 16*z3 + 3*z) / 96,
		(3*z7 + 19*z5 + 17*z3 - 15*z) / 384,
		(79*z9 + 776*z7 + 1482*z5 - 1920*z3 - 945*z) / 92160,
	}
	t, v := z, float64(df)
	for k, gk := range g {
		t += gk / math.Pow(v, float64(k+1))
	}
	return t
}
