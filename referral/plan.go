package referral

import (
	"fmt"
	"time"

	"kith/directory"
)

// WhatMattersInput records the themes of the "what matters to me"
// conversation, in the person's words.
type WhatMattersInput struct {
	Themes []string `json:"themes"`
	Notes  string   `json:"notes"`
}

// Validate asks for one to twelve short themes.
func (in *WhatMattersInput) Validate() error {
	p := directory.Problems{}
	checkList(p, "themes", in.Themes, 1, 12, maxShort)
	p.Text("notes", in.Notes, false, maxText)
	return p.Err()
}

// WhatMatters is the latest record of the conversation.
type WhatMatters struct {
	Themes     []string  `db:"-" json:"themes"`
	Notes      string    `db:"notes" json:"notes"`
	RecordedBy string    `db:"recorded_by" json:"recorded_by"`
	RecordedAt time.Time `db:"recorded_at" json:"recorded_at"`
}

// Action is one step of a plan: what, who does it, and by when.
type Action struct {
	Text  string `json:"text"`
	Owner string `json:"owner"`
	Due   string `json:"due"`
}

// PlanInput is a whole personalised care and support plan; saving one makes
// a new version.
type PlanInput struct {
	Goals    []string `json:"goals"`
	Actions  []Action `json:"actions"`
	ReviewOn string   `json:"review_on"`
}

// Validate checks the plan as of now: goals in the person's words, actions
// each with an owner and a date, and a review date not in the past.
func (in *PlanInput) Validate(now time.Time) error {
	p := directory.Problems{}
	checkList(p, "goals", in.Goals, 1, 10, maxShort)
	if len(in.Actions) > 20 {
		p.Add("actions", "a plan may have at most 20 actions")
	}
	for i, a := range in.Actions {
		field := fmt.Sprintf("actions[%d].", i)
		p.Text(field+"text", a.Text, true, maxShort)
		p.Text(field+"owner", a.Owner, true, maxName)
		if a.Due == "" {
			p.Add(field+"due", "is required")
		} else {
			parseDate(p, field+"due", a.Due)
		}
	}
	if in.ReviewOn == "" {
		p.Add("review_on", "is required")
	} else if d, ok := parseDate(p, "review_on", in.ReviewOn); ok && d.Before(today(now)) {
		p.Add("review_on", "must not be in the past")
	}
	return p.Err()
}

// checkList checks a list of short texts: how many, and each one.
func checkList(p directory.Problems, field string, items []string, lo, hi, max int) {
	if len(items) < lo || len(items) > hi {
		p.Add(field, "give from %d to %d", lo, hi)
	}
	for i, s := range items {
		p.Text(fmt.Sprintf("%s[%d]", field, i), s, true, max)
	}
}

// Plan is one version of a person's plan.
type Plan struct {
	Version   int       `db:"version" json:"version"`
	Goals     []string  `db:"-" json:"goals"`
	Actions   []Action  `db:"-" json:"actions"`
	ReviewOn  string    `db:"review_on" json:"review_on"`
	CreatedBy string    `db:"created_by" json:"created_by"`
	CreatedAt time.Time `db:"created_at" json:"created_at"`
}

// PlanView is what the plan screen and the printed summary show: the plan,
// what matters to the person, where they have been connected and how their
// wellbeing scores have changed.
type PlanView struct {
	ReferralID  string          `db:"-" json:"referral_id"`
	PersonName  string          `db:"person_name" json:"person_name"`
	LinkWorker  string          `db:"link_worker" json:"link_worker"`
	TeamName    string          `db:"team_name" json:"team_name"`
	Plan        *Plan           `db:"-" json:"plan"`
	Versions    int             `db:"-" json:"versions"`
	WhatMatters *WhatMatters    `db:"-" json:"what_matters"`
	Connections []Connection    `db:"-" json:"connections"`
	Outcomes    []OutcomeChange `db:"-" json:"outcomes"`
}
