package web

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"kith/referral/insight"
)

// gapMap is the dashboard's map of gap scores and the table beside it.
type gapMap struct {
	Spec     mapSpec
	Legend   []legendItem
	Withheld int // areas not coloured: their scores are withheld
	Capped   int // areas left off the map beyond maxMapAreas
	Table    dataTable
	More     int    // areas not in the table
	AllLink  string // the table with every area, when More > 0
	CSV      string
	Areas    int
	NoGaps   bool // no area has a gap: every drawn area is band 0
}

// mapSpec is what kith.js draws from data-map.
type mapSpec struct {
	Areas []mapArea `json:"areas"`
}

type mapArea struct {
	Lat    float64 `json:"lat"`
	Lon    float64 `json:"lon"`
	Band   int     `json:"band"`
	Label  string  `json:"label"`
	Href   string  `json:"href"`
	Panel  string  `json:"panel"`
	Radius int     `json:"radius"`
}

type legendItem struct {
	Band         int
	Label, Count string
}

// Limits on what the page draws; the CSV always has every area.
const (
	topAreas    = 20
	maxMapAreas = 2000
)

// markerRadius is a circle's size: larger areas, fewer and bigger circles.
var markerRadius = map[string]int{"lsoa": 6, "ward": 8, "la": 12}

func newGapMap(g insight.Gaps, f insightFilter, all bool) gapMap {
	bands := newGapBands(g.Areas)
	m := gapMap{Legend: bands.legend(g.Areas), Areas: len(g.Areas),
		CSV: f.link("/api/gaps", "geography", f.Geography, "format", "csv")}
	for _, a := range g.Areas {
		band, ok := bands.of(a)
		switch {
		case !ok:
			m.Withheld++
		case len(m.Spec.Areas) == maxMapAreas:
			m.Capped++
		default:
			m.Spec.Areas = append(m.Spec.Areas, mapArea{Lat: round5(a.Point.Lat()), Lon: round5(a.Point.Lon()), Band: band,
				Label: areaLabel(a) + ": gap score " + figureText(a.GapScore), Href: areaHref(a, f), Panel: "area-panel",
				Radius: markerRadius[f.Geography]})
		}
	}
	m.NoGaps = len(m.Legend) == 1 && m.Legend[0].Band == 0
	shown := min(len(g.Areas), topAreas)
	if all {
		shown = min(len(g.Areas), maxMapAreas)
	}
	m.Table = dataTable{Caption: "Areas by gap score, largest first",
		Head: heads([]string{"Area", "Rank", "Band", "Gap score", "Demand", "Access", "Services within reach", "IMD decile"},
			1, 2, 3, 4, 5, 6, 7),
		Empty: "There are no areas to show for this need."}
	for _, a := range g.Areas[:shown] {
		m.Table.Rows = append(m.Table.Rows, areaCells(a, bands, f))
	}
	if m.More = len(g.Areas) - shown; m.More > 0 && !all {
		m.AllLink = f.link("/app/insight", "geography", f.Geography, "all", "yes") + "#gap-table"
	}
	return m
}

func round5(v float64) float64 { return math.Round(v*1e5) / 1e5 }

func areaHref(a insight.GapArea, f insightFilter) string {
	return f.link("/app/insight/areas/"+a.Code, "geography", f.Geography)
}

// areaLabel names an area: authorities by name, smaller areas by code.
func areaLabel(a insight.GapArea) string {
	if a.Name != "" {
		return a.Name + " (" + a.Code + ")"
	}
	return a.Code
}

// areaCells are an area's row in the table of gaps; its link opens the
// area's figures in the panel beside the map.
func areaCells(a insight.GapArea, bands gapBands, f insightFilter) []cell {
	band, rank := "withheld", optionalInt(a.Rank)
	if b, ok := bands.of(a); ok {
		band = strconv.Itoa(b)
		if b == 0 {
			rank = "–" // no gap: a last place shared by all ranks nothing
		}
	}
	name := linkCell(areaLabel(a), areaHref(a, f))
	name.Panel = "area-panel"
	return []cell{name, numberCell(rank), numberCell(band), numberCell(figureText(a.GapScore)),
		numberCell(figureText(a.Demand)), numberCell(figureText(a.Access)), numberCell(strconv.Itoa(a.Services)),
		numberCell(optionalInt(a.IMDDecile))}
}

func optionalInt(n *int) string {
	if n == nil {
		return "–"
	}
	return strconv.Itoa(*n)
}

// gapBands colour the map. Band 0 is no gap (a score of 0); bands 1 to 4
// are the quartiles of the published scores above 0 in this answer, so the
// colours rank areas against each other rather than against a fixed scale
// that would suit one authority and not another. Withheld scores have no
// band: a band is a coarse score, and would give away what is withheld.
type gapBands struct {
	breaks [3]float64 // the upper bounds of bands 1, 2 and 3
}

func newGapBands(areas []insight.GapArea) gapBands {
	var scores []float64
	for _, a := range areas {
		if v := a.GapScore.Value; v != nil && *v > 0 {
			scores = append(scores, *v)
		}
	}
	slices.Sort(scores)
	var b gapBands
	for k := range b.breaks {
		if n := len(scores); n > 0 {
			b.breaks[k] = scores[int(math.Ceil(float64((k+1)*n)/4))-1] // nearest rank
		}
	}
	return b
}

// of is the area's band, and false when its score is withheld.
func (b gapBands) of(a insight.GapArea) (int, bool) {
	v := a.GapScore.Value
	if v == nil {
		return 0, false
	}
	if *v <= 0 {
		return 0, true
	}
	band := 1
	for _, br := range b.breaks {
		if *v > br {
			band++
		}
	}
	return band, true
}

// legend says what each band holds in this answer: the range of scores of
// its areas and how many there are. Empty bands are left out.
func (b gapBands) legend(areas []insight.GapArea) []legendItem {
	var lo, hi [5]float64
	var n [5]int
	for _, a := range areas {
		band, ok := b.of(a)
		if !ok {
			continue
		}
		v := *a.GapScore.Value
		if n[band] == 0 || v < lo[band] {
			lo[band] = v
		}
		hi[band] = max(hi[band], v)
		n[band]++
	}
	var out []legendItem
	for band := range n {
		if n[band] == 0 {
			continue
		}
		label := "No gap (score 0)"
		switch {
		case band > 0 && lo[band] == hi[band]:
			label = "Gap score " + trimFloat(lo[band])
		case band > 0:
			label = fmt.Sprintf("Gap score %s to %s", trimFloat(lo[band]), trimFloat(hi[band]))
		}
		out = append(out, legendItem{Band: band, Label: label, Count: plural(n[band], "area")})
	}
	return out
}

func trimFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
