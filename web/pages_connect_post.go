package web

import (
	"context"
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/referral"
)

// connectPost connects the person to every shortlisted service in one step,
// or records an unmet need when nothing suitable was found. Each
// connection's Idempotency-Key comes from the form and the service, so
// posting the form twice connects once.
func (s *server) connectPost(c *fiber.Ctx) error {
	ctx, r, v, err := s.postedReferral(c, "Connect")
	if err != nil {
		return err
	}
	if v.Form.Value("action") == "unmet" {
		return s.unmetNeedPost(c, ctx, r, v)
	}
	chosen := v.Form.Values("service_id")
	if len(chosen) == 0 {
		v.Form.Fail("service_id", "Shortlist at least one group to connect them to")
	}
	reason := v.Form.Value("reason")
	if reason == "" {
		v.Form.Fail("reason", "Say why you are connecting them, in words the group will read")
	}
	if !v.Form.Valid() {
		return s.renderConnect(c, ctx, r, fiber.StatusUnprocessableEntity, v)
	}
	var made []string
	for _, id := range chosen {
		conn, err := s.connectOne(ctx, r.ID, id, reason, v.Form)
		if err != nil {
			return err
		}
		if conn != nil {
			made = append(made, conn.ServiceName+" ("+strings.ToLower(lwLabel("connection", string(conn.Status)))+")")
		}
	}
	if v.Form.Valid() {
		flash(c, "Connected to "+strings.Join(made, " and ")+".")
		return redirect(c, referralPath(r.ID))
	}
	if len(made) > 0 {
		v.Flash = "Connected to " + strings.Join(made, " and ") + ". The others could not be connected: see below."
	}
	return s.renderConnect(c, ctx, r, fiber.StatusConflict, v)
}

// connectOne asks service id to take the person. A refusal (full, paused,
// no consent…) is left on f beside the service's result, and nil returned;
// an error is one the page cannot show.
func (s *server) connectOne(ctx context.Context, referralID, id, reason string, f *form) (*referral.Connection, error) {
	key := f.Value("idempotency_key") + ":" + id
	conn, _, err := s.ref.Connect(ctx, referralID, referral.ConnectionInput{ServiceID: id, Reason: reason}, key)
	if err == nil {
		return &conn, nil
	}
	field := "svc-" + id
	if p := problemsOf(err); len(p) > 0 {
		for k, msg := range p {
			if k == "reason" {
				f.Fail("reason", "Why they are being connected "+msg)
			} else {
				f.Fail(field, "This group "+msg)
			}
		}
		return nil, nil
	}
	if errors.Is(err, directory.ErrConflict) || errors.Is(err, directory.ErrNotFound) {
		_, body := describe(err)
		f.Fail(field, "Could not connect: "+body.Error)
		return nil, nil
	}
	return nil, err
}

var unmetLabels = []fieldLabel{{"need", "Need"}, {"searched", "What was searched"}, {"unmet_notes", "Notes"}}

// unmetNeedPost records that nothing suitable was found for a need, with
// what was searched, as evidence for commissioners.
func (s *server) unmetNeedPost(c *fiber.Ctx, ctx context.Context, r referral.Referral, v *view) error {
	notes := "Searched: " + v.Form.Value("searched")
	if extra := v.Form.Value("unmet_notes"); extra != "" {
		notes += "\n" + extra
	}
	in := referral.UnmetNeedInput{Need: v.Form.Value("need"), Notes: notes}
	if in.Need == "" {
		v.Form.Fail("need", "Choose the need nothing suitable was found for")
	}
	rename := func(k string) string {
		if k == "notes" {
			return "unmet_notes"
		}
		return k
	}
	if err := in.Validate(); !absorbLabelled(v.Form, err, unmetLabels, rename) {
		return err
	}
	if v.Form.Valid() {
		n, err := s.ref.RecordUnmetNeed(ctx, r.ID, in)
		if err == nil {
			flash(c, "Unmet need recorded: "+n.NeedName+". Thank you: commissioners use these to see where groups are missing.")
			return redirect(c, referralPath(r.ID))
		}
		if !absorbLabelled(v.Form, err, unmetLabels, rename) {
			return err
		}
	}
	return s.renderConnect(c, ctx, r, fiber.StatusUnprocessableEntity, v)
}
