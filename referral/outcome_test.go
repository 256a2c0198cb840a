package referral_test

import (
	"testing"

	"kith/directory"
	"kith/referral"
)

func ons4(life, worthwhile, happy, anxious int) referral.OutcomeInput {
	return referral.OutcomeInput{TakenOn: "2026-03-01", Items: map[string]int{
		"life_satisfaction": life, "worthwhile": worthwhile, "happy": happy, "anxious": anxious}}
}

func swemwbs(v ...int) referral.OutcomeInput {
	names := []string{"optimistic", "useful", "relaxed", "dealing_with_problems", "thinking_clearly",
		"close_to_others", "own_mind"}
	in := referral.OutcomeInput{TakenOn: "2026-03-01", Items: map[string]int{}}
	for i, n := range v {
		in.Items[names[i]] = n
	}
	return in
}

func TestOutcomeItemRanges(t *testing.T) {
	tests := []struct {
		name    string
		measure string
		in      referral.OutcomeInput
		problem string // empty: valid
	}{
		{"ONS4 lowest", referral.MeasureONS4, ons4(0, 0, 0, 0), ""},
		{"ONS4 highest", referral.MeasureONS4, ons4(10, 10, 10, 10), ""},
		{"ONS4 below range", referral.MeasureONS4, ons4(-1, 5, 5, 5), "items.life_satisfaction"},
		{"ONS4 above range", referral.MeasureONS4, ons4(5, 11, 5, 5), "items.worthwhile"},
		{"ONS4 anxious above range", referral.MeasureONS4, ons4(5, 5, 5, 11), "items.anxious"},
		{"ONS4 item missing", referral.MeasureONS4, referral.OutcomeInput{Items: map[string]int{"happy": 5}}, "items.anxious"},
		{"ONS4 unknown item", referral.MeasureONS4, func() referral.OutcomeInput {
			in := ons4(5, 5, 5, 5)
			in.Items["optimistic"] = 3
			return in
		}(), "items.optimistic"},
		{"SWEMWBS lowest", referral.MeasureSWEMWBS, swemwbs(1, 1, 1, 1, 1, 1, 1), ""},
		{"SWEMWBS highest", referral.MeasureSWEMWBS, swemwbs(5, 5, 5, 5, 5, 5, 5), ""},
		{"SWEMWBS zero", referral.MeasureSWEMWBS, swemwbs(0, 3, 3, 3, 3, 3, 3), "items.optimistic"},
		{"SWEMWBS six", referral.MeasureSWEMWBS, swemwbs(3, 3, 3, 3, 3, 3, 6), "items.own_mind"},
		{"SWEMWBS six items", referral.MeasureSWEMWBS, swemwbs(3, 3, 3, 3, 3, 3), "items.own_mind"},
		{"unknown measure", "phq9", ons4(5, 5, 5, 5), "measure"},
		{"future date", referral.MeasureONS4, func() referral.OutcomeInput {
			in := ons4(5, 5, 5, 5)
			in.TakenOn = "2026-03-03"
			return in
		}(), "taken_on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.in.Validate(tt.measure, "baseline", start)
			if tt.problem == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want valid", err)
				}
				return
			}
			if p, _ := err.(directory.Problems); p[tt.problem] == "" {
				t.Fatalf("Validate() = %v, want a problem with %s", err, tt.problem)
			}
		})
	}
}

func TestOutcomeChangePerPerson(t *testing.T) {
	f := newFixture(t)
	id := f.accepted(t).ID
	record := func(measure, stage string, in referral.OutcomeInput) referral.Outcome {
		t.Helper()
		o, err := f.ref.RecordOutcome(f.worker, id, measure, stage, in)
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	if o := record(referral.MeasureSWEMWBS, "baseline", swemwbs(2, 3, 2, 3, 3, 2, 4)); o.Score == nil || *o.Score != 19 {
		t.Fatalf("baseline score %v, want 19", o.Score)
	}
	record(referral.MeasureSWEMWBS, "follow_up", swemwbs(4, 4, 3, 4, 3, 3, 4))
	record(referral.MeasureONS4, "baseline", ons4(4, 5, 4, 7))
	if o := record(referral.MeasureONS4, "follow_up", ons4(7, 7, 6, 3)); o.Score != nil {
		t.Fatalf("ONS4 has a total score %d; it is read item by item", *o.Score)
	}
	changes, err := f.ref.Outcomes(f.worker, id)
	if err != nil || len(changes) != 2 {
		t.Fatalf("outcomes: %v %v", changes, err)
	}
	ons, swem := changes[0], changes[1]
	if ons.Change["life_satisfaction"] != 3 || ons.Change["anxious"] != -4 || swem.ScoreChange == nil || *swem.ScoreChange != 6 {
		t.Fatalf("changes: ONS4 %v, SWEMWBS %v", ons.Change, swem.ScoreChange)
	}
	var change int
	if err := f.db.Get(&change, `SELECT score_change FROM outcome_changes WHERE referral_id = $1 AND measure = 'swemwbs'`, id); err != nil || change != 6 {
		t.Fatalf("commissioners' view: %d %v", change, err)
	}
	if _, err := f.ref.RecordOutcome(f.worker, id, referral.MeasureONS4, "midway", ons4(1, 1, 1, 1)); err == nil {
		t.Fatal("an unknown stage was recorded")
	}
}
