package insight

import (
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"kith/directory"
	"kith/geo"
)

// WorkKinds are the kinds of community development work a link worker logs:
// building up the groups people are connected to, which the Common
// Outcomes Framework counts as the community's own outcome.
var WorkKinds = []string{
	"advice_training",      // advice or training given to a group
	"funding_bid",          // help with a funding bid
	"volunteers_recruited", // volunteers recruited for a group
	"new_group",            // a new group started
	"gap_raised",           // a gap in provision raised with the commissioner
}

// maxNotes bounds the notes on one entry.
const maxNotes = 4000

// WorkInput is one piece of community development work, against an
// organisation or an area (a local authority code), never both. People is
// how many volunteers were recruited or people trained; TeamID is for
// admins, since a link worker logs for their own team.
type WorkInput struct {
	Kind           string `json:"kind"`
	OrganisationID string `json:"organisation_id"`
	AreaCode       string `json:"area_code"`
	Category       string `json:"category"`
	People         *int   `json:"people"`
	HappenedOn     string `json:"happened_on"`
	Notes          string `json:"notes"`
	TeamID         string `json:"team_id"`
}

// Validate checks the entry's shape as of now and fills in today for a
// missing date; whether the organisation and need exist is the store's
// question.
func (in *WorkInput) Validate(now time.Time) error {
	p := directory.Problems{}
	if !slices.Contains(WorkKinds, in.Kind) {
		p.Add("kind", "must be one of %s", strings.Join(WorkKinds, ", "))
	}
	in.checkAgainst(p)
	if in.Category != "" && !codePattern.MatchString(in.Category) {
		p.Add("category", "must be a taxonomy code such as walking")
	}
	switch {
	case in.People != nil && (*in.People < 0 || *in.People > 100000):
		p.Add("people", "must be from 0 to 100000")
	case in.Kind == "volunteers_recruited" && (in.People == nil || *in.People < 1):
		p.Add("people", "is required: how many volunteers were recruited")
	}
	in.checkDay(p, now)
	p.Text("notes", in.Notes, false, maxNotes)
	if in.TeamID != "" && uuid.Validate(in.TeamID) != nil {
		p.Add("team_id", "must be a UUID")
	}
	return p.Err()
}

// checkAgainst insists on exactly one of an organisation and an area.
func (in *WorkInput) checkAgainst(p directory.Problems) {
	switch {
	case in.OrganisationID == "" && in.AreaCode == "":
		p.Add("organisation_id", "give the organisation the work was with, or an area_code")
	case in.OrganisationID != "" && in.AreaCode != "":
		p.Add("area_code", "give an organisation or an area, not both")
	case in.OrganisationID != "" && uuid.Validate(in.OrganisationID) != nil:
		p.Add("organisation_id", "must be a UUID")
	case in.AreaCode != "":
		if _, ok := geo.LocalAuthority(in.AreaCode); !ok {
			p.Add("area_code", "is not a local authority code such as E08000024")
		}
		in.AreaCode = strings.ToUpper(strings.TrimSpace(in.AreaCode))
	}
}

func (in *WorkInput) checkDay(p directory.Problems, now time.Time) {
	today := londonDay(now)
	if in.HappenedOn == "" {
		in.HappenedOn = today.Format(time.DateOnly)
		return
	}
	d, err := time.Parse(time.DateOnly, in.HappenedOn)
	switch {
	case err != nil:
		p.Add("happened_on", "must be a date like 2026-01-31")
	case d.After(today):
		p.Add("happened_on", "must not be in the future")
	case d.Before(today.AddDate(-10, 0, 0)):
		p.Add("happened_on", "must be within the last ten years")
	}
}

// Work is a logged piece of community development work, as the team that
// logged it sees it. Commissioners see only counts of it.
type Work struct {
	ID               string    `db:"id" json:"id"`
	TeamID           string    `db:"team_id" json:"team_id"`
	Kind             string    `db:"kind" json:"kind"`
	OrganisationID   *string   `db:"organisation_id" json:"organisation_id"`
	OrganisationName string    `db:"organisation_name" json:"organisation_name,omitempty"`
	AreaCode         string    `db:"area_code" json:"area_code,omitempty"`
	LocalAuthority   string    `db:"lad" json:"local_authority"`
	Category         string    `db:"category" json:"category,omitempty"`
	CategoryName     string    `db:"category_name" json:"category_name,omitempty"`
	People           *int      `db:"people" json:"people"`
	HappenedOn       string    `db:"happened_on" json:"happened_on"`
	Notes            string    `db:"notes" json:"notes"`
	RecordedBy       string    `db:"recorded_by" json:"recorded_by"`
	RecordedAt       time.Time `db:"recorded_at" json:"recorded_at"`
}

// WorkFilter narrows the log: a team (admins may leave it empty for every
// team), and a page.
type WorkFilter struct {
	TeamID        string
	Limit, Offset int
}

// WorkPage is one page of the log, newest first, and how many entries
// there are in all.
type WorkPage struct {
	Total int    `json:"total"`
	Items []Work `json:"items"`
}
