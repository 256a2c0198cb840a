package insight

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"kith/geo"
)

// The method, stated in every answer so a figure never travels without
// what it means; docs/INSIGHT.md gives the reasoning.
const (
	gapMethod = "Two-step floating catchment area (Luo & Wang 2003) on 2011 LSOA centres. Demand D of an LSOA: " +
		"referrals received in the period from people living there with a need in the category, plus unmet " +
		"needs in the category recorded there. Supply: published, active services in the category whose " +
		"organisation is quality assured for referrals, with a venue within radius_km of the LSOA centre, or " +
		"delivered online or by phone (those reach everywhere). Step 1: each service's offer K is shared over " +
		"the demand within radius_km of its venues: R = K / max(1, sum of D). Step 2: an LSOA's access A is the " +
		"sum of R over the services it reaches. Larger areas add up their LSOAs."
	gapFormula = "gap_score = shortfall x W, shortfall = D x max(0, 1 - A), W = 1 + (10 - IMD decile) / 9 " +
		"(2 for the most deprived tenth, 1 for the least); K = free places now (maximum - held; 10 when no " +
		"maximum is stated; 0 while paused) x (1 - share of requests in the period rejected for no capacity). " +
		"D from 1 to 4 enters as 2.5. Areas are ranked by gap_score, highest first; equal scores share a rank."
	disclosureRule = "Counts from 1 to 4 are withheld (CSV: <5; JSON: value null, suppressed true). So that " +
		"no withheld count can be found by subtraction, when a row or column that adds up to a total has " +
		"exactly one withheld member the next smallest is withheld too. Figures computed from a withheld count, " +
		"and means, medians and rates over fewer than 5 people, are withheld. No names, dates of birth, NHS " +
		"numbers, postcodes or free text are ever included."
)

// vintages are the editions of the data the answer rests on.
var vintages = map[string]string{
	"lsoa":              "2011 LSOAs; centres from the ONS Open Geography Portal via drkane/geo-lookups",
	"deprivation":       "English Indices of Deprivation 2019 (MHCLG), IMD decile by 2011 LSOA",
	"postcodes":         "ONS National Statistics Postcode Lookup, November 2021 (20 postcode areas)",
	"wards":             "ward of most of an LSOA's postcodes in the NSPL November 2021 extract",
	"local_authorities": "local authority districts as of 2026, former codes mapped to their successors",
}

// Method is how the figures were made.
type Method struct {
	Summary     string            `json:"summary"`
	GapScore    string            `json:"gap_score,omitempty"`
	Vintages    map[string]string `json:"vintages,omitempty"`
	Disclosure  string            `json:"disclosure"`
	Attribution string            `json:"attribution,omitempty"`
	Document    string            `json:"document"`
}

// meta is what the gap answer says about itself.
type gapMeta struct {
	Geography Geography `json:"geography"`
	CellKm    float64   `json:"cell_km,omitempty"`
	Category  *Category `json:"category"`
	Period    Period    `json:"period"`
	RadiusKm  float64   `json:"radius_km"`
	Area      *Area     `json:"area"`
	AsOf      time.Time `json:"directory_as_of"`
	Areas     int       `json:"areas"`
	Totals    GapTotals `json:"totals"`
	Coverage  Coverage  `json:"coverage"`
	Method    Method    `json:"method"`
}

func (g Gaps) meta() gapMeta {
	return gapMeta{Geography: g.Query.Geography, CellKm: g.Query.CellKm, Category: g.Category, Period: g.Query.Period,
		RadiusKm: g.Query.RadiusKm, Area: g.Area, AsOf: g.AsOf.UTC().Truncate(time.Second), Areas: len(g.Areas),
		Totals: g.Totals, Coverage: g.Coverage,
		Method: Method{Summary: gapMethod, GapScore: gapFormula, Vintages: vintages, Disclosure: disclosureRule,
			Attribution: geo.Attribution, Document: "docs/INSIGHT.md"}}
}

type feature struct {
	Type       string   `json:"type"`
	ID         string   `json:"id"`
	Geometry   point    `json:"geometry"`
	Properties *GapArea `json:"properties"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

// WriteGeoJSON writes a FeatureCollection of points at the area centres;
// the method, totals and query travel in the foreign member "kith".
func (g Gaps) WriteGeoJSON(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	meta, err := json.Marshal(g.meta())
	if err != nil {
		return err
	}
	fmt.Fprintf(bw, `{"type":"FeatureCollection","kith":%s,"features":[`, meta)
	for k := range g.Areas {
		a := &g.Areas[k]
		f := feature{Type: "Feature", ID: a.Code, Properties: a,
			Geometry: point{Type: "Point", Coordinates: [2]float64{round(a.Point.Lon(), 5), round(a.Point.Lat(), 5)}}}
		b, err := json.Marshal(f)
		if err != nil {
			return err
		}
		if k > 0 {
			bw.WriteByte(',')
		}
		bw.Write(b)
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

// gapColumns are the CSV columns, in order.
var gapColumns = []struct {
	name  string
	value func(a *GapArea) string
}{
	{"rank", func(a *GapArea) string { return optInt(a.Rank) }},
	{"code", func(a *GapArea) string { return a.Code }},
	{"name", func(a *GapArea) string { return a.Name }},
	{"lon", func(a *GapArea) string { return strconv.FormatFloat(round(a.Point.Lon(), 5), 'f', -1, 64) }},
	{"lat", func(a *GapArea) string { return strconv.FormatFloat(round(a.Point.Lat(), 5), 'f', -1, 64) }},
	{"gap_score", func(a *GapArea) string { return a.GapScore.CSV() }},
	{"demand", func(a *GapArea) string { return a.Demand.CSV() }},
	{"referrals", func(a *GapArea) string { return a.Referrals.CSV() }},
	{"unmet_needs", func(a *GapArea) string { return a.UnmetNeeds.CSV() }},
	{"shortfall", func(a *GapArea) string { return a.Shortfall.CSV() }},
	{"access", func(a *GapArea) string { return a.Access.CSV() }},
	{"imd_decile", func(a *GapArea) string { return optInt(a.IMDDecile) }},
	{"services", func(a *GapArea) string { return strconv.Itoa(a.Services) }},
	{"places", func(a *GapArea) string { return strconv.Itoa(a.Places) }},
	{"services_without_stated_capacity", func(a *GapArea) string { return strconv.Itoa(a.Unstated) }},
	{"places_held", func(a *GapArea) string { return a.Held.CSV() }},
	{"utilisation", func(a *GapArea) string { return a.Utilisation.CSV() }},
	{"no_capacity_rejections", func(a *GapArea) string { return a.NoCapacity.CSV() }},
	{"no_capacity_rate", func(a *GapArea) string { return a.NoCapacityRate.CSV() }},
	{"lsoas", func(a *GapArea) string { return strconv.Itoa(a.LSOAs) }},
}

func optInt(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// WriteCSV writes one row per area, in rank order, after comment lines
// (starting #) that state the query, totals and method.
func (g Gaps) WriteCSV(w io.Writer) error {
	m := g.meta()
	bw := bufio.NewWriter(w)
	comments(bw, [][2]string{
		{"kith gap analysis", fmt.Sprintf("geography %s, category %s, %s, radius %g km, %s", m.Geography,
			m.Category.label(), m.Period, m.RadiusKm, m.Area.label())},
		{"directory as of", m.AsOf.Format(time.RFC3339)},
		{"totals", fmt.Sprintf("referrals %s, unmet needs %s, demand %s, unplaced %s", m.Totals.Referrals.CSV(),
			m.Totals.UnmetNeeds.CSV(), m.Totals.Demand.CSV(), m.Totals.Unplaced.CSV())},
		{"method", gapMethod}, {"gap score", gapFormula}, {"disclosure", disclosureRule},
		{"attribution", geo.Attribution},
	})
	cw := csv.NewWriter(bw)
	row := make([]string, len(gapColumns))
	for k, c := range gapColumns {
		row[k] = c.name
	}
	cw.Write(row)
	for k := range g.Areas {
		for j, c := range gapColumns {
			row[j] = c.value(&g.Areas[k])
		}
		cw.Write(row)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// comments writes lines that a CSV reader told to skip lines starting #
// will skip. They are written as they are, not as CSV, which would quote
// any with a comma and so hide the #.
func comments(w *bufio.Writer, lines [][2]string) {
	flat := strings.NewReplacer("\r", " ", "\n", " ")
	for _, l := range lines {
		w.WriteString("# " + l[0] + ": " + flat.Replace(l[1]) + "\n")
	}
}

func (c *Category) label() string {
	if c == nil {
		return "all needs"
	}
	return c.Code
}

func (a *Area) label() string {
	if a == nil {
		return "England"
	}
	return a.Code + " " + a.Name
}
