package web

import (
	"context"
	"io"
	"mime"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/qa"
)

func (s *server) listTemplates(c *fiber.Ctx) error {
	ts, err := s.qa.Templates(c.UserContext())
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": ts})
}

func (s *server) publishTemplate(c *fiber.Ctx) error {
	var in qa.TemplateInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	t, err := s.qa.PublishTemplate(c.UserContext(), in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(t)
}

func (s *server) reviewQueue(c *fiber.Ctx) error {
	limit, offset, err := page(c, 50, 200)
	if err != nil {
		return err
	}
	items, total, err := s.qa.Queue(c.UserContext(), limit, offset)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"total": total, "items": items})
}

// qaTodo is a VCSE editor's own work list; reviewers and admins name the
// organisation.
func (s *server) qaTodo(c *fiber.Ctx) error {
	u := directory.UserFrom(c.UserContext())
	if u == nil {
		return directory.ErrUnauthenticated
	}
	org := c.Query("organisation")
	if org == "" && u.OrganisationID != nil {
		org = *u.OrganisationID
	}
	if org == "" && !u.Is(directory.RoleAdmin, directory.RoleQAReviewer) {
		return directory.ErrForbidden // only editors have an organisation of their own
	}
	if !directory.ValidID(org) {
		return errBadParam("organisation", "name the organisation (a UUID)")
	}
	t, err := s.qa.Todo(c.UserContext(), org)
	if err != nil {
		return err
	}
	return c.JSON(t)
}

func (s *server) qaOrganisations(c *fiber.Ctx) error {
	limit, offset, err := page(c, 50, 500)
	if err != nil {
		return err
	}
	f := qa.OrganisationFilter{Tier: qa.TierReferral, Limit: limit, Offset: offset}
	if raw := c.Query("tier"); raw != "" {
		if f.Tier, err = qa.ParseTier(raw); err != nil {
			return errBadParam("tier", err.Error())
		}
	}
	if raw := c.Query("status"); raw != "" {
		if f.Status, err = qa.ParseStatus(raw); err != nil {
			return errBadParam("status", err.Error())
		}
	}
	items, total, err := s.qa.Organisations(c.UserContext(), f)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"total": total, "items": items})
}

type reviewBody struct {
	Note   string `json:"note"`
	Reason string `json:"reason"`
}

func (s *server) verifyItem(c *fiber.Ctx) error { return s.reviewItem(c, true) }
func (s *server) rejectItem(c *fiber.Ctx) error { return s.reviewItem(c, false) }

// reviewItem takes an optional note when verifying and a required reason
// when rejecting; either field is accepted for either.
func (s *server) reviewItem(c *fiber.Ctx, verify bool) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	var in reviewBody
	if len(c.Body()) > 0 {
		if err := decodeJSON(c, &in); err != nil {
			return err
		}
	}
	note := in.Reason
	if note == "" {
		note = in.Note
	}
	r, err := s.qa.Review(c.UserContext(), id, verify, note)
	if err != nil {
		return err
	}
	return c.JSON(r)
}

func (s *server) downloadEvidence(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	f, data, err := s.qa.Evidence(c.UserContext(), id)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, f.ContentType)
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": f.Filename}))
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return c.Send(data)
}

func (s *server) publicAssurance(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	a, err := s.qa.Assurance(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"organisation_id": id, "tiers": a.Public()})
}

func (s *server) getAssessment(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	a, err := s.qa.Assessment(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(a)
}

func (s *server) saveItem(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	var in qa.ItemInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	r, err := s.qa.SaveItem(c.UserContext(), id, c.Params("key"), in)
	if err != nil {
		return err
	}
	return c.JSON(r)
}

// uploadEvidence takes one file in the multipart field "file". Its size is
// checked before it is read, and its type from its bytes by the store.
func (s *server) uploadEvidence(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	// Checked before the upload is read, so a stranger's file is not even parsed.
	switch u := directory.UserFrom(c.UserContext()); {
	case u == nil:
		return directory.ErrUnauthenticated
	case !u.EditsOrganisation(id):
		return directory.ErrForbidden
	}
	fh, err := c.FormFile("file")
	if err != nil {
		return errBadParam("file", "send the document as multipart/form-data in the field \"file\"")
	}
	if fh.Size > qa.MaxEvidenceSize {
		return fiber.NewError(fiber.StatusRequestEntityTooLarge, "files may be at most 10 MiB")
	}
	f, err := fh.Open()
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, qa.MaxEvidenceSize+1))
	if err != nil {
		return err
	}
	ev, err := s.qa.AddEvidence(c.UserContext(), id, c.Params("key"), fh.Filename, data)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(ev)
}

func (s *server) submitAssessment(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	rs, err := s.qa.Submit(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": rs})
}

type reasonBody struct {
	Reason string `json:"reason"`
}

func (s *server) suspend(c *fiber.Ctx) error   { return s.changeSuspension(c, s.qa.Suspend) }
func (s *server) unsuspend(c *fiber.Ctx) error { return s.changeSuspension(c, s.qa.Unsuspend) }

func (s *server) changeSuspension(c *fiber.Ctx, change func(context.Context, string, string) (qa.Assurance, error)) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	var in reasonBody
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	a, err := change(c.UserContext(), id, in.Reason)
	if err != nil {
		return err
	}
	return c.JSON(a)
}

func (s *server) confirmListing(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	a, err := s.qa.ConfirmListing(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(a)
}
