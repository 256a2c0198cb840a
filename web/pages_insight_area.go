package web

import (
	"fmt"
	"strconv"

	"kith/referral/insight"
)

// areaFigures are one area's figures, for the dashboard's panel or a page.
type areaFigures struct {
	Title, Category, Page string
	Standing              string // its rank and band, in a sentence
	Rows                  []figureRow
	Withheld              bool
	InPanel               bool
}

func newAreaFigures(a insight.GapArea, g insight.Gaps, bands gapBands, f insightFilter) areaFigures {
	d := areaFigures{Title: "Area " + areaLabel(a), Category: "every need", Page: areaHref(a, f),
		Standing: "Not ranked, and no band: its figures are withheld.", Withheld: a.GapScore.Suppressed}
	if g.Category != nil {
		d.Category = g.Category.Name
	}
	switch b, ok := bands.of(a); {
	case ok && b == 0:
		d.Standing = "No gap here (band 0)."
	case ok:
		d.Standing = fmt.Sprintf("Ranked %d of %d areas by gap score; band %d of 4.", *a.Rank, len(g.Areas), b)
	}
	d.Rows = []figureRow{
		{"Gap score", figureText(a.GapScore), "demand left without a place, weighted by deprivation"},
		{"Demand", figureText(a.Demand), "referrals and unmet needs"},
		{"Referrals received", figureText(a.Referrals), ""},
		{"Unmet needs recorded", figureText(a.UnmetNeeds), ""},
		{"Shortfall", figureText(a.Shortfall), "demand without a place"},
		{"Access", figureText(a.Access), "places per unit of demand within reach"},
		{"IMD 2019 decile", optionalInt(a.IMDDecile), "1 is the most deprived tenth of England"},
		{"Services within reach", strconv.Itoa(a.Services), "quality assured for referrals"},
		{"Places they state", strconv.Itoa(a.Places), ""},
		{"Services stating no limit", strconv.Itoa(a.Unstated), ""},
		{"Places taken", figureText(a.Held), ""},
		{"Share of places taken", percentText(a.Utilisation), ""},
		{"Requests turned away for want of room", figureText(a.NoCapacity), "in the period"},
		{"Share of answers that were “no room”", percentText(a.NoCapacityRate), ""},
		{"Small areas (LSOAs) in it", strconv.Itoa(a.LSOAs), ""},
	}
	return d
}

// percentText shows a share (0 to 1) as a percentage.
func percentText(f insight.Figure) string {
	if f.Value == nil {
		return figureText(f)
	}
	return strconv.FormatFloat(*f.Value*100, 'f', 0, 64) + "%"
}
