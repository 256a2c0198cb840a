package web

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"kith/referral"
)

// contactsView is the contacts log and the form to add one.
type contactsView struct {
	lwHead
	Contacts []referral.Contact
	Kinds    []option
	Open     bool
}

func (s *server) contactsPage(c *fiber.Ctx) error {
	ctx, r, err := s.openReferral(c)
	if err != nil {
		return err
	}
	v := s.view(c, "Contacts")
	v.Form.Set("at", londonNow(s.now()))
	v.Form.Set("kind", "phone")
	return s.renderContacts(c, ctx, r, fiber.StatusOK, v)
}

func (s *server) renderContacts(c *fiber.Ctx, ctx context.Context, r referral.Referral, status int, v *view) error {
	list, err := s.ref.Contacts(ctx, r.ID)
	if err != nil {
		return err
	}
	v.Title = "Contacts with " + r.Person.Name
	v.Data = contactsView{lwHead: newHead(r, "contacts"), Contacts: list, Kinds: options("contact", referral.ContactKinds),
		Open: !r.Status.Ended()}
	return s.render(c, status, "lw_contacts", v)
}

var contactLabels = []fieldLabel{
	{"kind", "Type of contact"}, {"at", "Date and time"}, {"duration_minutes", "How long"}, {"notes", "Notes"},
}

func (s *server) contactsPost(c *fiber.Ctx) error {
	ctx, r, v, err := s.postedReferral(c, "Contacts")
	if err != nil {
		return err
	}
	in := referral.ContactInput{Kind: v.Form.Value("kind"), At: v.Form.Value("at"), Notes: v.Form.Value("notes"),
		DurationMinutes: wholeNumber(v.Form, "duration_minutes", "How long", 0),
		DidNotAttend:    v.Form.Value("did_not_attend") == "yes"}
	if in.Kind == "" {
		v.Form.Fail("kind", "Choose the type of contact")
	}
	if err := in.Validate(s.now()); !absorbLabelled(v.Form, err, contactLabels, nil) {
		return err
	}
	if v.Form.Valid() {
		_, err = s.ref.AddContact(ctx, r.ID, in)
		if err == nil {
			flash(c, lwLabel("contact", in.Kind)+" logged.")
			return redirect(c, referralPath(r.ID)+"/contacts")
		}
		if !absorbLabelled(v.Form, err, contactLabels, nil) {
			return err
		}
	}
	return s.renderContacts(c, ctx, r, fiber.StatusUnprocessableEntity, v)
}
