package web

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/referral"
)

// question is one item of a wellbeing measure as the person is asked it;
// Name is the item's name in the referral store.
type question struct{ Name, Text, Short string }

// measures are the questionnaires the store records, their items in the
// order they are asked, and the answers each allows.
var measures = []struct {
	code      string
	lo, hi    int
	questions []question
}{
	{referral.MeasureONS4, 0, 10, []question{
		{"life_satisfaction", "Overall, how satisfied are you with your life nowadays?", "Life satisfaction"},
		{"worthwhile", "Overall, to what extent do you feel that the things you do in your life are worthwhile?", "Worthwhile"},
		{"happy", "Overall, how happy did you feel yesterday?", "Happiness"},
		{"anxious", "On a scale where 0 is \u201cnot at all anxious\u201d and 10 is \u201ccompletely anxious\u201d, overall, how anxious did you feel yesterday?", "Anxiety"},
	}},
	{referral.MeasureSWEMWBS, 1, 5, []question{
		{"optimistic", "I\u2019ve been feeling optimistic about the future", "Feeling optimistic"},
		{"useful", "I\u2019ve been feeling useful", "Feeling useful"},
		{"relaxed", "I\u2019ve been feeling relaxed", "Feeling relaxed"},
		{"dealing_with_problems", "I\u2019ve been dealing with problems well", "Dealing with problems"},
		{"thinking_clearly", "I\u2019ve been thinking clearly", "Thinking clearly"},
		{"close_to_others", "I\u2019ve been feeling close to other people", "Feeling close to others"},
		{"own_mind", "I\u2019ve been able to make up my own mind about things", "Making up my own mind"},
	}},
}

// swemwbsAnswers are SWEMWBS's answers, 1 to 5.
var swemwbsAnswers = []option{{"1", "None of the time"}, {"2", "Rarely"}, {"3", "Some of the time"},
	{"4", "Often"}, {"5", "All of the time"}}

// outcomesView is the outcome measures recorded so far and the form for
// one measure at one stage.
type outcomesView struct {
	lwHead
	Recorded  []recordedRow
	Measure   string
	Stage     string
	Questions []question
	Lo, Hi    int
	Answers   []option
	Existing  bool
	Allowed   bool
	Heading   string
}

// recordedRow is one measure at one stage: its answers if taken, and the
// change since baseline at follow-up.
type recordedRow struct {
	Measure, Stage string
	Outcome        *referral.Outcome
	Answers        []itemAnswer
	Link           string
}

type itemAnswer struct {
	Short  string
	Value  int
	Change *int
}

func (s *server) outcomesPage(c *fiber.Ctx) error {
	ctx, r, err := s.openReferral(c)
	if err != nil {
		return err
	}
	measure, stage := c.Query("measure"), c.Query("stage")
	if measure != "" && measureIndex(measure) < 0 {
		return errBadParam("measure", "must be ons4 or swemwbs")
	}
	if stage != "" && stage != "baseline" && stage != "follow_up" {
		return errBadParam("stage", "must be baseline or follow_up")
	}
	v := s.view(c, "Outcomes")
	v.Form.Set("measure", strings.Clone(measure))
	v.Form.Set("stage", strings.Clone(stage))
	return s.renderOutcomes(c, ctx, r, fiber.StatusOK, v)
}

func measureIndex(code string) int {
	for i, m := range measures {
		if m.code == code {
			return i
		}
	}
	return -1
}

func (s *server) renderOutcomes(c *fiber.Ctx, ctx context.Context, r referral.Referral, status int, v *view) error {
	changes, err := s.ref.Outcomes(ctx, r.ID)
	if err != nil {
		return err
	}
	d := outcomesView{lwHead: newHead(r, "outcomes"), Answers: swemwbsAnswers,
		Allowed: r.Status.Open() || r.Status == referral.StatusClosed}
	d.Recorded = recordedRows(r.ID, changes)
	d.Measure, d.Stage = v.Form.Value("measure"), v.Form.Value("stage")
	if d.Measure == "" || d.Stage == "" {
		d.Measure, d.Stage = firstMissing(d.Recorded)
	}
	m := measures[measureIndex(d.Measure)]
	d.Questions, d.Lo, d.Hi = m.questions, m.lo, m.hi
	if status == fiber.StatusOK {
		d.Existing = prefillOutcome(v.Form, d, s.now())
	}
	d.Heading = "Record the " + strings.ToLower(lwLabel("stage", d.Stage)) + " " + lwLabel("measure", d.Measure)
	if d.Existing {
		d.Heading = "Correct the " + strings.ToLower(lwLabel("stage", d.Stage)) + " " + lwLabel("measure", d.Measure)
	}
	v.Title, v.Data = "Outcomes for "+r.Person.Name, d
	return s.render(c, status, "lw_outcomes", v)
}

// recordedRows lays out every measure and stage, taken or not.
func recordedRows(id string, changes []referral.OutcomeChange) []recordedRow {
	var out []recordedRow
	for _, m := range measures {
		var ch referral.OutcomeChange
		for _, c := range changes {
			if c.Measure == m.code {
				ch = c
			}
		}
		for _, stage := range referral.Stages {
			row := recordedRow{Measure: m.code, Stage: stage,
				Link: referralPath(id) + "/outcomes?measure=" + m.code + "&stage=" + stage + "#record"}
			row.Outcome = ch.Baseline
			if stage == "follow_up" {
				row.Outcome = ch.FollowUp
			}
			if row.Outcome != nil {
				for _, q := range m.questions {
					a := itemAnswer{Short: q.Short, Value: row.Outcome.Items[q.Name]}
					if d, ok := ch.Change[q.Name]; ok && stage == "follow_up" {
						a.Change = &d
					}
					row.Answers = append(row.Answers, a)
				}
			}
			out = append(out, row)
		}
	}
	return out
}

// firstMissing is the measure and stage to offer first: the first not yet
// taken, baseline ONS4 before anything else.
func firstMissing(rows []recordedRow) (string, string) {
	for _, r := range rows {
		if r.Outcome == nil {
			return r.Measure, r.Stage
		}
	}
	return referral.MeasureONS4, "follow_up"
}

// prefillOutcome starts the form from the answers already recorded for the
// measure and stage, if any, so they can be corrected.
func prefillOutcome(f *form, d outcomesView, now time.Time) bool {
	f.Set("measure", d.Measure)
	f.Set("stage", d.Stage)
	f.Set("taken_on", now.In(directory.London).Format(time.DateOnly))
	for _, r := range d.Recorded {
		if r.Measure != d.Measure || r.Stage != d.Stage || r.Outcome == nil {
			continue
		}
		f.Set("taken_on", r.Outcome.TakenOn)
		for name, v := range r.Outcome.Items {
			f.Set("items."+name, strconv.Itoa(v))
		}
		return true
	}
	return false
}

func (s *server) outcomesPost(c *fiber.Ctx) error {
	ctx, r, v, err := s.postedReferral(c, "Outcomes")
	if err != nil {
		return err
	}
	measure, stage := v.Form.Value("measure"), v.Form.Value("stage")
	i := measureIndex(measure)
	if i < 0 {
		return errBadParam("measure", "must be ons4 or swemwbs")
	}
	in, labels := outcomeFrom(v.Form, i)
	if err := in.Validate(measure, stage, s.now()); !absorbLabelled(v.Form, err, labels, nil) {
		return err
	}
	if v.Form.Valid() {
		_, err := s.ref.RecordOutcome(ctx, r.ID, measure, stage, in)
		if err == nil {
			flash(c, lwLabel("stage", stage)+" "+lwLabel("measure", measure)+" recorded.")
			return redirect(c, referralPath(r.ID)+"/outcomes")
		}
		if !absorbLabelled(v.Form, err, labels, nil) {
			return err
		}
	}
	return s.renderOutcomes(c, ctx, r, fiber.StatusUnprocessableEntity, v)
}

// outcomeFrom reads the answers of measures[i]: an answer that is not a
// whole number is a problem beside it, and a blank one is left for the
// store to ask for.
func outcomeFrom(f *form, i int) (referral.OutcomeInput, []fieldLabel) {
	m := measures[i]
	in := referral.OutcomeInput{TakenOn: f.Value("taken_on"), Items: map[string]int{}}
	labels := []fieldLabel{{"taken_on", "The date it was taken"}}
	for _, q := range m.questions {
		field := "items." + q.Name
		labels = append(labels, fieldLabel{field, q.Short})
		raw := f.Value(field)
		if raw == "" {
			continue
		}
		n, err := strconv.Atoi(raw)
		if err != nil {
			f.Fail(field, q.Short+" must be a whole number from "+strconv.Itoa(m.lo)+" to "+strconv.Itoa(m.hi))
			continue
		}
		in.Items[q.Name] = n
	}
	return in, labels
}
