package referral

import (
	"slices"
	"time"

	"kith/directory"
)

// Wellbeing measures of the Common Outcomes Framework.
const (
	MeasureONS4    = "ons4"    // ONS personal wellbeing: four questions answered 0–10
	MeasureSWEMWBS = "swemwbs" // Short Warwick-Edinburgh Mental Wellbeing Scale: seven, 1–5
)

// Stages at which a measure is taken.
var Stages = []string{"baseline", "follow_up"}

// scale is one measure's items, in the order they are asked and stored, and
// the range every answer must be in.
type scale struct {
	items  []string
	lo, hi int
}

// scales defines each measure. ONS4's anxious item runs the other way from
// the rest: a fall in it is an improvement.
var scales = map[string]scale{
	MeasureONS4: {items: []string{"life_satisfaction", "worthwhile", "happy", "anxious"}, lo: 0, hi: 10},
	MeasureSWEMWBS: {items: []string{"optimistic", "useful", "relaxed", "dealing_with_problems", "thinking_clearly",
		"close_to_others", "own_mind"}, lo: 1, hi: 5},
}

// OutcomeInput is one completed questionnaire: an answer for every item,
// by name, and the day it was taken (today by default).
type OutcomeInput struct {
	TakenOn string         `json:"taken_on"`
	Items   map[string]int `json:"items"`
}

// Validate checks every item of measure is answered within its range, and
// nothing else is, as of now.
func (in *OutcomeInput) Validate(measure, stage string, now time.Time) error {
	p := directory.Problems{}
	sc, known := scales[measure]
	if !known {
		p.Add("measure", "must be ons4 or swemwbs")
	}
	p.OneOf("stage", stage, Stages)
	for _, item := range sc.items {
		v, ok := in.Items[item]
		switch {
		case !ok:
			p.Add("items."+item, "is required")
		case v < sc.lo || v > sc.hi:
			p.Add("items."+item, "must be from %d to %d", sc.lo, sc.hi)
		}
	}
	for item := range in.Items {
		if known && !slices.Contains(sc.items, item) {
			p.Add("items."+item, "is not an item of %s", measure)
		}
	}
	if in.TakenOn == "" {
		in.TakenOn = today(now).Format(time.DateOnly)
	} else if d, ok := parseDate(p, "taken_on", in.TakenOn); ok && d.After(today(now)) {
		p.Add("taken_on", "must not be in the future")
	}
	return p.Err()
}

// answers are the items in stored order.
func (in OutcomeInput) answers(measure string) []int64 {
	sc := scales[measure]
	out := make([]int64, len(sc.items))
	for i, item := range sc.items {
		out[i] = int64(in.Items[item])
	}
	return out
}

// score is SWEMWBS's raw total (7–35); ONS4 is read item by item and has
// none.
func score(measure string, answers []int64) *int {
	if measure != MeasureSWEMWBS {
		return nil
	}
	total := 0
	for _, a := range answers {
		total += int(a)
	}
	return &total
}

// Outcome is one recorded questionnaire.
type Outcome struct {
	Measure    string         `json:"measure"`
	Stage      string         `json:"stage"`
	Items      map[string]int `json:"items"`
	Score      *int           `json:"score,omitempty"`
	TakenOn    string         `json:"taken_on"`
	RecordedAt time.Time      `json:"recorded_at"`
}

// OutcomeChange is a measure at baseline and follow-up and the change
// between them (follow-up minus baseline) once both are taken.
type OutcomeChange struct {
	Measure     string         `json:"measure"`
	Baseline    *Outcome       `json:"baseline"`
	FollowUp    *Outcome       `json:"follow_up"`
	Change      map[string]int `json:"change,omitempty"`
	ScoreChange *int           `json:"score_change,omitempty"`
}

// changes pairs each measure's baseline and follow-up, ONS4 first.
func changes(outcomes []Outcome) []OutcomeChange {
	var out []OutcomeChange
	for _, m := range []string{MeasureONS4, MeasureSWEMWBS} {
		c := OutcomeChange{Measure: m}
		for i := range outcomes {
			switch o := &outcomes[i]; {
			case o.Measure == m && o.Stage == "baseline":
				c.Baseline = o
			case o.Measure == m && o.Stage == "follow_up":
				c.FollowUp = o
			}
		}
		if c.Baseline != nil || c.FollowUp != nil {
			out = append(out, c.withChange())
		}
	}
	return nonNil(out)
}

func (c OutcomeChange) withChange() OutcomeChange {
	if c.Baseline == nil || c.FollowUp == nil {
		return c
	}
	c.Change = map[string]int{}
	for item, v := range c.FollowUp.Items {
		c.Change[item] = v - c.Baseline.Items[item]
	}
	if c.Baseline.Score != nil && c.FollowUp.Score != nil {
		d := *c.FollowUp.Score - *c.Baseline.Score
		c.ScoreChange = &d
	}
	return c
}
