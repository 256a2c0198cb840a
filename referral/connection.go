package referral

import (
	"time"

	"kith/directory"
)

// ConnectionInput connects the person to a service found in search. Reason
// is why, in words the service will read.
type ConnectionInput struct {
	ServiceID string `json:"service_id"`
	Reason    string `json:"reason"`
}

// Validate checks the shape; whether the service exists and may take the
// person is the store's question.
func (in *ConnectionInput) Validate() error {
	p := directory.Problems{}
	if in.ServiceID == "" {
		p.Add("service_id", "is required")
	}
	p.UUID("service_id", in.ServiceID, false)
	p.Text("reason", in.Reason, true, maxNote)
	return p.Err()
}

// Task is what both sides see of a connection: the service, where the
// connection stands and since when, why the person was connected, and
// whether the service has answered within its response target.
type Task struct {
	ID               string           `db:"id" json:"id"`
	ServiceID        string           `db:"service_id" json:"service_id"`
	ServiceName      string           `db:"service_name" json:"service_name"`
	OrganisationID   string           `db:"organisation_id" json:"organisation_id"`
	OrganisationName string           `db:"organisation_name" json:"organisation_name"`
	Status           ConnectionStatus `db:"status" json:"status"`
	StatusReason     string           `db:"status_reason" json:"status_reason,omitempty"`
	Reason           string           `db:"reason" json:"reason"`
	CreatedAt        time.Time        `db:"created_at" json:"created_at"`
	RequestedAt      *time.Time       `db:"requested_at" json:"requested_at"`
	RespondedAt      *time.Time       `db:"responded_at" json:"responded_at"`
	StartedAt        *time.Time       `db:"started_at" json:"started_at"`
	EndedAt          *time.Time       `db:"ended_at" json:"ended_at"`
	ResponseDays     int              `db:"response_days" json:"response_days"`
	RespondBy        *string          `db:"-" json:"respond_by,omitempty"`
	Overdue          bool             `db:"-" json:"overdue"`
}

// local shows the task's times in London and flags a request still waiting
// for an answer past its target at now.
func (t Task) local(now time.Time) Task {
	t.CreatedAt = london(t.CreatedAt)
	t.RequestedAt, t.RespondedAt = londonPtr(t.RequestedAt), londonPtr(t.RespondedAt)
	t.StartedAt, t.EndedAt = londonPtr(t.StartedAt), londonPtr(t.EndedAt)
	if t.Status == ConnectionRequested && t.RequestedAt != nil {
		by := respondBy(*t.RequestedAt, t.ResponseDays)
		day := by.Format(time.DateOnly)
		t.RespondBy, t.Overdue = &day, today(now).After(by)
	}
	return t
}

// Connection is a connection as the link-worker team sees it.
type Connection struct {
	Task
	ReferralID string  `db:"referral_id" json:"referral_id"`
	History    []Event `db:"-" json:"history"`
}

// Shared is what a person agrees to share with the services they are
// connected to: nothing more is shown to a VCSE.
var Shared = []string{"name", "contact_route", "reason"}

// InboxItem is a connection as the VCSE receiving it sees it: the person's
// name, the one way to contact them they chose, why they were connected and
// what they agreed to share.
type InboxItem struct {
	Task
	PersonName     string    `db:"person_name" json:"person_name"`
	ContactRoute   string    `db:"-" json:"contact_route"`
	Shared         []string  `db:"-" json:"consented_to_share"`
	ConsentGivenAt time.Time `db:"consent_given_at" json:"consent_given_at"`
}

// InboxFilter narrows a VCSE's inbox. OrganisationID is for admins; an
// editor always sees their own organisation's.
type InboxFilter struct {
	OrganisationID string
	ServiceID      string
	Status         ConnectionStatus
	Overdue        bool
	Limit, Offset  int
}

// InboxPage is one page of an inbox and how many items there are in all.
type InboxPage struct {
	Total int         `json:"total"`
	Items []InboxItem `json:"items"`
}

// respondBy is the last day (London) a service has to answer a request
// made at t: days working days, Monday to Friday, after the day it arrived.
// Bank holidays are not counted out.
func respondBy(t time.Time, days int) time.Time {
	d := today(t)
	for days > 0 {
		d = d.AddDate(0, 0, 1)
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			days--
		}
	}
	return d
}

// maxResponseDays is the longest response target a service may set.
const maxResponseDays = 60

// overdueCutoffs lets SQL find overdue requests: element n-1 is the last
// day a request could arrive and already be past a target of n working days
// at now. Deriving it from respondBy keeps one definition of working days.
func overdueCutoffs(now time.Time) []string {
	out := make([]string, maxResponseDays)
	d := today(now)
	for n := 1; n <= maxResponseDays; n++ {
		for !today(now).After(respondBy(d, n)) {
			d = d.AddDate(0, 0, -1)
		}
		out[n-1] = d.Format(time.DateOnly)
	}
	return out
}
