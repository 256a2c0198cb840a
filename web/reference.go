package web

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/geo"
)

func (s *server) healthz(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"status": "ok"})
}

// readyz answers 200 only when every dependency answers, so a load balancer
// stops sending work to a process whose database is gone. Anyone may ask,
// so a failing check says what the error table says, not the driver's
// words (addresses, ports).
func (s *server) readyz(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.UserContext(), 2*time.Second)
	defer cancel()
	checks := fiber.Map{}
	ready := true
	for name, r := range s.ready {
		if err := r.Ready(ctx); err != nil {
			_, body := describe(err)
			checks[name] = body.Error
			ready = false
			continue
		}
		checks[name] = "ok"
	}
	status := fiber.StatusOK
	if !ready {
		status = fiber.StatusServiceUnavailable
	}
	return c.Status(status).JSON(fiber.Map{"ready": ready, "checks": checks})
}

func (s *server) listTaxonomies(c *fiber.Ctx) error {
	ts, err := s.dir.Taxonomies(c.UserContext())
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": ts})
}

func (s *server) listTerms(c *fiber.Ctx) error {
	ts, err := s.dir.Terms(c.UserContext())
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": ts})
}

// lookupPostcode resolves a postcode or "lat,lon" to a place, for forms that
// want to show where something is before saving it.
func (s *server) lookupPostcode(c *fiber.Ctx) error {
	place, err := geo.Resolve(strings.Clone(c.Params("postcode")))
	switch {
	case errors.Is(err, geo.ErrUnknownPostcode):
		return fiber.NewError(fiber.StatusNotFound, err.Error())
	case err != nil:
		return errBadParam("postcode", err.Error())
	}
	return c.JSON(fiber.Map{
		"postcode": place.Postcode, "lon": place.Point.Lon(), "lat": place.Point.Lat(),
		"lsoa": place.LSOA, "local_authority": place.LAD, "ward": place.Ward,
		"imd_decile": place.IMDDecile, "terminated": place.Terminated, "precision": place.Precision,
	})
}
