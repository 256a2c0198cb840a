package web

import (
	"fmt"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/referral"
)

// The VCSE's referral inbox and one connection: only the person fields the
// store gives a service (a name and how to reach them, when the person
// agreed to share them), accepting or declining with a reason, then
// recording whether they came. Every view is audited by the store.

const vcseInboxPageSize = 25

type vcseInboxPage struct {
	Overdue  []vcseInboxRow
	Rows     []vcseInboxRow
	Total    int
	Statuses []option
	Status   string
	Pager    vcsePager
	From, To int
}

// vcseInboxRow is one connection as the inbox lists it.
type vcseInboxRow struct {
	ID, Person, Service, Received string
	State                         vcseTag
	Due, Late                     string
}

var vcseConnectionTags = map[referral.ConnectionStatus]vcseTag{
	referral.ConnectionWaitlisted: {"On your waiting list", "nhsuk-tag--blue"},
	referral.ConnectionRequested:  {"Waiting for your answer", "nhsuk-tag--yellow"},
	referral.ConnectionAccepted:   {"Accepted", "nhsuk-tag--green"},
	referral.ConnectionRejected:   {"Declined", "nhsuk-tag--red"},
	referral.ConnectionCancelled:  {"Withdrawn by the link worker", "nhsuk-tag--grey"},
	referral.ConnectionInProgress: {"Attending", "nhsuk-tag--aqua-green"},
	referral.ConnectionCompleted:  {"Completed", "nhsuk-tag--grey"},
	referral.ConnectionFailed:     {"Did not come or stopped coming", "nhsuk-tag--orange"},
}

func (s *server) vcseInboxPage(c *fiber.Ctx) error {
	f := referral.InboxFilter{Limit: vcseInboxPageSize}
	var err error
	if f.Offset, err = intParam(c, "offset", 0, 0, 1_000_000); err != nil {
		return err
	}
	status := c.Query("status")
	if status != "" {
		if f.Status, err = referral.ParseConnectionStatus(status); err != nil {
			return errBadParam("status", err.Error())
		}
	}
	ctx := s.person(c)
	all, err := s.ref.Inbox(ctx, f)
	if err != nil {
		return err
	}
	overdue, err := s.ref.Inbox(ctx, referral.InboxFilter{Overdue: true, Limit: 100})
	if err != nil {
		return err
	}
	p := vcseInboxPage{Overdue: s.vcseInboxRows(overdue.Items), Rows: s.vcseInboxRows(all.Items), Total: all.Total,
		Status: status, Statuses: vcseInboxStatuses()}
	p.From, p.To = f.Offset+1, f.Offset+len(all.Items)
	path := "/app/inbox?" + string(c.Request().URI().QueryString())
	p.Pager = vcsePager{PreviousLabel: "Newer referrals", NextLabel: "Older referrals"}
	if f.Offset > 0 {
		p.Pager.Previous = queryWith(path, "offset", strconv.Itoa(max(0, f.Offset-vcseInboxPageSize)))
	}
	if p.To < all.Total {
		p.Pager.Next = queryWith(path, "offset", strconv.Itoa(p.To))
	}
	v := s.view(c, "Referrals")
	v.Data = p
	return s.render(c, fiber.StatusOK, "vcse-inbox", v)
}

func vcseInboxStatuses() []option {
	out := []option{{Value: "", Label: "All referrals"}}
	for _, st := range referral.ConnectionStatuses {
		out = append(out, option{Value: string(st), Label: vcseConnectionTags[st].Text})
	}
	return out
}

func (s *server) vcseInboxRows(items []referral.InboxItem) []vcseInboxRow {
	today := vcseToday(s.now())
	out := make([]vcseInboxRow, len(items))
	for i, it := range items {
		r := vcseInboxRow{ID: it.ID, Person: inboxPerson(it), Service: it.ServiceName, State: vcseConnectionTags[it.Status],
			Received: londonTime(inboxReceived(it.Task))}
		switch {
		case it.Status == referral.ConnectionWaitlisted:
			r.Due = "When a place comes free"
		case it.RespondedAt != nil:
			r.Due = "Replied " + londonDate(*it.RespondedAt)
		case it.RespondBy == nil:
			r.Due = "No reply needed"
		}
		if it.RespondBy != nil {
			r.Due = isoDateText(*it.RespondBy)
			if due, err := time.Parse(time.DateOnly, *it.RespondBy); err == nil && it.Overdue {
				r.Late = inboxLate(vcseWorkingDaysLate(due, today))
			}
		}
		out[i] = r
	}
	return out
}

func inboxPerson(it referral.InboxItem) string {
	if it.PersonName == "" {
		return "Name not shared"
	}
	return it.PersonName
}

// inboxReceived is when the service was asked: when the place was requested,
// or when the person joined the waiting list.
func inboxReceived(t referral.Task) time.Time {
	if t.RequestedAt != nil {
		return *t.RequestedAt
	}
	return t.CreatedAt
}

// inboxLate says how late a reply is, in working days.
func inboxLate(n int) string {
	if n <= 0 {
		return "Past the reply date"
	}
	return fmt.Sprintf("%s late", plural(n, "working day"))
}
