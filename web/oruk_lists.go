package web

import (
	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

func (s *server) orukOrganizations(c *fiber.Ctx) error {
	f, err := readFeedQuery(c, "/organizations")
	if err != nil {
		return err
	}
	p, err := s.dir.Organisations(c.UserContext(), f.perPage, f.offset())
	if err != nil {
		return err
	}
	out := make([]orukOrganization, len(p.Items))
	for i, o := range p.Items {
		out[i] = *orukOrg(o)
	}
	return c.JSON(newPage(f, p.Total, out))
}

// orukOrganization answers an organisation with its published listings'
// own fields.
func (s *server) orukOrganization(c *fiber.Ctx) error {
	org, err := s.organisationParam(c)
	if err != nil {
		return err
	}
	rows, _, err := s.feed().services(c.UserContext(), feedQuery{orgID: org.ID, page: 1, perPage: 100_000})
	if err != nil {
		return err
	}
	assured, err := s.assuredDates(c.UserContext(), []string{org.ID})
	if err != nil {
		return err
	}
	out := orukOrg(org)
	for _, r := range rows {
		sum := orukSummary(r, assured)
		sum.Organization = nil // it is the organisation being answered
		out.Services = append(out.Services, sum)
	}
	return c.JSON(out)
}

func (s *server) orukTaxonomies(c *fiber.Ctx) error {
	f, err := readFeedQuery(c, "/taxonomies")
	if err != nil {
		return err
	}
	rows, total, err := s.feed().taxonomies(c.UserContext(), f, "")
	if err != nil {
		return err
	}
	out := make([]orukTaxonomy, len(rows))
	for i, t := range rows {
		out[i] = orukTaxonomyOf(t.Taxonomy)
	}
	return c.JSON(newPage(f, total, out))
}

// orukTaxonomy answers a vocabulary with all its terms.
func (s *server) orukTaxonomy(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	rows, _, err := s.feed().taxonomies(c.UserContext(), feedQuery{page: 1, perPage: 1}, id)
	if err != nil || len(rows) == 0 {
		return cmpOr(err, directory.ErrNotFound)
	}
	terms, _, err := s.feed().terms(c.UserContext(), feedQuery{taxonomyID: id, page: 1, perPage: 100_000}, "")
	if err != nil {
		return err
	}
	out := orukTaxonomyOf(rows[0].Taxonomy)
	for _, t := range terms {
		out.TaxonomyTerms = append(out.TaxonomyTerms, orukTermOf(t))
	}
	return c.JSON(out)
}

func (s *server) orukTerms(c *fiber.Ctx) error {
	f, err := readFeedQuery(c, "/taxonomy_terms")
	if err != nil {
		return err
	}
	rows, total, err := s.feed().terms(c.UserContext(), f, "")
	if err != nil {
		return err
	}
	out := make([]orukTaxonomyTerm, len(rows))
	for i, t := range rows {
		out[i] = orukTermOf(t)
	}
	return c.JSON(newPage(f, total, out))
}

func (s *server) orukTerm(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	rows, _, err := s.feed().terms(c.UserContext(), feedQuery{page: 1, perPage: 1}, id)
	if err != nil || len(rows) == 0 {
		return cmpOr(err, directory.ErrNotFound)
	}
	return c.JSON(orukTermOf(rows[0]))
}
