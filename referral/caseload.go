package referral

import (
	"time"

	"kith/directory"
)

// Caseload flags, computed from the data and the clock whenever a caseload
// is read.
const (
	FlagOverdueFirstContact = "overdue_first_contact" // nobody has reached the person within 14 days
	FlagNoRecentContact     = "no_contact_21_days"    // open, and no contact for 21 days
	FlagPast12Weeks         = "past_12_weeks"         // open for longer than the usual 12 weeks
	FlagConnectionOverdue   = "connection_overdue"    // a service has not answered within its target
)

// Flags lists every caseload flag.
var Flags = []string{FlagOverdueFirstContact, FlagNoRecentContact, FlagPast12Weeks, FlagConnectionOverdue}

// The targets behind the flags: first contact within two weeks, contact at
// least every three weeks, and about twelve weeks of support.
const (
	firstContactWithin = 14 * 24 * time.Hour
	contactEvery       = 21 * 24 * time.Hour
	usualSupport       = 12 * 7 * 24 * time.Hour
)

// CaseloadFilter narrows a team's caseload. Without a status, referrals
// that have ended are left out. AttentionFirst puts the people waiting too
// long for a first contact on top, then those gone quiet (no contact in 21
// days, or a service not answering), then those past twelve weeks, before
// the usual urgent-and-oldest order: a link worker's day starts with them.
type CaseloadFilter struct {
	TeamID         string
	LinkWorkerID   string
	Unassigned     bool
	Status         Status
	Flag           string
	AttentionFirst bool
	Limit          int
	Offset         int
}

// Validate checks the flag is one of Flags.
func (f CaseloadFilter) Validate() error {
	p := directory.Problems{}
	if f.Flag != "" {
		p.OneOf("flag", f.Flag, Flags)
	}
	return p.Err()
}

// Case is one referral in a caseload.
type Case struct {
	ID             string     `db:"id" json:"id"`
	PersonName     string     `db:"person_name" json:"person_name"`
	Status         Status     `db:"status" json:"status"`
	Urgency        string     `db:"urgency" json:"urgency"`
	TeamID         string     `db:"team_id" json:"team_id"`
	LinkWorkerID   *string    `db:"link_worker_id" json:"link_worker_id"`
	LinkWorkerName string     `db:"link_worker_name" json:"link_worker_name,omitempty"`
	ReceivedAt     time.Time  `db:"received_at" json:"received_at"`
	FirstContactAt *time.Time `db:"first_contact_at" json:"first_contact_at"`
	DaysToContact  *int       `db:"-" json:"days_to_first_contact"`
	Contacts       int        `db:"contacts" json:"contacts"`
	LastContactAt  *time.Time `db:"last_contact_at" json:"last_contact_at"`
	Flags          []string   `db:"-" json:"flags"`
}

// CaseloadPage is one page of a caseload and how many cases there are.
type CaseloadPage struct {
	Total int    `json:"total"`
	Items []Case `json:"items"`
}
