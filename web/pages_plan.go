package web

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"kith/referral"
)

// planView is the "what matters to me" and plan editor with the plan's
// earlier versions.
type planView struct {
	lwHead
	Plan        referral.PlanView
	History     []referral.Plan
	ActionRows  []actionRow
	NextVersion int
	Open        bool
}

// actionRow is one row of the plan's actions: its index in the form's
// field names, and its number as people count.
type actionRow struct{ Index, Number int }

// maxActionRows is the most action rows the editor shows: the store's
// limit on actions.
const maxActionRows = 20

func (s *server) planPage(c *fiber.Ctx) error {
	ctx, r, err := s.openReferral(c)
	if err != nil {
		return err
	}
	v := s.view(c, "Plan")
	pv, err := s.ref.Plan(ctx, r.ID, 0)
	if err != nil {
		return err
	}
	fillPlanForm(v.Form, pv)
	return s.renderPlan(c, ctx, r, pv, fiber.StatusOK, v)
}

// fillPlanForm starts both forms from what is saved, with two empty
// action rows to add to.
func fillPlanForm(f *form, pv referral.PlanView) {
	if w := pv.WhatMatters; w != nil {
		f.Set("themes", strings.Join(w.Themes, "\n"))
		f.Set("notes", w.Notes)
	}
	rows := 3
	if p := pv.Plan; p != nil {
		f.Set("goals", strings.Join(p.Goals, "\n"))
		f.Set("review_on", p.ReviewOn)
		for i, a := range p.Actions {
			f.Set(fmt.Sprintf("actions[%d].text", i), a.Text)
			f.Set(fmt.Sprintf("actions[%d].owner", i), a.Owner)
			f.Set(fmt.Sprintf("actions[%d].due", i), a.Due)
		}
		rows = max(rows, len(p.Actions)+2)
	}
	f.Set("action_rows", strconv.Itoa(min(rows, maxActionRows)))
}

func (s *server) renderPlan(c *fiber.Ctx, ctx context.Context, r referral.Referral, pv referral.PlanView, status int, v *view) error {
	history, err := s.ref.PlanHistory(ctx, r.ID)
	if err != nil {
		return err
	}
	d := planView{lwHead: newHead(r, "plan"), Plan: pv, History: history, Open: r.Status.Open(),
		NextVersion: pv.Versions + 1}
	for i := range actionRows(v.Form) {
		d.ActionRows = append(d.ActionRows, actionRow{Index: i, Number: i + 1})
	}
	v.Title, v.Data = "Plan for "+r.Person.Name, d
	return s.render(c, status, "lw_plan", v)
}

func actionRows(f *form) int {
	n, err := strconv.Atoi(f.Value("action_rows"))
	if err != nil || n < 1 {
		return 3
	}
	return min(n, maxActionRows)
}

var whatMattersLabels = []fieldLabel{{"themes", "What matters"}, {"notes", "Notes"}}

func (s *server) planPost(c *fiber.Ctx) error {
	ctx, r, v, err := s.postedReferral(c, "Plan")
	if err != nil {
		return err
	}
	var saved string
	if v.Form.Value("part") == "what_matters" {
		err = s.saveWhatMattersForm(ctx, r.ID, v.Form)
		saved = "What matters to them is saved."
	} else {
		var version int
		version, err = s.savePlanForm(ctx, r.ID, v.Form)
		saved = fmt.Sprintf("Plan version %d saved.", version)
	}
	if err != nil {
		return err
	}
	if v.Form.Valid() {
		flash(c, saved)
		return redirect(c, referralPath(r.ID)+"/plan")
	}
	pv, err := s.ref.Plan(ctx, r.ID, 0)
	if err != nil {
		return err
	}
	return s.renderPlan(c, ctx, r, pv, fiber.StatusUnprocessableEntity, v)
}

// saveWhatMattersForm saves the conversation's themes, one a line, or leaves
// the problems on f; the error is one the form cannot show.
func (s *server) saveWhatMattersForm(ctx context.Context, id string, f *form) error {
	in := referral.WhatMattersInput{Themes: lines(f.Value("themes")), Notes: f.Value("notes")}
	if len(in.Themes) == 0 {
		f.Fail("themes", "Write at least one thing that matters to them")
	}
	if err := in.Validate(); !absorbLabelled(f, err, whatMattersLabels, nil) {
		return err
	}
	if !f.Valid() {
		return nil
	}
	if _, err := s.ref.SaveWhatMatters(ctx, id, in); !absorbLabelled(f, err, whatMattersLabels, nil) {
		return err
	}
	return nil
}

// savePlanForm saves the plan as its next version, or leaves the problems on
// f. Empty action rows are skipped, and problems with the actions kept are
// put back beside the rows they came from.
func (s *server) savePlanForm(ctx context.Context, id string, f *form) (int, error) {
	in := referral.PlanInput{Goals: lines(f.Value("goals")), ReviewOn: f.Value("review_on")}
	labels := []fieldLabel{{"goals", "Goals"}}
	var from []int
	for i := range actionRows(f) {
		a := referral.Action{Text: f.Value(fmt.Sprintf("actions[%d].text", i)),
			Owner: f.Value(fmt.Sprintf("actions[%d].owner", i)), Due: f.Value(fmt.Sprintf("actions[%d].due", i))}
		labels = append(labels, fieldLabel{fmt.Sprintf("actions[%d].text", i), fmt.Sprintf("Action %d: what", i+1)},
			fieldLabel{fmt.Sprintf("actions[%d].owner", i), fmt.Sprintf("Action %d: who", i+1)},
			fieldLabel{fmt.Sprintf("actions[%d].due", i), fmt.Sprintf("Action %d: by when", i+1)})
		if a != (referral.Action{}) {
			in.Actions, from = append(in.Actions, a), append(from, i)
		}
	}
	labels = append(labels, fieldLabel{"review_on", "Review date"})
	if len(in.Goals) == 0 {
		f.Fail("goals", "Write at least one goal, in their words")
	}
	rename := func(k string) string {
		var j int
		var rest string
		if n, _ := fmt.Sscanf(k, "actions[%d].%s", &j, &rest); n == 2 && j < len(from) {
			return fmt.Sprintf("actions[%d].%s", from[j], rest)
		}
		return listField(k)
	}
	if err := in.Validate(s.now()); !absorbLabelled(f, err, labels, rename) {
		return 0, err
	}
	if !f.Valid() {
		return 0, nil
	}
	p, err := s.ref.SavePlan(ctx, id, in)
	if !absorbLabelled(f, err, labels, rename) {
		return 0, err
	}
	return p.Version, nil
}

// planPrintPage is the plan as the person keeps it: their words, plainly
// set out, with none of the team's notes.
func (s *server) planPrintPage(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	pv, err := s.ref.Plan(s.person(c), id, 0)
	if err != nil {
		return err
	}
	v := s.view(c, "My care and support plan")
	v.Data, v.Back = pv, referralPath(id)+"/plan"
	return s.render(c, fiber.StatusOK, "lw_plan_print", v)
}
