package web

import (
	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

// changeResponse answers a listing write: the listing as it now stands and
// the version that recorded the change (pending when it awaits approval).
type changeResponse[T any] struct {
	Current T                  `json:"current"`
	Version *directory.Version `json:"version,omitempty"`
}

func respondChange[T any](c *fiber.Ctx, status int, current T, v *directory.Version) error {
	if v != nil && v.State == directory.VersionPending {
		status = fiber.StatusAccepted
	}
	return c.Status(status).JSON(changeResponse[T]{Current: current, Version: v})
}

func (s *server) listServices(c *fiber.Ctx) error {
	limit, offset, err := page(c, 20, 100)
	if err != nil {
		return err
	}
	org := c.Query("organisation")
	if org != "" && !directory.ValidID(org) {
		return errBadParam("organisation", "must be an organisation id (a UUID)")
	}
	p, err := s.dir.Services(c.UserContext(), directory.ServiceFilter{OrganisationID: org, Limit: limit, Offset: offset})
	if err != nil {
		return err
	}
	return c.JSON(p)
}

func (s *server) getService(c *fiber.Ctx) error {
	svc, err := s.serviceParam(c)
	if err != nil {
		return err
	}
	return c.JSON(svc)
}

// serviceParam is the :id service, whoever may see it; pages then check
// whether their visitor may.
func (s *server) serviceParam(c *fiber.Ctx) (directory.Service, error) {
	id, err := idParam(c)
	if err != nil {
		return directory.Service{}, err
	}
	return s.dir.Service(c.UserContext(), id)
}

func (s *server) createService(c *fiber.Ctx) error {
	var in directory.ServiceInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	svc, v, err := s.dir.CreateService(c.UserContext(), in)
	if err != nil {
		return err
	}
	return respondChange(c, fiber.StatusCreated, svc, v)
}

func (s *server) updateService(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	var in directory.ServiceInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	svc, v, err := s.dir.UpdateService(c.UserContext(), id, in)
	if err != nil {
		return err
	}
	return respondChange(c, fiber.StatusOK, svc, v)
}

func (s *server) serviceHistory(c *fiber.Ctx) error {
	return s.history(c, "service")
}

func (s *server) history(c *fiber.Ctx, entity string) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	vs, err := s.dir.History(c.UserContext(), entity, id)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": vs})
}

func (s *server) listOrganisations(c *fiber.Ctx) error {
	limit, offset, err := page(c, 20, 100)
	if err != nil {
		return err
	}
	p, err := s.dir.Organisations(c.UserContext(), limit, offset)
	if err != nil {
		return err
	}
	return c.JSON(p)
}

func (s *server) getOrganisation(c *fiber.Ctx) error {
	org, err := s.organisationParam(c)
	if err != nil {
		return err
	}
	return c.JSON(org)
}

// organisationParam is the :id organisation.
func (s *server) organisationParam(c *fiber.Ctx) (directory.Organisation, error) {
	id, err := idParam(c)
	if err != nil {
		return directory.Organisation{}, err
	}
	return s.dir.Organisation(c.UserContext(), id)
}

func (s *server) createOrganisation(c *fiber.Ctx) error {
	var in directory.OrganisationInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	org, v, err := s.dir.CreateOrganisation(c.UserContext(), in)
	if err != nil {
		return err
	}
	return respondChange(c, fiber.StatusCreated, org, v)
}

func (s *server) updateOrganisation(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	var in directory.OrganisationInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	org, v, err := s.dir.UpdateOrganisation(c.UserContext(), id, in)
	if err != nil {
		return err
	}
	return respondChange(c, fiber.StatusOK, org, v)
}

func (s *server) organisationHistory(c *fiber.Ctx) error {
	return s.history(c, "organisation")
}
