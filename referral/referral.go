package referral

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"kith/directory"
)

// Sources are the kinds of agency that refer people to a link worker, so
// commissioners can see where referrals come from.
var Sources = []string{"gp_practice", "pharmacy", "hospital_discharge", "allied_health_professional",
	"social_care", "housing", "police", "fire_service", "job_centre", "vcse", "education", "self_referral", "other"}

// Urgencies are how soon the person should be contacted; they are FHIR
// ServiceRequest priorities.
var Urgencies = []string{"routine", "urgent", "asap"}

// maxNeeds bounds the coded needs on one referral.
const maxNeeds = 10

// Referrer is who referred the person.
type Referrer struct {
	Name         string `db:"referrer_name" json:"name"`
	Organisation string `db:"referrer_organisation" json:"organisation"`
	Phone        string `db:"referrer_phone" json:"phone"`
	Email        string `db:"referrer_email" json:"email"`
}

// ReferralInput is a new referral to a link-worker team. TeamID is for
// admins; a link worker's referrals go to their own team. LinkWorkerID
// defaults to the link worker making the referral.
type ReferralInput struct {
	Person       PersonInput  `json:"person"`
	Source       string       `json:"source"`
	Referrer     Referrer     `json:"referrer"`
	Needs        []string     `json:"needs"`
	Reason       string       `json:"reason"`
	Urgency      string       `json:"urgency"`
	Consent      ConsentInput `json:"consent"`
	TeamID       string       `json:"team_id"`
	LinkWorkerID string       `json:"link_worker_id"`
}

// Validate normalises the input and checks its shape as of now; whether the
// needs, team and link worker exist is checked by the store.
func (in *ReferralInput) Validate(now time.Time) error {
	p := directory.Problems{}
	in.Person.validate(p, "person.", now, false)
	p.OneOf("source", in.Source, Sources)
	in.Referrer.validate(p, in.Source != "self_referral")
	in.Needs = checkNeeds(p, in.Needs)
	p.Text("reason", in.Reason, false, maxText)
	if in.Urgency == "" {
		in.Urgency = "routine"
	}
	p.OneOf("urgency", in.Urgency, Urgencies)
	if in.Consent.RecordedBy == "" {
		in.Consent.RecordedBy = in.Referrer.Name
	}
	in.Consent.validate(p, now)
	p.UUID("team_id", in.TeamID, false)
	p.UUID("link_worker_id", in.LinkWorkerID, false)
	return p.Err()
}

func (r *Referrer) validate(p directory.Problems, required bool) {
	r.Name, r.Organisation = strings.TrimSpace(r.Name), strings.TrimSpace(r.Organisation)
	p.Text("referrer.name", r.Name, required, maxName)
	p.Text("referrer.organisation", r.Organisation, false, maxName)
	r.Phone = normalisePhone(p, "referrer.phone", strings.TrimSpace(r.Phone))
	r.Email = strings.TrimSpace(r.Email)
	p.Email("referrer.email", r.Email)
}

// checkNeeds requires one to ten distinct taxonomy codes and returns them
// without repeats.
func checkNeeds(p directory.Problems, codes []string) []string {
	if len(codes) == 0 || len(codes) > maxNeeds {
		p.Add("needs", "give from 1 to %d needs, as taxonomy codes such as loneliness", maxNeeds)
		return codes
	}
	var out []string
	for i, c := range codes {
		if !codePattern.MatchString(c) {
			p.Add(fmt.Sprintf("needs[%d]", i), "is not a taxonomy code such as loneliness")
		} else if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// Need is a coded reason for referral.
type Need struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Event is one status change of a referral or connection.
type Event struct {
	From   string    `json:"from,omitempty"`
	To     string    `json:"to"`
	Reason string    `json:"reason,omitempty"`
	Note   string    `json:"note,omitempty"`
	SNOMED string    `json:"snomed_code,omitempty"`
	By     string    `json:"by,omitempty"`
	At     time.Time `json:"at"`
}

// Referral is a referral as the team holding it sees it.
type Referral struct {
	ID             string     `db:"id" json:"id"`
	TeamID         string     `db:"team_id" json:"team_id"`
	TeamName       string     `db:"team_name" json:"team_name"`
	LinkWorkerID   *string    `db:"link_worker_id" json:"link_worker_id"`
	LinkWorkerName string     `db:"link_worker_name" json:"link_worker_name,omitempty"`
	Person         Person     `db:"-" json:"person"`
	Source         string     `db:"source" json:"source"`
	Referrer       Referrer   `db:"-" json:"referrer"`
	Needs          []Need     `db:"-" json:"needs"`
	Reason         string     `db:"reason" json:"reason"`
	Urgency        string     `db:"urgency" json:"urgency"`
	Status         Status     `db:"status" json:"status"`
	StatusReason   string     `db:"status_reason" json:"status_reason,omitempty"`
	RedirectedTo   string     `db:"redirected_to" json:"redirected_to,omitempty"`
	Next           []Status   `db:"-" json:"next"`
	ReceivedAt     time.Time  `db:"received_at" json:"received_at"`
	StatusAt       time.Time  `db:"status_at" json:"status_at"`
	FirstContactAt *time.Time `db:"first_contact_at" json:"first_contact_at"`
	DaysToContact  *int       `db:"-" json:"days_to_first_contact"`
	Contacts       int        `db:"contacts" json:"contacts"`
	DidNotAttend   int        `db:"did_not_attend" json:"did_not_attend"`
	LastContactAt  *time.Time `db:"last_contact_at" json:"last_contact_at"`
	Consents       []Consent  `db:"-" json:"consents"`
	History        []Event    `db:"-" json:"history"`
}

// consented reports whether the person's latest consent of kind is given.
func (r Referral) consented(kind string) bool {
	for _, c := range r.Consents {
		if c.Kind == kind {
			return c.Given
		}
	}
	return false
}

// daysBetween counts whole London calendar days from a to b.
func daysBetween(a, b time.Time) int {
	return int(today(b).Sub(today(a)).Hours() / 24)
}
