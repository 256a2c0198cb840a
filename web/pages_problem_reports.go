package web

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

// problemReportsView is the moderators' list of problem reports.
type problemReportsView struct {
	Reports []problemReportRow
	Total   int
	All     bool // resolved reports too
	Pages   pubPages
}

type problemReportRow struct {
	directory.ProblemReport
	KindWords string
	Safety    bool
}

const problemReportsPerPage = 50

// problemReportsPage lists what the public has reported about listings,
// open reports first, for admins and QA reviewers to act on.
func (s *server) problemReportsPage(c *fiber.Ctx) error {
	return s.renderProblemReports(c, fiber.StatusOK, s.view(c, "Problems reported with listings"))
}

func (s *server) renderProblemReports(c *fiber.Ctx, status int, v *view) error {
	limit, offset, err := page(c, problemReportsPerPage, problemReportsPerPage)
	if err != nil {
		return err
	}
	all := c.Query("all") != ""
	p, err := s.dir.ProblemReports(c.UserContext(), directory.ProblemReportFilter{OpenOnly: !all, Limit: limit, Offset: offset})
	if err != nil {
		return err
	}
	d := &problemReportsView{Total: p.Total, All: all}
	for _, r := range p.Items {
		d.Reports = append(d.Reports, problemReportRow{ProblemReport: r, KindWords: labelOf(pubProblemKinds, r.Kind), Safety: r.Kind == "safety_concern"})
	}
	here := "/app/admin/reports"
	if all {
		here += "?all=yes"
	}
	d.Pages = pagesOf(here, "reports", offset, limit, p.Total)
	v.Data = d
	return s.render(c, status, "problem_reports", v)
}

// resolveProblemReportPost closes a report. One another moderator closed
// first needs nothing more, so it is said and the list shown again.
func (s *server) resolveProblemReportPost(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	f := formOf(c)
	_, err = s.dir.ResolveProblemReport(c.UserContext(), id, f.Value("resolution"))
	switch {
	case err == nil:
		flash(c, "Report marked as resolved")
	case errors.Is(err, directory.ErrConflict):
		flash(c, "That report had already been resolved")
	default:
		p := problemsOf(err)
		if p == nil {
			return err
		}
		v := s.view(c, "Problems reported with listings")
		v.Form = f
		v.Form.Fail("resolution-"+id, "What was done "+p["resolution"])
		return s.renderProblemReports(c, fiber.StatusUnprocessableEntity, v)
	}
	return redirect(c, "/app/admin/reports")
}
