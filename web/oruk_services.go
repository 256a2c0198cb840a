package web

import (
	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

func (s *server) orukServices(c *fiber.Ctx) error {
	f, err := readFeedQuery(c, "/services")
	if err != nil {
		return err
	}
	rows, total, err := s.feed().services(c.UserContext(), f)
	if err != nil {
		return err
	}
	assured, err := s.assuredDates(c.UserContext(), orgsOf(rows))
	if err != nil {
		return err
	}
	out := make([]orukService, len(rows))
	for i, r := range rows {
		out[i] = orukSummary(r, assured)
	}
	return c.JSON(newPage(f, total, out))
}

func orgsOf(rows []feedService) []string {
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.OrganisationID
	}
	return ids
}

// orukService answers one listing with everything the public may see of
// it: its organisation, venues with addresses, sessions, phones, costs,
// languages, areas and categories.
func (s *server) orukService(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	sum, err := s.orukSummaryOf(c, id)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	svcs, err := s.dir.ServicesByID(ctx, []string{id})
	if err != nil || len(svcs) == 0 {
		return cmpOr(err, directory.ErrNotFound)
	}
	org, err := s.dir.Organisation(ctx, sum.OrganizationID)
	if err != nil {
		return err
	}
	links, err := s.feed().linkIDs(ctx, []string{id})
	if err != nil {
		return err
	}
	terms, err := s.feedTerms(c)
	if err != nil {
		return err
	}
	return c.JSON(orukFull(sum, svcs[0], org, links, terms))
}

// orukSummaryOf is a visible listing's own fields, or ErrNotFound.
func (s *server) orukSummaryOf(c *fiber.Ctx, id string) (orukService, error) {
	rows, _, err := s.feed().services(c.UserContext(), feedQuery{serviceID: id, page: 1, perPage: 1})
	if err != nil || len(rows) == 0 {
		return orukService{}, cmpOr(err, directory.ErrNotFound)
	}
	assured, err := s.assuredDates(c.UserContext(), orgsOf(rows))
	return orukSummary(rows[0], assured), err
}

// feedTerms indexes every taxonomy term by id, for writing categories.
func (s *server) feedTerms(c *fiber.Ctx) (map[string]feedTerm, error) {
	rows, _, err := s.feed().terms(c.UserContext(), feedQuery{page: 1, perPage: 100_000}, "")
	out := make(map[string]feedTerm, len(rows))
	for _, t := range rows {
		out[t.ID] = t
	}
	return out, err
}

func (s *server) orukLinks(c *fiber.Ctx) error {
	f, err := readFeedQuery(c, "/service_at_locations")
	if err != nil {
		return err
	}
	links, total, err := s.linkPage(c, f, "")
	if err != nil {
		return err
	}
	return c.JSON(newPage(f, total, links))
}

func (s *server) orukLink(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	links, _, err := s.linkPage(c, feedQuery{page: 1, perPage: 1}, id)
	if err != nil || len(links) == 0 {
		return cmpOr(err, directory.ErrNotFound)
	}
	return c.JSON(links[0])
}

// linkPage reads a page of services at locations (one, given its id): each
// with its venue and its service's own fields.
func (s *server) linkPage(c *fiber.Ctx, f feedQuery, id string) ([]orukServiceAtLocation, int, error) {
	rows, total, err := s.feed().links(c.UserContext(), f, id)
	if err != nil {
		return nil, 0, err
	}
	services := make([]feedService, len(rows))
	for i, r := range rows {
		services[i] = r.feedService
	}
	assured, err := s.assuredDates(c.UserContext(), orgsOf(services))
	if err != nil {
		return nil, 0, err
	}
	out := make([]orukServiceAtLocation, len(rows))
	for i, r := range rows {
		svc := orukSummary(r.feedService, assured)
		out[i] = orukServiceAtLocation{ID: r.LinkID, ServiceID: r.ID, LocationID: r.LocationID,
			Location: orukLoc(r.location()), Service: &svc}
	}
	return out, total, nil
}

// cmpOr returns err, or fallback when err is nil.
func cmpOr(err, fallback error) error {
	if err != nil {
		return err
	}
	return fallback
}
