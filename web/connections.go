package web

import (
	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/referral"
)

func (s *server) listConnections(c *fiber.Ctx) error { return readJSON(s, c, s.ref.Connections) }

// connect reserves a place at a service for the person; a full service
// answers 409 with reason "full", and a retry with the same
// Idempotency-Key answers as the first request did.
func (s *server) connect(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	var in referral.ConnectionInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	conn, replayed, err := s.ref.Connect(s.person(c), id, in, idempotencyKey(c))
	if err != nil {
		return err
	}
	return created(c, conn, replayed)
}

// inbox is a VCSE's list of connections sent to its services: ?service=,
// ?status=, ?overdue=true, and for admins ?organisation=.
func (s *server) inbox(c *fiber.Ctx) error {
	var f referral.InboxFilter
	var err error
	if f.Limit, f.Offset, err = page(c, 50, 200); err != nil {
		return err
	}
	for param, dst := range map[string]*string{"organisation": &f.OrganisationID, "service": &f.ServiceID} {
		if *dst = c.Query(param); *dst != "" && !directory.ValidID(*dst) {
			return errBadParam(param, "must be an id (a UUID)")
		}
	}
	if raw := c.Query("status"); raw != "" {
		if f.Status, err = referral.ParseConnectionStatus(raw); err != nil {
			return errBadParam("status", err.Error())
		}
	}
	f.Overdue = c.QueryBool("overdue")
	p, err := s.ref.Inbox(s.person(c), f)
	if err != nil {
		return err
	}
	return c.JSON(p)
}

// getConnection shows a VCSE editor the minimum a service needs, and the
// team holding the referral everything.
func (s *server) getConnection(c *fiber.Ctx) error {
	if directory.UserFrom(c.UserContext()).Is(directory.RoleVCSEEditor) {
		return readJSON(s, c, s.ref.InboxItem)
	}
	return readJSON(s, c, s.ref.Connection)
}

func (s *server) moveConnection(c *fiber.Ctx) error {
	return change(s, c, fiber.StatusOK, s.ref.MoveConnection)
}

func (s *server) serviceLoad(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	l, err := s.ref.ServiceLoad(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.JSON(l)
}
