package web

import (
	"slices"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"kith/referral"
)

// caseloadPageSize is how many people one page of the caseload lists.
const caseloadPageSize = 50

// caseloadView is the caseload page: whose cases, filtered how, and which.
type caseloadView struct {
	Team              bool
	Status, Flag      string
	Total, From, To   int
	People            string
	Prev, Next        string
	Cases             []caseRow
	StatusOpts, Flags []option
	Filtered, Flagged bool
}

// caseRow is one person on the caseload with what to do next.
type caseRow struct {
	referral.Case
	NextAction string
}

func (s *server) caseloadPage(c *fiber.Ctx) error {
	v := s.view(c, "Caseload")
	u := me(c)
	data := caseloadView{Team: c.Query("view") == "team", Status: c.Query("status"), Flag: c.Query("flag"),
		StatusOpts: options("status", referral.Statuses), Flags: options("flag", referral.Flags)}
	f := referral.CaseloadFilter{TeamID: *u.TeamID, Flag: data.Flag, AttentionFirst: true, Limit: caseloadPageSize}
	if !data.Team {
		f.LinkWorkerID = u.ID
	}
	var err error
	if data.Status != "" {
		if f.Status, err = referral.ParseStatus(data.Status); err != nil {
			return errBadParam("status", err.Error())
		}
	}
	if data.Flag != "" && !slices.Contains(referral.Flags, data.Flag) {
		return errBadParam("flag", "is not one of the caseload's flags")
	}
	if f.Offset, err = intParam(c, "offset", 0, 0, 1_000_000); err != nil {
		return err
	}
	p, err := s.ref.Caseload(s.person(c), f)
	if err != nil {
		return err
	}
	data.fill(p, f, v.Path+"?"+string(c.Request().URI().QueryString()))
	v.Data = data
	return s.render(c, fiber.StatusOK, "lw_caseload", v)
}

// fill adds a page of cases and the links to the pages either side.
func (d *caseloadView) fill(p referral.CaseloadPage, f referral.CaseloadFilter, here string) {
	d.Total, d.Filtered = p.Total, d.Status != "" || d.Flag != ""
	d.People = people(p.Total)
	for _, c := range p.Items {
		d.Cases = append(d.Cases, caseRow{Case: c, NextAction: nextAction(c.Status, c.Flags)})
		d.Flagged = d.Flagged || len(c.Flags) > 0
	}
	if len(p.Items) > 0 {
		d.From, d.To = f.Offset+1, f.Offset+len(p.Items)
	}
	if f.Offset > 0 {
		d.Prev = queryWith(here, "offset", strconv.Itoa(max(0, f.Offset-caseloadPageSize)))
	}
	if d.To < p.Total {
		d.Next = queryWith(here, "offset", strconv.Itoa(f.Offset+caseloadPageSize))
	}
}

// nextActions is what a link worker does next at each status.
var nextActions = map[referral.Status]string{
	referral.StatusReceived:     "Triage: accept, decline or redirect",
	referral.StatusAccepted:     "Make a first contact",
	referral.StatusFirstContact: "Have the \u201cwhat matters to me\u201d conversation",
	referral.StatusAssessed:     "Agree a care and support plan",
	referral.StatusPlanAgreed:   "Connect them to groups and services",
	referral.StatusActive:       "Keep in touch and record follow-up wellbeing",
}

// flagActions override the status's next step: a flag is what is late.
// flagOrder is which comes first when a case has several.
var (
	flagOrder = []string{referral.FlagOverdueFirstContact, referral.FlagConnectionOverdue,
		referral.FlagNoRecentContact, referral.FlagPast12Weeks}
	flagActions = map[string]string{
		referral.FlagOverdueFirstContact: "Contact them today: first contact is overdue",
		referral.FlagConnectionOverdue:   "Chase the group for an answer",
		referral.FlagNoRecentContact:     "Get back in touch",
		referral.FlagPast12Weeks:         "Review: is it time to close?",
	}
)

func nextAction(status referral.Status, flags []string) string {
	for _, f := range flagOrder {
		if slices.Contains(flags, f) {
			return flagActions[f]
		}
	}
	if a, ok := nextActions[status]; ok {
		return a
	}
	return "Nothing: the referral has ended"
}
