package web

import (
	"context"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"kith/directory"
	"kith/referral"
)

// newReferralView is the new-referral form's choices.
type newReferralView struct {
	Birth      dateField
	Needs      []needGroup
	Sources    []option
	Urgencies  []option
	ContactBys []option
}

// needGroup is a top-level need and the needs filed under it, for a form
// that shows the taxonomy as it is organised.
type needGroup struct {
	directory.Term
	Children []directory.Term
}

// needGroups arranges the taxonomy's terms under their top-level terms.
func needGroups(terms []directory.Term) []needGroup {
	var out []needGroup
	at := map[string]int{}
	for _, t := range terms {
		if t.ParentID == nil {
			at[t.ID] = len(out)
			out = append(out, needGroup{Term: t})
		}
	}
	for _, t := range terms {
		if t.ParentID != nil {
			if i, ok := at[*t.ParentID]; ok {
				out[i].Children = append(out[i].Children, t)
			}
		}
	}
	return out
}

func (s *server) newReferralData(ctx context.Context, f *form) (newReferralView, error) {
	terms, err := s.dir.Terms(ctx)
	birth := newDateField(f, "person.date_of_birth", "Date of birth", "For example, 14 6 1951", "")
	sources := append([]option{{Value: "", Label: "Choose one"}}, options("source", referral.Sources)...)
	return newReferralView{Birth: birth, Needs: needGroups(terms), Sources: sources,
		Urgencies: options("urgency", referral.Urgencies), ContactBys: options("contact_by", referral.ContactRoutes)}, err
}

func (s *server) newReferralPage(c *fiber.Ctx) error {
	v := s.view(c, "New referral")
	v.Form.Set("idempotency_key", uuid.NewString())
	v.Form.Set("person.contact_by", "phone")
	v.Form.Set("urgency", "routine")
	return s.renderNewReferral(c, fiber.StatusOK, v)
}

func (s *server) renderNewReferral(c *fiber.Ctx, status int, v *view) error {
	data, err := s.newReferralData(c.UserContext(), v.Form)
	if err != nil {
		return err
	}
	v.Data, v.Back = data, "/app/caseload"
	return s.render(c, status, "lw_referral_new", v)
}

// referralLabels names the new-referral form's fields, in its order.
var referralLabels = []fieldLabel{
	{"person.name", "Full name"}, {"person.date_of_birth", "Date of birth"}, {"person.nhs_number", "NHS number"},
	{"person.postcode", "Postcode"}, {"person.contact_by", "How they would like to be contacted"},
	{"person.phone", "Phone number"}, {"person.email", "Email address"}, {"person.address", "Address"},
	{"person.contact_notes", "Notes on contacting them"}, {"person.language", "Language"},
	{"source", "Who referred them"}, {"referrer.name", "Referrer's name"},
	{"referrer.organisation", "Referrer's organisation"}, {"referrer.phone", "Referrer's phone number"},
	{"referrer.email", "Referrer's email address"}, {"needs", "Needs"}, {"reason", "Reason for referral"},
	{"urgency", "Urgency"}, {"consent.referral", "Consent"}, {"consent.recorded_by", "Who took their consent"},
	{"consent.given_at", "When consent was given"},
}

func (s *server) newReferralPost(c *fiber.Ctx) error {
	v := s.view(c, "New referral")
	v.Form = formOf(c)
	in := referralFrom(v.Form)
	if in.Source == "" {
		v.Form.Fail("source", "Choose who referred them")
	}
	if len(in.Needs) == 0 {
		v.Form.Fail("needs", "Choose at least one thing the person would like help with")
	}
	if err := in.Validate(s.now()); !absorbLabelled(v.Form, err, referralLabels, nil) {
		return err
	}
	if !v.Form.Valid() {
		return s.renderNewReferral(c, fiber.StatusUnprocessableEntity, v)
	}
	r, _, err := s.ref.CreateReferral(s.person(c), in, v.Form.Value("idempotency_key"))
	if err != nil {
		if absorbLabelled(v.Form, err, referralLabels, nil) {
			return s.renderNewReferral(c, fiber.StatusUnprocessableEntity, v)
		}
		return err
	}
	flash(c, "Referral for "+r.Person.Name+" added. Accept, decline or redirect it below.")
	return redirect(c, referralPath(r.ID))
}

// referralFrom reads the new-referral form. The date of birth comes in three
// boxes; a date that is not real is reported on the form and left out.
func referralFrom(f *form) referral.ReferralInput {
	yes := func(name string) bool { return f.Value(name) == "yes" }
	return referral.ReferralInput{
		Person: referral.PersonInput{
			Name: f.Value("person.name"), DateOfBirth: dateValue(f, "person.date_of_birth",
				"Date of birth must be a real date, with the day, month and year as numbers, like 14 6 1951"),
			NHSNumber: f.Value("person.nhs_number"), Postcode: f.Value("person.postcode"),
			Phone: f.Value("person.phone"), Email: f.Value("person.email"), Address: f.Value("person.address"),
			ContactBy: f.Value("person.contact_by"), ContactNotes: f.Value("person.contact_notes"),
			Language: f.Value("person.language"), Interpreter: yes("person.interpreter"),
		},
		Source: f.Value("source"),
		Referrer: referral.Referrer{Name: f.Value("referrer.name"), Organisation: f.Value("referrer.organisation"),
			Phone: f.Value("referrer.phone"), Email: f.Value("referrer.email")},
		Needs:   f.Values("needs"),
		Reason:  f.Value("reason"),
		Urgency: f.Value("urgency"),
		Consent: referral.ConsentInput{Referral: yes("consent.referral"), ShareGP: yes("consent.share_gp"),
			ShareServices: yes("consent.share_services"), RecordedBy: f.Value("consent.recorded_by")},
	}
}
