package web

import (
	"cmp"
	"strings"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/referral"
)

// The referral page's forms: move the referral on, assign it, record a
// consent, update a connection. Each posts, and on success redirects back
// to the page with a line saying what happened; a refused or invalid
// change shows the page again with the problem beside its field.

// statusFields names, per status, the form fields its move reads: the
// triage forms sit side by side, so each has its own names.
var statusFields = map[referral.Status]map[string]string{
	referral.StatusDeclined:   {"reason": "decline_reason", "note": "decline_note"},
	referral.StatusRedirected: {"redirected_to": "redirected_to", "note": "redirect_note"},
}

var statusLabels = []fieldLabel{
	{"decline_reason", "Reason"}, {"decline_note", "Why"}, {"redirected_to", "Where to"}, {"redirect_note", "Note"},
}

func (s *server) referralStatusPost(c *fiber.Ctx) error {
	ctx, r, v, err := s.postedReferral(c, "")
	if err != nil {
		return err
	}
	to := referral.Status(v.Form.Value("status"))
	names := statusFields[to]
	m := referral.Move{Status: to, Reason: v.Form.Value(names["reason"]), Note: v.Form.Value(names["note"]),
		RedirectedTo: v.Form.Value(names["redirected_to"])}
	if to == referral.StatusDeclined && m.Reason == "" {
		v.Form.Fail("decline_reason", "Choose why the referral is declined")
		return s.renderReferral(c, ctx, r, fiber.StatusUnprocessableEntity, v)
	}
	moved, err := s.ref.Move(ctx, r.ID, m)
	if err != nil {
		rename := func(k string) string { return cmp.Or(names[k], k) }
		if !absorbLabelled(v.Form, err, statusLabels, rename) {
			return err
		}
		return s.renderReferral(c, ctx, r, fiber.StatusUnprocessableEntity, v)
	}
	flash(c, "The referral is now: "+strings.ToLower(lwLabel("status", string(moved.Status)))+".")
	return redirect(c, referralPath(r.ID))
}

func (s *server) referralAssignPost(c *fiber.Ctx) error {
	ctx, r, v, err := s.postedReferral(c, "")
	if err != nil {
		return err
	}
	moved, err := s.ref.Assign(ctx, r.ID, v.Form.Value("link_worker_id"))
	if err != nil {
		if !v.Form.Absorb(err) {
			return err
		}
		return s.renderReferral(c, ctx, r, fiber.StatusUnprocessableEntity, v)
	}
	flash(c, "Assigned to "+cmp.Or(moved.LinkWorkerName, "nobody")+".")
	return redirect(c, referralPath(r.ID))
}

func (s *server) referralConsentPost(c *fiber.Ctx) error {
	ctx, r, v, err := s.postedReferral(c, "")
	if err != nil {
		return err
	}
	in := referral.ConsentChange{Kind: v.Form.Value("kind"), Given: v.Form.Value("given") == "yes"}
	if g := v.Form.Value("given"); g != "yes" && g != "no" {
		v.Form.Fail("given", "Say whether they gave or withdrew consent")
		return s.renderReferral(c, ctx, r, fiber.StatusUnprocessableEntity, v)
	}
	if _, err := s.ref.RecordConsent(ctx, r.ID, in); err != nil {
		if !v.Form.Absorb(err) {
			return err
		}
		return s.renderReferral(c, ctx, r, fiber.StatusUnprocessableEntity, v)
	}
	flash(c, "Consent recorded.")
	return redirect(c, referralPath(r.ID))
}

// connectionMovePost updates one of the referral's connections: the link
// worker withdraws it or reports how the person is getting on.
func (s *server) connectionMovePost(c *fiber.Ctx) error {
	ctx, r, v, err := s.postedReferral(c, "")
	if err != nil {
		return err
	}
	connID := strings.Clone(c.Params("conn"))
	if !directory.ValidID(connID) {
		return directory.ErrNotFound
	}
	conn, err := s.ref.Connection(ctx, connID)
	if err != nil {
		return err
	}
	if conn.ReferralID != r.ID {
		return directory.ErrNotFound
	}
	to, why, _ := strings.Cut(v.Form.Value("status"), ":")
	task, err := s.ref.MoveConnection(ctx, connID, referral.ConnectionMove{Status: referral.ConnectionStatus(to), Reason: why})
	if err != nil {
		if !v.Form.Absorb(err) {
			return err
		}
		return s.renderReferral(c, ctx, r, fiber.StatusUnprocessableEntity, v)
	}
	flash(c, task.ServiceName+": "+strings.ToLower(lwLabel("connection", string(task.Status)))+".")
	return redirect(c, referralPath(r.ID))
}
