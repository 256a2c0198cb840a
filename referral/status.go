package referral

import (
	"fmt"
	"slices"
	"strings"

	"kith/directory"
)

// Status is where a referral to the link-worker team stands.
type Status string

const (
	StatusReceived     Status = "received"      // waiting for triage
	StatusAccepted     Status = "accepted"      // the team will work with the person
	StatusDeclined     Status = "declined"      // not taken on, with a reason
	StatusRedirected   Status = "redirected"    // sent on to a better-placed service
	StatusFirstContact Status = "first_contact" // the link worker has reached the person
	StatusAssessed     Status = "assessed"      // "what matters to me" conversation held
	StatusPlanAgreed   Status = "plan_agreed"   // personalised care and support plan agreed
	StatusActive       Status = "active"        // connections under way
	StatusClosed       Status = "closed"        // ended, with a reason
)

// Statuses lists every referral status in workflow order.
var Statuses = []Status{StatusReceived, StatusAccepted, StatusDeclined, StatusRedirected, StatusFirstContact,
	StatusAssessed, StatusPlanAgreed, StatusActive, StatusClosed}

// referralMoves is the referral workflow: every status change there is.
// Anything not listed is refused with 409 and changes nothing. A referral
// can be closed from any open status, because people move away, disengage
// or die at every stage.
var referralMoves = map[Status][]Status{
	StatusReceived:     {StatusAccepted, StatusDeclined, StatusRedirected},
	StatusAccepted:     {StatusFirstContact, StatusClosed},
	StatusFirstContact: {StatusAssessed, StatusClosed},
	StatusAssessed:     {StatusPlanAgreed, StatusClosed},
	StatusPlanAgreed:   {StatusActive, StatusClosed},
	StatusActive:       {StatusClosed},
}

// CanMove reports whether a referral at s may move to next.
func (s Status) CanMove(next Status) bool { return slices.Contains(referralMoves[s], next) }

// Next lists the statuses a referral at s may move to.
func (s Status) Next() []Status { return nonNil(slices.Clone(referralMoves[s])) }

// Open reports whether the team is working with the person: accepted and
// not yet closed.
func (s Status) Open() bool {
	return s.CanMove(StatusClosed)
}

// ParseStatus reads a referral status name.
func ParseStatus(s string) (Status, error) { return parseName(s, Statuses) }

// SNOMED CT codes NHS England asks social-prescribing referrals to carry.
const (
	SNOMEDSystem   = "http://snomed.info/sct"
	SNOMEDReferral = "871731000000106" // Referral to social prescribing service
	SNOMEDDeclined = "871711000000103" // Social prescribing declined
)

// snomedFor is the code a move to a status records.
var snomedFor = map[Status]string{StatusAccepted: SNOMEDReferral, StatusDeclined: SNOMEDDeclined}

// snomedDisplay names each code as SNOMED CT does.
var snomedDisplay = map[string]string{
	SNOMEDReferral: "Referral to social prescribing service",
	SNOMEDDeclined: "Social prescribing declined",
}

// Coded reasons for declining and closing a referral.
var (
	DeclineReasons = []string{"person_declined", "not_eligible", "unable_to_contact", "duplicate", "other"}
	CloseReasons   = []string{"goals_met", "disengaged", "moved_away", "declined_later", "deceased", "other"}
)

// Move asks for a referral's status to change.
type Move struct {
	Status       Status `json:"status"`
	Reason       string `json:"reason"`
	Note         string `json:"note"`
	RedirectedTo string `json:"redirected_to"`
}

// Validate checks that the move carries what its status needs: a coded
// reason to decline or close, and where to when redirecting.
func (m *Move) Validate() error {
	p := directory.Problems{}
	if _, err := ParseStatus(string(m.Status)); err != nil {
		p.Add("status", "%s", err.Error())
	}
	reasons := map[Status][]string{StatusDeclined: DeclineReasons, StatusClosed: CloseReasons}[m.Status]
	checkReason(p, reasons, m.Reason, m.Note, "declining or closing")
	if m.Status == StatusRedirected {
		p.Text("redirected_to", m.RedirectedTo, true, maxName)
	} else if m.RedirectedTo != "" {
		p.Add("redirected_to", "only redirecting names where to")
	}
	return p.Err()
}

// checkReason checks a coded reason against those the move takes (none when
// reasons is nil), and asks for a note when it is "other": that code alone
// would tell nobody anything.
func checkReason(p directory.Problems, reasons []string, reason, note, takers string) {
	switch {
	case reasons != nil:
		p.OneOf("reason", reason, reasons)
	case reason != "":
		p.Add("reason", "only %s takes a reason", takers)
	}
	p.Text("note", note, reason == "other", maxNote)
}

// ConnectionStatus is where a connection to a service stands; the values are
// FHIR Task statuses, plus waitlisted for a place on the waiting list.
type ConnectionStatus string

const (
	ConnectionWaitlisted ConnectionStatus = "waitlisted"  // on the service's waiting list
	ConnectionRequested  ConnectionStatus = "requested"   // holding a place, awaiting the service's answer
	ConnectionAccepted   ConnectionStatus = "accepted"    // the service will take the person
	ConnectionRejected   ConnectionStatus = "rejected"    // the service cannot, with a coded reason
	ConnectionCancelled  ConnectionStatus = "cancelled"   // withdrawn by the link worker
	ConnectionInProgress ConnectionStatus = "in_progress" // the person has attended
	ConnectionCompleted  ConnectionStatus = "completed"   // finished as planned
	ConnectionFailed     ConnectionStatus = "failed"      // did not attend, or dropped out
)

// ConnectionStatuses lists every connection status in workflow order.
var ConnectionStatuses = []ConnectionStatus{ConnectionWaitlisted, ConnectionRequested, ConnectionAccepted,
	ConnectionRejected, ConnectionCancelled, ConnectionInProgress, ConnectionCompleted, ConnectionFailed}

// Side is who may make a connection move.
type Side uint8

const (
	SideReferrer Side = 1 << iota // the link-worker team holding the referral
	SideProvider                  // the VCSE running the service
	SideSystem                    // Kith itself, promoting from the waiting list
)

// connectionMoves is the connection workflow: every move there is, and who
// may make it. Only the service answers a request; only the link worker
// withdraws one; either side may report attendance, since the person often
// tells their link worker first.
var connectionMoves = map[ConnectionStatus]map[ConnectionStatus]Side{
	ConnectionWaitlisted: {ConnectionRequested: SideSystem, ConnectionRejected: SideProvider,
		ConnectionCancelled: SideReferrer},
	ConnectionRequested: {ConnectionAccepted: SideProvider, ConnectionRejected: SideProvider,
		ConnectionCancelled: SideReferrer},
	ConnectionAccepted: {ConnectionInProgress: SideProvider | SideReferrer,
		ConnectionFailed: SideProvider | SideReferrer, ConnectionCancelled: SideReferrer},
	ConnectionInProgress: {ConnectionCompleted: SideProvider | SideReferrer,
		ConnectionFailed: SideProvider | SideReferrer},
}

// CanMove reports whether a connection at s may move to next when by makes
// the move.
func (s ConnectionStatus) CanMove(next ConnectionStatus, by Side) bool {
	return connectionMoves[s][next]&by != 0
}

// Holds reports whether a connection at s holds one of the service's places.
func (s ConnectionStatus) Holds() bool {
	return s == ConnectionRequested || s == ConnectionAccepted || s == ConnectionInProgress
}

// Ended reports whether a connection at s is over, its place given back.
func (s ConnectionStatus) Ended() bool { return len(connectionMoves[s]) == 0 }

// ParseConnectionStatus reads a connection status name.
func ParseConnectionStatus(s string) (ConnectionStatus, error) {
	return parseName(s, ConnectionStatuses)
}

// Coded reasons a service rejects a connection, and why one fails.
var (
	RejectReasons = []string{"no_capacity", "not_eligible", "out_of_area", "unable_to_contact", "other"}
	FailReasons   = []string{"did_not_attend", "dropped_out"}
)

// ConnectionMove asks for a connection's status to change.
type ConnectionMove struct {
	Status ConnectionStatus `json:"status"`
	Reason string           `json:"reason"`
	Note   string           `json:"note"`
}

// Validate checks that a rejection or failure carries its coded reason.
func (m *ConnectionMove) Validate() error {
	p := directory.Problems{}
	if _, err := ParseConnectionStatus(string(m.Status)); err != nil {
		p.Add("status", "%s", err.Error())
	}
	reasons := map[ConnectionStatus][]string{ConnectionRejected: RejectReasons, ConnectionFailed: FailReasons}[m.Status]
	checkReason(p, reasons, m.Reason, m.Note, "rejecting or failing")
	return p.Err()
}

// names lists the statuses of all that keep is true for, for SQL to match.
func names[T ~string](all []T, keep func(T) bool) []string {
	var out []string
	for _, s := range all {
		if keep(s) {
			out = append(out, string(s))
		}
	}
	return out
}

func parseName[T ~string](s string, all []T) (T, error) {
	names := make([]string, len(all))
	for i, x := range all {
		if string(x) == s {
			return x, nil
		}
		names[i] = string(x)
	}
	return "", fmt.Errorf("must be one of %s", strings.Join(names, ", "))
}

// Ended reports whether a referral at s is over: declined, redirected or
// closed.
func (s Status) Ended() bool { return len(referralMoves[s]) == 0 }

// cannotMove refuses a status change the workflow does not have.
func cannotMove(what string, from, to any) error {
	return &directory.Refusal{Code: ReasonInvalidTransition,
		Message: fmt.Sprintf("a %s that is %s cannot become %s", what, from, to)}
}
