package web

import (
	"errors"
	"net/url"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/referral/insight"
)

// insightQuery reads an aggregate request's parameters and Accept header.
func (s *server) insightQuery(c *fiber.Ctx, parse func(url.Values, string, time.Time) (insight.Query, error)) (insight.Query, error) {
	params, err := url.ParseQuery(string(c.Request().URI().QueryString()))
	if err != nil {
		return insight.Query{}, errBadParam("query", "is not a valid URL query string")
	}
	q, err := parse(params, c.Get(fiber.HeaderAccept), s.now())
	var pe *insight.ParamError
	if errors.As(err, &pe) {
		return insight.Query{}, errBadParam(pe.Param, pe.Why)
	}
	return q, err
}

// asCSV sets up a CSV download named name; aggregates are scoped to the
// viewer, so no shared cache may keep them.
func asCSV(c *fiber.Ctx, name string) {
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+name+`.csv"`)
}

// gaps answers the gap analysis as GeoJSON, or CSV when asked.
func (s *server) gaps(c *fiber.Ctx) error {
	q, err := s.insightQuery(c, insight.ParseGapQuery)
	if err != nil {
		return err
	}
	g, err := s.insight.Gaps(c.UserContext(), q)
	if err != nil {
		return err
	}
	if q.Format == insight.FormatCSV {
		asCSV(c, "kith-gaps")
		return g.WriteCSV(c.Response().BodyWriter())
	}
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	c.Set(fiber.HeaderContentType, "application/geo+json")
	return g.WriteGeoJSON(c.Response().BodyWriter())
}

// report answers report r as JSON, or CSV when asked.
func (s *server) report(r insight.Report) fiber.Handler {
	return func(c *fiber.Ctx) error {
		q, err := s.insightQuery(c, insight.ParseReportQuery)
		if err != nil {
			return err
		}
		t, err := s.insight.Report(c.UserContext(), r, q)
		if err != nil {
			return err
		}
		if q.Format == insight.FormatCSV {
			asCSV(c, "kith-"+string(r))
			return t.WriteCSV(c.Response().BodyWriter())
		}
		c.Set(fiber.HeaderCacheControl, "private, no-store")
		return c.JSON(t)
	}
}

func (s *server) logWork(c *fiber.Ctx) error {
	var in insight.WorkInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	w, err := s.insight.LogWork(c.UserContext(), in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(w)
}

// workLog is a team's community work log, notes and all, so it is the
// team's alone.
func (s *server) workLog(c *fiber.Ctx) error {
	f := insight.WorkFilter{TeamID: c.Query("team")}
	if f.TeamID != "" && !directory.ValidID(f.TeamID) {
		return errBadParam("team", "must be a team id (a UUID)")
	}
	var err error
	if f.Limit, f.Offset, err = page(c, 50, 200); err != nil {
		return err
	}
	p, err := s.insight.WorkLog(c.UserContext(), f)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return c.JSON(p)
}
