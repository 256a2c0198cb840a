package web

import (
	"github.com/gofiber/fiber/v2"
)

func (s *server) moderationQueue(c *fiber.Ctx) error {
	limit, offset, err := page(c, 50, 200)
	if err != nil {
		return err
	}
	vs, total, err := s.dir.PendingVersions(c.UserContext(), limit, offset)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"total": total, "items": vs})
}

type reviewRequest struct {
	Note string `json:"note"`
}

func (s *server) approveVersion(c *fiber.Ctx) error { return s.review(c, true) }
func (s *server) rejectVersion(c *fiber.Ctx) error  { return s.review(c, false) }

func (s *server) review(c *fiber.Ctx, approve bool) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	var in reviewRequest
	if len(c.Body()) > 0 {
		if err := decodeJSON(c, &in); err != nil {
			return err
		}
	}
	v, err := s.dir.ReviewVersion(c.UserContext(), id, approve, in.Note)
	if err != nil {
		return err
	}
	return c.JSON(v)
}
