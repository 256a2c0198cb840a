package web

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/referral/insight"
)

// reportSection is one report on the dashboard: a chart of some of its
// figures and a table of all of them, with its CSV download.
type reportSection struct {
	ID, Title, Intro string
	Chart            *chartSpec
	Table            dataTable
	Caveats          []string
	CSV              string
}

// chartSpec is what kith.js draws from data-chart.
type chartSpec struct {
	Type     string         `json:"type"`
	Labels   []string       `json:"labels"`
	Datasets []chartDataset `json:"datasets"`
	Stacked  bool           `json:"stacked"`
}

type chartDataset struct {
	Label string     `json:"label"`
	Data  []*float64 `json:"data"` // null where a figure is withheld
}

// sectionSpec says how one report is shown.
type sectionSpec struct {
	report           insight.Report
	id, title, intro string
	chart            string
	dim              string                   // the heading of the rows' column
	label            func(insight.Row) string // a row's name
	charted          []int                    // the columns drawn
	// chartRows and tableRows choose the rows drawn and tabled, in order.
	chartRows func([]insight.Row) []insight.Row
	tableRows func([]insight.Row) []insight.Row
}

// sections are the reports the dashboard draws, in order.
var sections = []sectionSpec{
	{report: insight.ReportByMonth, id: "referrals-over-time", title: "Referrals over time", chart: "bar",
		intro: "Referrals received each month with a need in the category.", dim: "Month",
		label: monthLabel, charted: []int{0}, chartRows: withoutAll, tableRows: everyRow},
	{report: insight.ReportBySource, id: "referrals-by-source", title: "Where referrals come from", chart: "bar",
		intro: "Referrals by the kind of agency that made them, and how the link-worker team answered.",
		dim:   "Referred by", label: sourceLabel, charted: []int{0}, chartRows: withoutAll, tableRows: everyRow},
	{report: insight.ReportByNeed, id: "referrals-by-need", title: "What people are referred for", chart: "bar",
		intro: "The ten needs most often coded on referrals; the table has every need coded at least once.",
		dim:   "Need", label: func(r insight.Row) string { return r.Dims[1] }, charted: []int{0},
		chartRows: busiest(10), tableRows: nonZero},
	{report: insight.ReportOutcomes, id: "outcomes", title: "Outcomes: change in wellbeing", chart: "bar",
		intro: "Mean ONS4 answers (0 to 10) at baseline and at follow-up; a rise is better, except for anxiety, " +
			"where a fall is better. SWEMWBS is in the table.", dim: "Measure", label: outcomeLabel,
		charted: []int{1, 2}, chartRows: ons4Rows, tableRows: everyRow},
	{report: insight.ReportCommunityGroups, id: "provider-load", title: "Load on community groups", chart: "bar",
		intro: "Connections each group received from link workers, accepted and attended: the ten busiest are " +
			"drawn, the twenty busiest are in the table, and every group is in the CSV.", dim: "Organisation",
		label: func(r insight.Row) string { return r.Dims[1] }, charted: []int{0, 1, 2},
		chartRows: busiest(10), tableRows: withTotal(busiest(20))},
}

func (s *server) reportSections(c *fiber.Ctx, f insightFilter) ([]reportSection, error) {
	q, err := insight.ParseReportQuery(f.params(), "", s.now())
	if err != nil {
		return nil, paramError(err)
	}
	out := make([]reportSection, 0, len(sections))
	for _, spec := range sections {
		t, err := s.insight.Report(c.UserContext(), spec.report, q)
		if err != nil {
			return nil, paramError(err)
		}
		out = append(out, spec.build(t, f))
	}
	return out, nil
}

func (spec sectionSpec) build(t insight.Table, f insightFilter) reportSection {
	sec := reportSection{ID: spec.id, Title: spec.title, Intro: spec.intro, Caveats: t.Caveats,
		CSV:   f.link("/api/reports/"+string(spec.report), "format", "csv"),
		Table: dataTable{Caption: spec.title, Head: []cell{textCell(spec.dim)}, Empty: "Nothing to show for this need."}}
	for _, col := range t.Columns {
		sec.Table.Head = append(sec.Table.Head, numberCell(col.Label))
	}
	for _, r := range spec.tableRows(t.Rows) {
		line := []cell{textCell(spec.label(r))}
		for _, fig := range r.Figures {
			line = append(line, numberCell(figureText(fig)))
		}
		sec.Table.Rows = append(sec.Table.Rows, line)
	}
	if rows := spec.chartRows(t.Rows); len(rows) > 0 {
		ch := &chartSpec{Type: spec.chart}
		for _, r := range rows {
			ch.Labels = append(ch.Labels, spec.label(r))
		}
		for _, col := range spec.charted {
			ds := chartDataset{Label: t.Columns[col].Label}
			for _, r := range rows {
				ds.Data = append(ds.Data, r.Figures[col].Value)
			}
			ch.Datasets = append(ch.Datasets, ds)
		}
		sec.Chart = ch
	}
	return sec
}

func everyRow(rows []insight.Row) []insight.Row { return rows }

// isAll is a report's total row.
func isAll(r insight.Row) bool { return r.Dims[0] == "all" }

func withoutAll(rows []insight.Row) []insight.Row {
	return slices.DeleteFunc(slices.Clone(rows), isAll)
}

// nonZero keeps rows with something in them (a withheld count is
// something), and the total.
func nonZero(rows []insight.Row) []insight.Row {
	return slices.DeleteFunc(slices.Clone(rows), func(r insight.Row) bool {
		if isAll(r) {
			return false
		}
		for _, f := range r.Figures {
			if f.Suppressed || (f.Value != nil && *f.Value != 0) {
				return false
			}
		}
		return true
	})
}

// busiest is the n rows with the most in the first column; withheld
// counts (under 5) and zeros are left out.
func busiest(n int) func([]insight.Row) []insight.Row {
	return func(rows []insight.Row) []insight.Row {
		kept := slices.DeleteFunc(withoutAll(rows), func(r insight.Row) bool { return r.Figures[0].Value == nil || *r.Figures[0].Value == 0 })
		slices.SortStableFunc(kept, func(a, b insight.Row) int { return cmp.Compare(*b.Figures[0].Value, *a.Figures[0].Value) })
		return kept[:min(n, len(kept))]
	}
}

// withTotal adds a report's total row to the rows pick keeps.
func withTotal(pick func([]insight.Row) []insight.Row) func([]insight.Row) []insight.Row {
	return func(rows []insight.Row) []insight.Row {
		return append(pick(rows), slices.DeleteFunc(slices.Clone(rows), func(r insight.Row) bool { return !isAll(r) })...)
	}
}

func ons4Rows(rows []insight.Row) []insight.Row {
	return slices.DeleteFunc(slices.Clone(rows), func(r insight.Row) bool { return r.Dims[0] != "ons4" })
}

func monthLabel(r insight.Row) string {
	if isAll(r) {
		return "All months"
	}
	m, err := time.Parse("2006-01", r.Dims[0])
	if err != nil {
		return r.Dims[0]
	}
	return m.Format("Jan 2006")
}

// sourceLabels name the kinds of referrer (referral.Sources) in plain words.
var sourceLabels = map[string]string{
	"gp_practice": "GP practice", "pharmacy": "Pharmacy", "hospital_discharge": "Hospital discharge",
	"allied_health_professional": "Allied health professional", "social_care": "Social care", "housing": "Housing",
	"police": "Police", "fire_service": "Fire service", "job_centre": "Job centre", "vcse": "Voluntary sector",
	"education": "Education", "self_referral": "Self-referral", "other": "Other", "all": "All sources",
}

func sourceLabel(r insight.Row) string { return cmp.Or(sourceLabels[r.Dims[0]], r.Dims[0]) }

// outcomeLabels name the rows of the outcomes report.
var outcomeLabels = map[string]string{
	"life_satisfaction": "Life satisfaction (ONS4)", "worthwhile": "Feeling life is worthwhile (ONS4)",
	"happy": "Happiness yesterday (ONS4)", "anxious": "Anxiety yesterday (ONS4)", "score": "SWEMWBS total (7 to 35)",
}

func outcomeLabel(r insight.Row) string {
	return cmp.Or(outcomeLabels[r.Dims[1]], strings.ReplaceAll(r.Dims[1], "_", " "))
}
