package referral

import (
	"cmp"
	"fmt"
	"strings"
	"time"
)

// Code is a coded event in the referral's life, such as SNOMED CT
// 871731000000106 when it was accepted.
type Code struct {
	System  string    `json:"system"`
	Code    string    `json:"code"`
	Display string    `json:"display"`
	At      time.Time `json:"at"`
}

// SummaryPerson is who the summary is about, as the GP record knows them.
type SummaryPerson struct {
	Name        string `json:"name"`
	DateOfBirth string `json:"date_of_birth"`
	NHSNumber   string `json:"nhs_number,omitempty"`
}

// ConnectionOutcome is where the person was connected and how it went.
type ConnectionOutcome struct {
	Service      string           `json:"service"`
	Organisation string           `json:"organisation"`
	Status       ConnectionStatus `json:"status"`
	Reason       string           `json:"reason,omitempty"`
	StartedAt    *time.Time       `json:"started_at,omitempty"`
	EndedAt      *time.Time       `json:"ended_at,omitempty"`
}

// Summary is the message back to the referrer and GP: what happened, where
// the person was connected, how their wellbeing changed and the SNOMED CT
// codes recorded. ShareWithGP says whether the person agreed to their GP
// being told. The FHIR export is built from it.
type Summary struct {
	ReferralID    string              `json:"referral_id"`
	PersonID      string              `json:"-"`
	Person        SummaryPerson       `json:"person"`
	Source        string              `json:"source"`
	Referrer      Referrer            `json:"referrer"`
	Team          string              `json:"team"`
	TeamID        string              `json:"-"`
	LinkWorker    string              `json:"link_worker,omitempty"`
	Needs         []Need              `json:"needs"`
	Reason        string              `json:"reason,omitempty"`
	Urgency       string              `json:"urgency"`
	Status        Status              `json:"status"`
	StatusReason  string              `json:"status_reason,omitempty"`
	RedirectedTo  string              `json:"redirected_to,omitempty"`
	ReceivedAt    time.Time           `json:"received_at"`
	UpdatedAt     time.Time           `json:"updated_at"`
	EndedAt       *time.Time          `json:"ended_at"`
	Contacts      int                 `json:"contacts"`
	DaysToContact *int                `json:"days_to_first_contact"`
	Goals         []string            `json:"goals"`
	Connections   []ConnectionOutcome `json:"connections"`
	Outcomes      []OutcomeChange     `json:"outcomes"`
	Codes         []Code              `json:"codes"`
	ShareWithGP   bool                `json:"share_with_gp"`
	Narrative     string              `json:"narrative"`
}

// summarise builds the summary of r from its connections, outcomes and
// latest plan.
func summarise(r Referral, conns []Connection, outcomes []OutcomeChange, plan *Plan) Summary {
	s := Summary{ReferralID: r.ID, PersonID: r.Person.ID, Source: r.Source, Referrer: r.Referrer,
		Team: r.TeamName, TeamID: r.TeamID, LinkWorker: r.LinkWorkerName, Needs: r.Needs, Reason: r.Reason,
		Urgency: r.Urgency, Status: r.Status, StatusReason: r.StatusReason, RedirectedTo: r.RedirectedTo,
		ReceivedAt: r.ReceivedAt, UpdatedAt: r.StatusAt, Contacts: r.Contacts, DaysToContact: r.DaysToContact,
		Goals: []string{}, Outcomes: outcomes, ShareWithGP: r.consented("share_gp"),
		Person: SummaryPerson{Name: r.Person.Name, DateOfBirth: r.Person.DateOfBirth, NHSNumber: r.Person.NHSNumber}}
	if r.Status.Ended() {
		s.EndedAt = &r.StatusAt
	}
	if plan != nil {
		s.Goals = plan.Goals
	}
	s.Connections = []ConnectionOutcome{}
	for _, c := range conns {
		s.Connections = append(s.Connections, ConnectionOutcome{Service: c.ServiceName,
			Organisation: c.OrganisationName, Status: c.Status, Reason: c.StatusReason,
			StartedAt: c.StartedAt, EndedAt: c.EndedAt})
	}
	s.Codes = []Code{}
	for _, e := range r.History {
		if e.SNOMED != "" {
			s.Codes = append(s.Codes, Code{System: SNOMEDSystem, Code: e.SNOMED, Display: snomedDisplay[e.SNOMED], At: e.At})
		}
	}
	s.Narrative = s.narrate()
	return s
}

// narrate tells what happened in a few plain sentences, for a letter or the
// GP record's free text.
func (s Summary) narrate() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Referred to %s by %s (%s) on %s.", s.Team, cmp.Or(s.Referrer.Name, "the person"),
		strings.ReplaceAll(s.Source, "_", " "), s.ReceivedAt.Format(longDate))
	if s.DaysToContact != nil {
		fmt.Fprintf(&b, " First contact after %d days; %d contacts in all.", *s.DaysToContact, s.Contacts)
	}
	for _, c := range s.Connections {
		fmt.Fprintf(&b, " Connected to %s (%s): %s.", c.Service, c.Organisation, strings.ReplaceAll(string(c.Status), "_", " "))
	}
	for _, o := range s.Outcomes {
		if o.ScoreChange != nil {
			fmt.Fprintf(&b, " SWEMWBS raw score %d to %d (%+d).", *o.Baseline.Score, *o.FollowUp.Score, *o.ScoreChange)
		}
		if o.Measure == MeasureONS4 && o.Change != nil {
			fmt.Fprintf(&b, " ONS4 life satisfaction %+d, anxiety %+d.", o.Change["life_satisfaction"], o.Change["anxious"])
		}
	}
	if s.EndedAt != nil {
		fmt.Fprintf(&b, " %s on %s", capitalise(string(s.Status)), s.EndedAt.Format(longDate))
		if why := s.because(); why != "" {
			fmt.Fprintf(&b, ": %s", why)
		}
		b.WriteString(".")
	}
	return b.String()
}

// because is why the referral ended, in words: a reason such as "goals met",
// or where it was redirected to.
func (s Summary) because() string {
	if s.RedirectedTo != "" {
		return s.RedirectedTo
	}
	return strings.ReplaceAll(s.StatusReason, "_", " ")
}

// longDate is how dates read in letters: 3 March 2026.
const longDate = "2 January 2006"

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
