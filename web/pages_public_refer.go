package web

import (
	"net/url"
	"regexp"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/referral"
)

// referWords names the self-referral form's fields in its error messages.
var referWords = []fieldWords{
	{Name: "person.name", Label: "Full name", Missing: "Enter your full name"},
	{Name: "person.date_of_birth", Label: "Date of birth", Missing: "Enter your date of birth"},
	{Name: "person.postcode", Label: "Postcode", Missing: "Enter your postcode"},
	{Name: "person.contact_by", Missing: "Select how you would like to be contacted"},
	{Name: "person.phone", Label: "Phone number", Missing: "Enter a phone number, so a link worker can call or text you"},
	{Name: "person.email", Label: "Email address", Missing: "Enter your email address, so a link worker can email you"},
	{Name: "person.address", Label: "Address", Missing: "Enter your address, so a link worker can write to you"},
	{Name: "person.contact_notes", Label: "Best times to contact you"},
	{Name: "needs", Missing: "Select at least one thing you would like help with"},
	{Name: "reason", Label: "What you tell us"},
	{Name: "consent"},
}

// publicReferView is the self-referral form for one service.
type publicReferView struct {
	Service  directory.Service
	Needs    []option
	Birth    dateField
	Contact  []option
	Sharing  pubChecks
	Consent  []option
	Returned string // the reference, on the page after sending
}

func (s *server) publicRefer(c *fiber.Ctx) error {
	svc, err := s.findService(c)
	if err != nil {
		return err
	}
	v := s.view(c, "Refer yourself")
	for _, cat := range svc.Categories {
		v.Form.values.Add("needs", cat.Code)
	}
	v.Form.Set("person.contact_by", "phone")
	return s.renderRefer(c, fiber.StatusOK, v, svc)
}

func (s *server) publicReferPost(c *fiber.Ctx) error {
	svc, err := s.findService(c)
	if err != nil {
		return err
	}
	v := s.view(c, "Refer yourself")
	v.Form = formOf(c)
	in := selfReferralFrom(v.Form, svc)
	rec, err := s.ref.SelfRefer(s.person(c), in)
	if err == nil && v.Form.Valid() {
		flash(c, rec.Message)
		return redirect(c, "/services/"+svc.ID+"/refer/sent?reference="+url.QueryEscape(rec.Reference))
	}
	if err != nil && !absorbPlain(v.Form, err, referWords) {
		return err
	}
	return s.renderRefer(c, fiber.StatusUnprocessableEntity, v, svc)
}

// selfReferralFrom reads the form into the store's input. The service the
// person found goes at the top of their reason, so the link worker who
// triages it knows where they started.
func selfReferralFrom(f *form, svc directory.Service) referral.SelfReferralInput {
	reason := "Asked about " + svc.Name + " (" + svc.OrganisationName + ") on Kith."
	if more := f.Value("reason"); more != "" {
		reason += "\n\n" + more
	}
	return referral.SelfReferralInput{
		Person: referral.PersonInput{
			Name: f.Value("person.name"), DateOfBirth: dateValue(f, "person.date_of_birth", "Date of birth must be a real date, for example 15 3 1984"), Postcode: f.Value("person.postcode"),
			ContactBy: f.Value("person.contact_by"), Phone: f.Value("person.phone"), Email: f.Value("person.email"),
			Address: f.Value("person.address"), ContactNotes: f.Value("person.contact_notes"),
		},
		Needs: f.Values("needs"), Reason: reason, Consent: f.Value("consent") != "",
		ShareGP: f.Value("share_gp") != "", ShareServices: f.Value("share_services") != "",
	}
}

func (s *server) renderRefer(c *fiber.Ctx, status int, v *view, svc directory.Service) error {
	terms, err := s.dir.Terms(c.UserContext())
	if err != nil {
		return err
	}
	f := v.Form
	d := &publicReferView{Service: svc,
		Birth:   newDateField(f, "person.date_of_birth", "Date of birth", "For example, 15 3 1984", "bday"),
		Contact: []option{{"phone", "Phone call"}, {"text", "Text message"}, {"email", "Email"}, {"letter", "Letter"}},
		Consent: []option{{"yes", "Yes, a link worker can contact me about this referral"}},
		Sharing: pubChecks{Legend: "Who else can know about this referral? (optional)", Checks: []pubCheck{
			{Name: "share_gp", Label: "My GP practice can be told that I have been referred", Checked: f.Value("share_gp") != ""},
			{Name: "share_services", Label: "Groups a link worker refers me to can have my name and how to contact me", Checked: f.Value("share_services") != ""},
		}}}
	seen := map[string]bool{}
	for _, cat := range svc.Categories {
		d.Needs, seen[cat.Code] = append(d.Needs, option{cat.Code, cat.Name}), true
	}
	for _, t := range terms {
		if t.ParentID == nil && !seen[t.Code] {
			d.Needs = append(d.Needs, option{t.Code, t.Name})
		}
	}
	v.Data, v.Back = d, "/services/"+svc.ID
	return s.render(c, status, "public_refer", v)
}

var referenceForm = regexp.MustCompile(`^[0-9A-F]{8}$`)

// publicReferSent is "what happens next", after a self-referral is sent.
// Without a reference there is nothing to confirm, so back to the form.
func (s *server) publicReferSent(c *fiber.Ctx) error {
	svc, err := s.findService(c)
	if err != nil {
		return err
	}
	ref := c.Query("reference")
	if !referenceForm.MatchString(ref) {
		return c.Redirect("/services/"+svc.ID+"/refer", fiber.StatusSeeOther)
	}
	v := s.view(c, "Your self-referral has been sent")
	v.Data = &publicReferView{Service: svc, Returned: ref}
	return s.render(c, fiber.StatusOK, "public_refer_sent", v)
}
