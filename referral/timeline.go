package referral

import "time"

// Kinds of timeline entry: everything that has happened on a referral.
const (
	EntryStatus      = "status"       // the referral changed status: From → To, with Reason, Note, SNOMED
	EntryContact     = "contact"      // a contact: Subject is its kind, Minutes, Note; Flag: did not attend
	EntryWhatMatters = "what_matters" // the conversation recorded: Subject lists the themes
	EntryPlan        = "plan"         // a plan version saved: Ref is its number, Subject the goals, Note the review date
	EntryConnection  = "connection"   // a connection changed status: Ref is its id, Subject the service
	EntryOutcome     = "outcome"      // a measure recorded: Subject is the measure, To the stage, Minutes the score
	EntryUnmetNeed   = "unmet_need"   // nothing suitable found: Subject is the need, Note what was searched
	EntryConsent     = "consent"      // consent recorded: Subject is its kind; Flag: given
)

// TimelineEntry is one thing that happened on a referral, of one of the
// Entry kinds; the fields each kind fills are listed with it.
type TimelineEntry struct {
	Kind    string    `db:"kind" json:"kind"`
	At      time.Time `db:"at" json:"at"`
	By      string    `db:"by" json:"by,omitempty"`
	Ref     string    `db:"ref" json:"ref,omitempty"`
	Subject string    `db:"subject" json:"subject,omitempty"`
	From    string    `db:"from_status" json:"from,omitempty"`
	To      string    `db:"to_status" json:"to,omitempty"`
	Reason  string    `db:"reason" json:"reason,omitempty"`
	Note    string    `db:"note" json:"note,omitempty"`
	Minutes int       `db:"minutes" json:"minutes,omitempty"`
	Flag    bool      `db:"flag" json:"flag,omitempty"`
	SNOMED  string    `db:"snomed_code" json:"snomed_code,omitempty"`
}
