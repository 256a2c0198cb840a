package web

import (
	"cmp"
	"context"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/referral"
)

// The link worker's pages: caseload, referral intake, the referral page and
// its sub-pages (contacts, plan, connect, outcomes, closure). Every read of a
// person's data goes through a referral.Store method, which audits it under
// the page's route.

func init() {
	templateFuncs["lwLabel"] = lwLabel
	templateFuncs["lwTag"] = lwTag
	templateFuncs["lwDay"] = longDay
}

// forLinkWorkers lets only link workers onto these pages: admins hold no
// caseload, and see person data only where the store lets them.
var forLinkWorkers = pageFor(directory.RoleLinkWorker)

// lwLabels are the words people read for the codes the referral package
// stores, by kind of code.
var lwLabels = map[string]map[string]string{
	"status": {
		"received": "Received", "accepted": "Accepted", "declined": "Declined", "redirected": "Redirected",
		"first_contact": "First contact made", "assessed": "Assessed", "plan_agreed": "Plan agreed",
		"active": "Active", "closed": "Closed",
	},
	"flag": {
		referral.FlagOverdueFirstContact: "First contact overdue", referral.FlagNoRecentContact: "No contact for 21 days",
		referral.FlagPast12Weeks: "Past 12 weeks", referral.FlagConnectionOverdue: "Group not answered",
	},
	"source": {
		"gp_practice": "GP practice", "pharmacy": "Pharmacy", "hospital_discharge": "Hospital discharge",
		"allied_health_professional": "Allied health professional", "social_care": "Social care",
		"housing": "Housing", "police": "Police", "fire_service": "Fire and rescue service",
		"job_centre": "Jobcentre", "vcse": "Voluntary or community group", "education": "School or college",
		"self_referral": "Self-referral", "other": "Other",
	},
	"urgency":    {"routine": "Routine", "urgent": "Urgent", "asap": "As soon as possible"},
	"contact_by": {"phone": "Phone call", "text": "Text message", "email": "Email", "letter": "Letter"},
	"decline": {
		"person_declined": "The person did not want support", "not_eligible": "Not eligible",
		"unable_to_contact": "Could not contact the person", "duplicate": "Duplicate referral", "other": "Other",
	},
	"close": {
		"goals_met": "Goals met", "disengaged": "Stopped taking part", "moved_away": "Moved away",
		"declined_later": "Did not want further support", "deceased": "Died", "other": "Other",
	},
	"contact": {
		"phone": "Phone call", "face_to_face": "Face to face", "home_visit": "Home visit", "video": "Video call",
		"text": "Text messages", "accompanied": "Went with them to a first session",
	},
	"connection": {
		"waitlisted": "On the waiting list", "requested": "Requested", "accepted": "Accepted by the group",
		"rejected": "Turned down", "cancelled": "Withdrawn", "in_progress": "Attending",
		"completed": "Completed", "failed": "Did not continue",
	},
	"connection_reason": {
		"no_capacity": "no places", "not_eligible": "not eligible", "out_of_area": "out of the group's area",
		"unable_to_contact": "could not reach the person", "other": "other reason",
		"did_not_attend": "did not attend", "dropped_out": "dropped out",
	},
	"plain_connection": {
		"waitlisted": "I am on the waiting list", "requested": "we have asked them to take me on",
		"accepted": "they are expecting me", "rejected": "they could not take me", "cancelled": "not going ahead",
		"in_progress": "I am going", "completed": "I have finished", "failed": "I stopped going",
	},
	"consent": {
		"referral": "To be referred to the link worker", "share_gp": "For their GP to hear how it went",
		"share_services": "To share their details with the groups they are connected to",
	},
	"measure": {
		referral.MeasureONS4:    "ONS4 personal wellbeing",
		referral.MeasureSWEMWBS: "Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)",
	},
	"stage": {"baseline": "Baseline", "follow_up": "Follow-up"},
}

// lwLabel is the template function lwLabel: the words for a code, or the
// code with its underscores as spaces when it has none.
func lwLabel(kind, code string) string {
	if l, ok := lwLabels[kind][code]; ok {
		return l
	}
	return strings.ReplaceAll(code, "_", " ")
}

// lwTagColours colours statuses and flags by how much they ask of the
// link worker: red and orange need action today.
var lwTagColours = map[string]string{
	"received": "yellow", "accepted": "aqua-green", "first_contact": "aqua-green", "assessed": "purple",
	"plan_agreed": "purple", "active": "green", "closed": "grey", "declined": "red", "redirected": "orange",
	referral.FlagOverdueFirstContact: "red", referral.FlagNoRecentContact: "orange",
	referral.FlagPast12Weeks: "yellow", referral.FlagConnectionOverdue: "orange",
	"waitlisted": "yellow", "requested": "blue", "rejected": "red", "cancelled": "grey", "in_progress": "green",
	"completed": "green", "failed": "grey",
}

// lwTag is the template function lwTag: the nhsuk-tag modifier for a code.
func lwTag(code string) string {
	if c, ok := lwTagColours[code]; ok {
		return "nhsuk-tag--" + c
	}
	return "nhsuk-tag--grey"
}

// options turns codes into select or radio options with their labels.
func options[T ~string](kind string, codes []T) []option {
	out := make([]option, len(codes))
	for i, c := range codes {
		out[i] = option{Value: string(c), Label: lwLabel(kind, string(c))}
	}
	return out
}

// lwHead is what every referral page shows above its own content: whose
// referral it is, where it stands and the links between its pages.
type lwHead struct {
	Ref     referral.Referral
	Section string
	Tabs    []navItem
}

// lwSections are the referral's pages, in the order the work goes.
var lwSections = []struct{ key, label, path string }{
	{"overview", "Overview", ""}, {"contacts", "Contacts", "/contacts"}, {"plan", "Plan", "/plan"},
	{"connect", "Connect", "/connect"}, {"outcomes", "Outcomes", "/outcomes"}, {"close", "Close", "/close"},
}

func newHead(r referral.Referral, section string) lwHead {
	h := lwHead{Ref: r, Section: section}
	for _, s := range lwSections {
		h.Tabs = append(h.Tabs, navItem{Label: s.label, Href: referralPath(r.ID) + s.path, Current: s.key == section})
	}
	return h
}

func referralPath(id string) string { return "/app/referrals/" + id }

// openReferral reads the referral named by :id for one of its pages,
// returning the audited context the page's other reads go through.
func (s *server) openReferral(c *fiber.Ctx) (context.Context, referral.Referral, error) {
	id, err := idParam(c)
	if err != nil {
		return nil, referral.Referral{}, err
	}
	ctx := s.person(c)
	r, err := s.ref.Referral(ctx, id)
	return ctx, r, err
}

// postedReferral opens the referral named by :id for a form posted to one
// of its pages, with the posted values in the view's form. An empty title
// is the person's name.
func (s *server) postedReferral(c *fiber.Ctx, title string) (context.Context, referral.Referral, *view, error) {
	ctx, r, err := s.openReferral(c)
	if err != nil {
		return nil, r, nil, err
	}
	v := s.view(c, cmp.Or(title, r.Person.Name))
	v.Form = formOf(c)
	return ctx, r, v, nil
}

// people counts people: "1 person", "3 people".
func people(n int) string {
	if n == 1 {
		return "1 person"
	}
	return strconv.Itoa(n) + " people"
}

// me is the signed-in link worker; pageFor has made sure there is one.
func me(c *fiber.Ctx) *directory.User { return directory.UserFrom(c.UserContext()) }
