package web

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/referral"
)

type vcseConnectionPage struct {
	Item     referral.InboxItem
	Person   string
	State    vcseTag
	Received string
	Due      string
	Late     string
	Outcome  string
	Shared   bool
	// Moves are what the service may do next, as the store's transitions
	// allow the provider's side.
	Accept, Decline, Attended, Completed, Failed bool
	RejectReasons, FailReasons                   []option
}

var vcseRejectReasons = map[string]string{
	"no_capacity": "We have no place for them", "not_eligible": "The service is not right for them",
	"out_of_area": "They live outside the area we cover", "unable_to_contact": "We could not reach them",
	"other": "Another reason (say below)",
}

var vcseFailReasons = map[string]string{
	"did_not_attend": "They did not come", "dropped_out": "They came but stopped coming",
}

func (s *server) vcseConnectionPage(c *fiber.Ctx) error {
	return s.renderVCSEConnection(c, fiber.StatusOK, newForm(nil))
}

func (s *server) renderVCSEConnection(c *fiber.Ctx, status int, f *form) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	it, err := s.ref.InboxItem(s.person(c), id)
	if err != nil {
		return err
	}
	it.ContactRoute = sentence(it.ContactRoute)
	p := vcseConnectionPage{Item: it, Person: inboxPerson(it), State: vcseConnectionTags[it.Status],
		Received: londonTime(inboxReceived(it.Task)), Shared: it.PersonName != "", Outcome: vcseOutcome(it.Task),
		RejectReasons: vcseOptions(referral.RejectReasons, vcseRejectReasons),
		FailReasons:   vcseOptions(referral.FailReasons, vcseFailReasons)}
	if it.RespondBy != nil {
		p.Due = isoDateText(*it.RespondBy)
		if due, err := time.Parse(time.DateOnly, *it.RespondBy); err == nil && it.Overdue {
			p.Late = inboxLate(vcseWorkingDaysLate(due, vcseToday(s.now())))
		}
	}
	can := func(to referral.ConnectionStatus) bool { return it.Status.CanMove(to, referral.SideProvider) }
	p.Accept, p.Decline = can(referral.ConnectionAccepted), can(referral.ConnectionRejected)
	p.Attended, p.Completed, p.Failed = can(referral.ConnectionInProgress), can(referral.ConnectionCompleted), can(referral.ConnectionFailed)
	v := s.view(c, "Referral to "+it.ServiceName)
	v.Form, v.Back, v.Data = f, "/app/inbox", p
	return s.render(c, status, "vcse-connection", v)
}

// vcseOutcome says how a connection ended or what the service said, with
// the coded reason in words.
func vcseOutcome(t referral.Task) string {
	switch t.Status {
	case referral.ConnectionRejected:
		return "Declined: " + vcseLowerFirst(vcseRejectReasons[t.StatusReason])
	case referral.ConnectionFailed:
		return vcseLowerFirst(vcseFailReasons[t.StatusReason])
	}
	return ""
}

func vcseLowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// vcseConnectionPost moves the connection on: accept, decline with a reason,
// then whether the person came.
func (s *server) vcseConnectionPost(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	f := formOf(c)
	m := referral.ConnectionMove{Status: referral.ConnectionStatus(f.Value("status")), Reason: f.Value("reason"), Note: f.Value("note")}
	switch {
	case m.Status == referral.ConnectionRejected && m.Reason == "":
		f.Fail("reason", "Choose why you cannot take this person on")
	case m.Status == referral.ConnectionFailed && m.Reason == "":
		f.Fail("reason", "Choose what happened")
	case m.Reason == "other" && m.Note == "":
		f.Fail("note", "Say why, so the link worker can tell the person")
	}
	if f.Valid() {
		_, err = s.ref.MoveConnection(s.person(c), id, m)
		if err == nil {
			flash(c, vcseMovedMessages[m.Status])
			return redirect(c, "/app/connections/"+id)
		}
		if !vcseAbsorb(f, err, vcseLabelled(map[string]string{"reason": "Reason", "note": "Note"})) {
			return err
		}
	}
	return s.renderVCSEConnection(c, fiber.StatusUnprocessableEntity, f)
}

var vcseMovedMessages = map[referral.ConnectionStatus]string{
	referral.ConnectionAccepted:   "You accepted the referral. The link worker can see this now.",
	referral.ConnectionRejected:   "You declined the referral. The link worker will let the person know.",
	referral.ConnectionInProgress: "You recorded that they came along",
	referral.ConnectionCompleted:  "You recorded that they finished",
	referral.ConnectionFailed:     "You recorded that they did not come or stopped coming",
}
