package web

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"kith/referral"
)

// closeView is closure: the message back to the referrer as it stands, and
// the form that closes the referral with a reason.
type closeView struct {
	lwHead
	Summary  referral.Summary
	Reasons  []option
	CanClose bool
	FollowUp bool // a follow-up wellbeing measure has been taken
}

func (s *server) closePage(c *fiber.Ctx) error {
	ctx, r, err := s.openReferral(c)
	if err != nil {
		return err
	}
	return s.renderClose(c, ctx, r, fiber.StatusOK, s.view(c, "Close"))
}

func (s *server) renderClose(c *fiber.Ctx, ctx context.Context, r referral.Referral, status int, v *view) error {
	sum, err := s.ref.Summary(ctx, r.ID)
	if err != nil {
		return err
	}
	d := closeView{lwHead: newHead(r, "close"), Summary: sum, Reasons: options("close", referral.CloseReasons),
		CanClose: r.Status.CanMove(referral.StatusClosed)}
	for _, o := range sum.Outcomes {
		d.FollowUp = d.FollowUp || o.FollowUp != nil
	}
	v.Title, v.Data = "Close the referral for "+r.Person.Name, d
	if r.Status.Ended() {
		v.Title = "Message back for " + r.Person.Name
	}
	return s.render(c, status, "lw_close", v)
}

var closeLabels = []fieldLabel{{"reason", "Reason for closing"}, {"note", "Final notes"}}

func (s *server) closePost(c *fiber.Ctx) error {
	ctx, r, v, err := s.postedReferral(c, "Close")
	if err != nil {
		return err
	}
	m := referral.Move{Status: referral.StatusClosed, Reason: v.Form.Value("reason"), Note: v.Form.Value("note")}
	if m.Reason == "" {
		v.Form.Fail("reason", "Choose why the referral is closing")
	}
	if err := m.Validate(); !absorbLabelled(v.Form, err, closeLabels, nil) {
		return err
	}
	if v.Form.Valid() {
		_, err := s.ref.Move(ctx, r.ID, m)
		if err == nil {
			flash(c, "Referral closed. Send the message below to the referrer.")
			return redirect(c, referralPath(r.ID)+"/close")
		}
		if !absorbLabelled(v.Form, err, closeLabels, nil) {
			return err
		}
	}
	return s.renderClose(c, ctx, r, fiber.StatusUnprocessableEntity, v)
}
