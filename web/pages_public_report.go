package web

import (
	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

// reportWords names the problem report form's fields in its error messages.
var reportWords = []fieldWords{
	{Name: "kind", Missing: "Select what is wrong with the listing"},
	{Name: "details", Label: "What is wrong", Missing: "Tell us what is wrong with the listing"},
	{Name: "email", Label: "Email address"},
}

// pubProblemKinds are directory.ProblemKinds in words.
var pubProblemKinds = []option{
	{"wrong_details", "Some details are wrong, such as the times, place or contact details"},
	{"closed", "The group has closed or stopped meeting"},
	{"safety_concern", "I am worried about someone's safety"},
	{"other", "Something else"},
}

// publicReportView is "report a problem with this listing".
type publicReportView struct {
	Service directory.Service
	Kinds   []option
}

func (s *server) publicReport(c *fiber.Ctx) error {
	svc, err := s.findService(c)
	if err != nil {
		return err
	}
	return s.renderReport(c, fiber.StatusOK, s.view(c, "Report a problem with this listing"), svc)
}

func (s *server) publicReportPost(c *fiber.Ctx) error {
	svc, err := s.findService(c)
	if err != nil {
		return err
	}
	v := s.view(c, "Report a problem with this listing")
	v.Form = formOf(c)
	in := directory.ProblemReportInput{Kind: v.Form.Value("kind"), Details: v.Form.Value("details"), Email: v.Form.Value("email")}
	_, err = s.dir.ReportProblem(c.UserContext(), svc.ID, in)
	if err == nil {
		flash(c, "Thank you for telling us. Kith's moderators will check this listing.")
		return redirect(c, "/services/"+svc.ID)
	}
	if !absorbPlain(v.Form, err, reportWords) {
		return err
	}
	return s.renderReport(c, fiber.StatusUnprocessableEntity, v, svc)
}

func (s *server) renderReport(c *fiber.Ctx, status int, v *view, svc directory.Service) error {
	v.Data, v.Back = &publicReportView{Service: svc, Kinds: pubProblemKinds}, "/services/"+svc.ID
	return s.render(c, status, "public_report", v)
}
