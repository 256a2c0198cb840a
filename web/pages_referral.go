package web

import (
	"context"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/referral"
)

// referralView is the referral page: the person, where the referral
// stands and what may happen next, its connections and unmet needs, and
// everything that has happened, newest first.
type referralView struct {
	lwHead
	Age            int
	Moves          []option
	CanClose       bool
	Ended          string
	Assigned       string
	Workers        []option
	DeclineReasons []option
	ConsentKinds   []option
	Connections    []connectionRow
	Unmet          []referral.UnmetNeed
	Timeline       []lwEvent
}

// connectionRow is one connection with the changes the link worker's side
// may make to it now.
type connectionRow struct {
	referral.Connection
	Moves []option
}

func (s *server) referralPage(c *fiber.Ctx) error {
	ctx, r, err := s.openReferral(c)
	if err != nil {
		return err
	}
	return s.renderReferral(c, ctx, r, fiber.StatusOK, s.view(c, r.Person.Name))
}

// renderReferral draws the referral page for r, with v's form (and its
// problems, after a failed change) in place.
func (s *server) renderReferral(c *fiber.Ctx, ctx context.Context, r referral.Referral, status int, v *view) error {
	d := referralView{lwHead: newHead(r, "overview"), Age: age(r.Person.DateOfBirth, s.now()),
		DeclineReasons: append([]option{{Value: "", Label: "Choose a reason"}}, options("decline", referral.DeclineReasons)...), ConsentKinds: options("consent", referral.ConsentKinds)}
	for _, next := range r.Next {
		if next == referral.StatusClosed {
			d.CanClose = true
		} else {
			d.Moves = append(d.Moves, option{Value: string(next), Label: moveLabels[next]})
		}
	}
	if r.LinkWorkerID != nil {
		d.Assigned = *r.LinkWorkerID
	}
	if r.Status.Ended() {
		d.Ended = endedBecause(r)
	}
	if err := s.referralDetails(ctx, c, &d); err != nil {
		return err
	}
	v.Title, v.Data, v.Back = r.Person.Name, d, "/app/caseload"
	return s.render(c, status, "lw_referral", v)
}

// moveLabels are the buttons that move a referral on from where it is.
var moveLabels = map[referral.Status]string{
	referral.StatusAccepted: "Accept referral", referral.StatusFirstContact: "Record that first contact is made",
	referral.StatusAssessed: "Mark as assessed", referral.StatusPlanAgreed: "Mark the plan as agreed",
	referral.StatusActive: "Mark as active",
}

// endedBecause says how a referral ended: "Closed: goals met".
func endedBecause(r referral.Referral) string {
	out := lwLabel("status", string(r.Status))
	switch {
	case r.RedirectedTo != "":
		out += " to " + r.RedirectedTo
	case r.Status == referral.StatusDeclined:
		out += ": " + strings.ToLower(lwLabel("decline", r.StatusReason))
	case r.StatusReason != "":
		out += ": " + strings.ToLower(lwLabel("close", r.StatusReason))
	}
	return out
}

// referralDetails reads what the page shows besides the referral itself,
// each read audited under the page's route.
func (s *server) referralDetails(ctx context.Context, c *fiber.Ctx, d *referralView) error {
	workers, err := s.dir.TeamLinkWorkers(c.UserContext(), d.Ref.TeamID)
	if err != nil {
		return err
	}
	d.Workers = []option{{Value: "", Label: "Nobody yet"}}
	for _, w := range workers {
		d.Workers = append(d.Workers, option{Value: w.ID, Label: w.Name})
	}
	conns, err := s.ref.Connections(ctx, d.Ref.ID)
	if err != nil {
		return err
	}
	for _, cn := range conns {
		d.Connections = append(d.Connections, connectionRow{Connection: cn, Moves: referrerMoves(cn.Status)})
	}
	if d.Unmet, err = s.ref.UnmetNeeds(ctx, d.Ref.ID); err != nil {
		return err
	}
	events, err := s.ref.Timeline(ctx, d.Ref.ID)
	for _, e := range events {
		d.Timeline = append(d.Timeline, describeEvent(e))
	}
	return err
}

// referrerMoves are the changes a link worker may make to a connection at
// status, as choices; a failure carries its reason in the value.
func referrerMoves(status referral.ConnectionStatus) []option {
	var out []option
	for _, next := range referral.ConnectionStatuses {
		if !status.CanMove(next, referral.SideReferrer) {
			continue
		}
		if next == referral.ConnectionFailed {
			for _, why := range referral.FailReasons {
				out = append(out, option{Value: string(next) + ":" + why, Label: lwLabel("connection_reason", why)})
			}
			continue
		}
		out = append(out, option{Value: string(next), Label: connectionMoveLabels[next]})
	}
	return out
}

var connectionMoveLabels = map[referral.ConnectionStatus]string{
	referral.ConnectionCancelled:  "Withdraw it",
	referral.ConnectionInProgress: "They have started going",
	referral.ConnectionCompleted:  "They have finished",
}

// age is how old someone born on dob (YYYY-MM-DD) is at now in London.
func age(dob string, now time.Time) int {
	d, err := time.Parse(time.DateOnly, dob)
	if err != nil {
		return 0
	}
	y, m, day := now.In(directory.London).Date()
	years := y - d.Year()
	if m < d.Month() || (m == d.Month() && day < d.Day()) {
		years--
	}
	return years
}
