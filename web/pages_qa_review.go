package web

import (
	"cmp"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/qa"
)

// The QA reviewer's pages: the queue of organisations with evidence
// waiting, oldest first, and one organisation's evidence to verify or
// reject with a reason. Nobody reviews evidence they provided (the store's
// four-eyes rule); the page says so instead of offering the buttons.

const qaQueuePageSize = 50

type qaQueueView struct {
	Entries       []qaQueueRow
	Organisations int
	Items         int
	From, To      int
	Pager         vcsePager
}

type qaQueueRow struct {
	ID, Name, Oldest, Waiting string
	Items, Files              int
}

func (s *server) qaQueuePage(c *fiber.Ctx) error {
	offset, err := intParam(c, "offset", 0, 0, 1_000_000)
	if err != nil {
		return err
	}
	sub, err := s.qa.Submissions(c.UserContext(), qaQueuePageSize, offset)
	if err != nil {
		return err
	}
	p := qaQueueView{Organisations: sub.Organisations, Items: sub.Items, From: offset + 1, To: offset + len(sub.Entries)}
	for _, e := range sub.Entries {
		p.Entries = append(p.Entries, qaQueueRow{ID: e.OrganisationID, Name: e.OrganisationName, Items: e.Items, Files: e.Files,
			Oldest: londonTime(e.Oldest), Waiting: ago(e.Oldest)})
	}
	p.Pager = vcsePager{PreviousLabel: "Waiting longer", NextLabel: "Sent more recently"}
	if offset > 0 {
		p.Pager.Previous = "/app/qa?offset=" + strconv.Itoa(max(0, offset-qaQueuePageSize))
	}
	if p.To < sub.Organisations {
		p.Pager.Next = "/app/qa?offset=" + strconv.Itoa(p.To)
	}
	v := s.view(c, "Evidence waiting for review")
	v.Data = p
	return s.render(c, fiber.StatusOK, "qa-queue", v)
}

type qaReviewView struct {
	Org     directory.Organisation
	Waiting []qaReviewCard
	Others  []qaReviewCard
	Tiers   []qaTierLine
}

// qaReviewCard is one checklist item with the answer waiting for review.
type qaReviewCard struct {
	Key, Title, Guidance, Required string
	State                          vcseTag
	Note                           string
	ResponseID                     string
	Answers                        []vcseLine
	Evidence                       qaEvidenceList
	Submitted                      string
	Own                            bool
	Current                        string
}

func (s *server) qaReviewPage(c *fiber.Ctx) error {
	return s.renderQAReview(c, fiber.StatusOK, newForm(nil))
}

func (s *server) renderQAReview(c *fiber.Ctx, status int, f *form) error {
	org, err := s.organisationParam(c)
	if err != nil {
		return err
	}
	a, err := s.qa.Assessment(c.UserContext(), org.ID)
	if err != nil {
		return err
	}
	me := directory.UserFrom(c.UserContext())
	own := qaProvidedBy(a.Events, me.ID)
	p := qaReviewView{Org: org, Tiers: qaTierLines(a.Assurance)}
	for _, st := range a.Items {
		it := s.qaReviewCard(st, own)
		if st.State == qa.StateSubmitted {
			p.Waiting = append(p.Waiting, it)
		} else {
			p.Others = append(p.Others, it)
		}
	}
	v := s.view(c, "Review: "+org.Name)
	v.Form, v.Back, v.Data = f, "/app/qa", p
	return s.render(c, status, "qa-review", v)
}

// qaProvidedBy lists the responses the user saved, uploaded to or submitted:
// the ones the four-eyes rule keeps them from reviewing.
func qaProvidedBy(events []qa.Event, userID string) map[string]bool {
	out := map[string]bool{}
	for _, e := range events {
		if e.ActorID != nil && *e.ActorID == userID && e.ResponseID != nil &&
			(e.Action == "saved" || e.Action == "uploaded" || e.Action == "submitted") {
			out[*e.ResponseID] = true
		}
	}
	return out
}

func (s *server) qaReviewCard(st qa.ItemState, own map[string]bool) qaReviewCard {
	it := qaReviewCard{Key: st.Key, Title: st.Title, Guidance: st.Guidance, Required: qaRequiredNames[st.RequiredFrom]}
	if it.Required == "" {
		it.Required = "Optional"
	}
	it.State, it.Note = s.qaItemState(st)
	if st.Current != nil && st.Current.ExpiresAt != nil && st.State != qa.StateVerified {
		it.Current = "Earlier evidence is verified until " + londonDate(*st.Current.ExpiresAt) + "."
	}
	r := st.Latest
	if r == nil {
		return it
	}
	it.ResponseID, it.Own, it.Answers = r.ID, own[r.ID], qaAnswerLines(st.Item, *r)
	it.Evidence = qaEvidenceOf(r.Evidence, true)
	if r.SubmittedAt != nil {
		it.Submitted = londonTime(*r.SubmittedAt)
	}
	return it
}

// qaAnswerLines are the answers an organisation gave, as the item asks for
// them.
func qaAnswerLines(it qa.Item, r qa.Response) []vcseLine {
	var out []vcseLine
	if it.Needs(qa.NeedsReference) {
		out = append(out, vcseLine{Label: cmp.Or(it.ReferenceLabel, "Reference"), Value: cmp.Or(r.Reference, "Not given")})
	}
	if it.Needs(qa.NeedsDate) {
		out = append(out, vcseLine{Label: cmp.Or(it.DateLabel, "Date"), Value: cmp.Or(isoDateText(r.EvidenceDate), "Not given")})
	}
	if it.Needs(qa.NeedsAttestation) {
		answer := "Not answered"
		if r.Attestation != nil {
			answer = map[bool]string{true: "Yes", false: "No"}[*r.Attestation] + ", confirmed by " + r.AttestedBy
		}
		out = append(out, vcseLine{Label: "Confirmed", Value: answer})
	}
	return out
}

// qaReviewPost verifies or rejects one answer. A rejection needs a reason
// the organisation will read.
func (s *server) qaReviewPost(c *fiber.Ctx) error {
	org, err := idParam(c)
	if err != nil {
		return err
	}
	f := formOf(c)
	response := f.Value("response")
	if !directory.ValidID(response) {
		return errBadParam("response", "must name the answer to review")
	}
	verify := f.Value("decision") == "verify"
	field := "reason-" + response
	r, err := s.qa.Review(c.UserContext(), response, verify, f.Value(field))
	if err == nil {
		flash(c, qaReviewedMessage(verify, cmp.Or(f.Value("title"), r.ItemKey)))
		return redirect(c, "/app/qa/organisations/"+org)
	}
	if !vcseAbsorb(f, err, func(string, msg string) (string, string) { return field, msg }) {
		return err
	}
	return s.renderQAReview(c, fiber.StatusUnprocessableEntity, f)
}

func qaReviewedMessage(verify bool, title string) string {
	if verify {
		return "You verified “" + title + "”"
	}
	return "You rejected “" + title + "”. The organisation will see your reason."
}
