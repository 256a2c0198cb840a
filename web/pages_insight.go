package web

import (
	"errors"
	"net/url"
	"regexp"
	"strings"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/referral/insight"
)

// insightFilter is what the dashboard shows: one need (or every need) over
// one kind of area, as query parameters the API reads too.
type insightFilter struct {
	Category, Geography string
}

// geographyOptions are the kinds of area the map can be drawn in.
var geographyOptions = []option{{"lsoa", "Small areas (LSOAs)"}, {"ward", "Wards"}, {"la", "Local authorities"}}

// readInsightFilter reads ?category and ?geography. Small areas are the
// default for a commissioner confined to one authority; for all of England,
// local authorities, since a map of 33,000 small areas helps nobody.
func readInsightFilter(c *fiber.Ctx) (insightFilter, error) {
	f := insightFilter{Category: strings.Clone(c.Query("category")), Geography: strings.Clone(c.Query("geography"))}
	if f.Geography == "" {
		f.Geography = "la"
		if u := directory.UserFrom(c.UserContext()); u.AreaCode != "" {
			f.Geography = "lsoa"
		}
	}
	if optionLabel(geographyOptions, f.Geography) == f.Geography {
		return f, errBadParam("geography", "must be lsoa, ward or la")
	}
	return f, nil
}

// params are the filter as the API's query parameters, with extra pairs.
func (f insightFilter) params(extra ...string) url.Values {
	v := url.Values{}
	if f.Category != "" {
		v.Set("category", f.Category)
	}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	return v
}

// link is path with the filter (and extra pairs) as its query.
func (f insightFilter) link(path string, extra ...string) string {
	if q := f.params(extra...).Encode(); q != "" {
		return path + "?" + q
	}
	return path
}

// gaps runs the gap analysis the filter asks for.
func (s *server) gapsFor(c *fiber.Ctx, f insightFilter) (insight.Gaps, error) {
	q, err := insight.ParseGapQuery(f.params("geography", f.Geography), "", s.now())
	if err != nil {
		return insight.Gaps{}, paramError(err)
	}
	g, err := s.insight.Gaps(c.UserContext(), q)
	return g, paramError(err)
}

// paramError turns the insight store's complaints about the filter into a
// bad request naming the parameter.
func paramError(err error) error {
	var pe *insight.ParamError
	if errors.As(err, &pe) {
		return errBadParam(pe.Param, pe.Why)
	}
	if p := problemsOf(err); p["category"] != "" {
		return errBadParam("category", p["category"])
	}
	return err
}

// insightData is the commissioner's dashboard.
type insightData struct {
	Scope, Period string
	Filter        insightFilter
	Categories    []option
	Geographies   []option
	Totals        []figureRow
	Gap           gapMap
	Sections      []reportSection
	Downloads     []download
}

type figureRow struct {
	Label, Value, Hint string
}

type download struct {
	Label, Href string
}

func (s *server) insightPage(c *fiber.Ctx) error {
	f, err := readInsightFilter(c)
	if err != nil {
		return err
	}
	g, err := s.gapsFor(c, f)
	if err != nil {
		return err
	}
	categories, err := s.categoryOptions(c)
	if err != nil {
		return err
	}
	sections, err := s.reportSections(c, f)
	if err != nil {
		return err
	}
	d := insightData{Scope: scopeName(g.Area), Period: periodText(g.Query.Period), Filter: f, Categories: categories,
		Geographies: geographyOptions, Totals: gapTotals(g.Totals), Sections: sections,
		Gap: newGapMap(g, f, c.Query("all") == "yes")}
	for _, r := range insight.Reports {
		d.Downloads = append(d.Downloads, download{Label: r.Title(), Href: f.link("/api/reports/"+string(r), "format", "csv")})
	}
	v := s.view(c, "Insight: "+d.Scope)
	v.Map, v.Chart, v.Data = true, true, d
	return s.render(c, fiber.StatusOK, "insight", v)
}

// categoryOptions lists every need, those below a parent indented under it.
func (s *server) categoryOptions(c *fiber.Ctx) ([]option, error) {
	terms, err := s.dir.Terms(c.UserContext())
	if err != nil {
		return nil, err
	}
	out := []option{{Value: "", Label: "Every need"}}
	for _, t := range terms {
		label := t.Name
		if t.ParentID != nil {
			label = "\u2003" + label
		}
		out = append(out, option{Value: t.Code, Label: label})
	}
	return out, nil
}

func scopeName(a *insight.Area) string {
	if a == nil {
		return "England"
	}
	return a.Name
}

func periodText(p insight.Period) string {
	return p.From.Format("2 January 2006") + " to " + p.To.Format("2 January 2006")
}

func gapTotals(t insight.GapTotals) []figureRow {
	return []figureRow{
		{"Referrals received", figureText(t.Referrals), "with a need in the category"},
		{"Unmet needs recorded", figureText(t.UnmetNeeds), "link workers found nothing suitable"},
		{"Demand", figureText(t.Demand), "referrals and unmet needs together"},
		{"Demand Kith could not place in an area", figureText(t.Unplaced), "no postcode, or one outside Kith's postcode data"},
	}
}

// figureText is a published figure as a page shows it: withheld ones as
// <5, as in the CSV files, and figures with no meaning as a dash.
func figureText(f insight.Figure) string {
	if f.Suppressed || f.Value != nil {
		return f.CSV()
	}
	return "–"
}

// areaCode is the shape of an LSOA, ward or authority code.
var areaCode = regexp.MustCompile(`^[A-Z][0-9]{8}$`)

// geographyOf is the kind of area a code names: E01 codes are LSOAs, E05
// wards, the rest local authorities.
func geographyOf(code string) string {
	switch code[:3] {
	case "E01":
		return "lsoa"
	case "E05":
		return "ward"
	}
	return "la"
}

// insightAreaPage shows one area's figures: into the dashboard's panel for
// htmx, or as a page of its own.
func (s *server) insightAreaPage(c *fiber.Ctx) error {
	code := strings.Clone(c.Params("code"))
	if !areaCode.MatchString(code) {
		return directory.ErrNotFound
	}
	f, err := readInsightFilter(c)
	if err != nil {
		return err
	}
	if c.Query("geography") == "" {
		f.Geography = geographyOf(code)
	}
	g, err := s.gapsFor(c, f)
	if err != nil {
		return err
	}
	bands := newGapBands(g.Areas)
	for _, a := range g.Areas {
		if a.Code == code {
			d := newAreaFigures(a, g, bands, f)
			d.InPanel = c.Get("HX-Request") == "true"
			v := s.view(c, d.Title)
			v.Back, v.Data = f.link("/app/insight", "geography", f.Geography), d
			if d.InPanel {
				return s.fragment(c, "insight_area", "insight-area", v)
			}
			return s.render(c, fiber.StatusOK, "insight_area", v)
		}
	}
	return directory.ErrNotFound
}
