package referral

import (
	"fmt"
	"strings"
	"time"
)

// Text is the plan as a plain summary the person can print and keep.
func (v PlanView) Text() string {
	var b strings.Builder
	b.WriteString("My care and support plan\n========================\n\n")
	fmt.Fprintf(&b, "For: %s\n", v.PersonName)
	fmt.Fprintf(&b, "Link worker: %s\n", strings.TrimPrefix(v.LinkWorker+", "+v.TeamName, ", "))
	if v.Plan != nil {
		fmt.Fprintf(&b, "Plan version %d, written %s\n", v.Plan.Version, v.Plan.CreatedAt.Format(longDate))
		fmt.Fprintf(&b, "We will look at it again on %s\n", longDay(v.Plan.ReviewOn))
	}
	if v.WhatMatters != nil {
		section(&b, "What matters to me", v.WhatMatters.Themes)
	}
	if v.Plan == nil {
		b.WriteString("\nNo plan has been written yet.\n")
	} else {
		section(&b, "My goals", v.Plan.Goals)
		section(&b, "What we will do", actionLines(v.Plan.Actions))
	}
	section(&b, "Where I have been connected", connectionLines(v.Connections))
	section(&b, "How I am feeling", v.Feelings())
	b.WriteString("\nKeep this summary. If anything changes, get in touch with your link worker.\n")
	return b.String()
}

// section writes a heading and one line per item, or nothing when there
// are no items.
func section(b *strings.Builder, title string, lines []string) {
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s\n%s\n", title, strings.Repeat("-", len(title)))
	for _, l := range lines {
		fmt.Fprintf(b, "- %s\n", l)
	}
}

func actionLines(actions []Action) []string {
	out := make([]string, len(actions))
	for i, a := range actions {
		out[i] = fmt.Sprintf("%s (who: %s; by %s)", a.Text, a.Owner, longDay(a.Due))
	}
	return out
}

func connectionLines(conns []Connection) []string {
	out := make([]string, len(conns))
	for i, c := range conns {
		out[i] = fmt.Sprintf("%s, run by %s: %s", c.ServiceName, c.OrganisationName,
			strings.ReplaceAll(string(c.Status), "_", " "))
	}
	return out
}

// Feelings says, in the person's terms, how their wellbeing scores have
// changed: one line per measure taken at the start and again since.
func (v PlanView) Feelings() []string {
	var out []string
	for _, o := range v.Outcomes {
		switch {
		case o.ScoreChange != nil:
			out = append(out, fmt.Sprintf("Wellbeing score (SWEMWBS): %d at the start, %d now",
				*o.Baseline.Score, *o.FollowUp.Score))
		case o.Measure == MeasureONS4 && o.Change != nil:
			out = append(out, fmt.Sprintf("Life satisfaction: %d at the start, %d now (out of 10)",
				o.Baseline.Items["life_satisfaction"], o.FollowUp.Items["life_satisfaction"]))
		}
	}
	return out
}

// longDay writes a YYYY-MM-DD date as letters do: 3 March 2026.
func longDay(day string) string {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return d.Format(longDate)
}
