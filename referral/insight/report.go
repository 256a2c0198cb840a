package insight

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// Report names a report; each is served at /api/reports/{name}.
type Report string

const (
	ReportBySource        Report = "referrals-by-source"
	ReportByMonth         Report = "referrals-by-month"
	ReportByNeed          Report = "referrals-by-need"
	ReportByIMD           Report = "referrals-by-imd"
	ReportByAge           Report = "referrals-by-age"
	ReportTriage          Report = "triage"
	ReportContacts        Report = "contacts"
	ReportConnections     Report = "connections"
	ReportOutcomes        Report = "outcomes"
	ReportCommunityGroups Report = "community-groups"
	ReportUnmetNeeds      Report = "unmet-needs"
	ReportCommunityWork   Report = "community-work"
)

// Reports lists every report, in the order the docs describe them.
var Reports = []Report{ReportBySource, ReportByMonth, ReportByNeed, ReportByIMD, ReportByAge, ReportTriage, ReportContacts,
	ReportConnections, ReportOutcomes, ReportCommunityGroups, ReportUnmetNeeds, ReportCommunityWork}

// Title says what report r counts, as its tables and CSV files are headed.
func (r Report) Title() string { return builders[r].title }

// Table is a report: rows of what they are about (dimensions) and figures
// (one per column), with notes on what the figures mean.
type Table struct {
	Report   Report
	Title    string
	Period   Period
	Category *Category
	Area     *Area
	Dims     []string
	Columns  []Column
	Rows     []Row
	Caveats  []string
}

// Column is one figure of every row.
type Column struct {
	Key   string `json:"key"`
	Label string `json:"label"`
}

// Row is one line of a table: a value per dimension, a figure per column.
type Row struct {
	Dims    []string
	Figures []Figure
}

// MarshalJSON writes the table with each row as an object keyed by
// dimension and column, in table order.
func (t Table) MarshalJSON() ([]byte, error) {
	rows := make([]json.RawMessage, len(t.Rows))
	for k, r := range t.Rows {
		b, err := t.rowJSON(r)
		if err != nil {
			return nil, err
		}
		rows[k] = b
	}
	return json.Marshal(struct {
		Report   Report            `json:"report"`
		Title    string            `json:"title"`
		Period   Period            `json:"period"`
		Category *Category         `json:"category"`
		Area     *Area             `json:"area"`
		Dims     []string          `json:"dimensions"`
		Columns  []Column          `json:"columns"`
		Rows     []json.RawMessage `json:"rows"`
		Caveats  []string          `json:"caveats"`
		Method   Method            `json:"method"`
	}{t.Report, t.Title, t.Period, t.Category, t.Area, t.Dims, t.Columns, rows, nonNil(t.Caveats),
		Method{Summary: t.Title, Disclosure: disclosureRule, Document: "docs/INSIGHT.md"}})
}

func (t Table) rowJSON(r Row) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for k, d := range t.Dims {
		fmt.Fprintf(&b, "%q:", d)
		v, _ := json.Marshal(r.Dims[k])
		b.Write(v)
		b.WriteByte(',')
	}
	for k, c := range t.Columns {
		v, err := r.Figures[k].MarshalJSON()
		if err != nil {
			return nil, err
		}
		if k > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%q:%s", c.Key, v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// WriteCSV writes comment lines (starting #) saying what the table is,
// then a header of dimension and column keys, then the rows.
func (t Table) WriteCSV(w io.Writer) error {
	bw := bufio.NewWriter(w)
	lines := [][2]string{{"kith report", string(t.Report) + ": " + t.Title},
		{"period", t.Period.String()}, {"category", t.Category.label()}, {"area", t.Area.label()}}
	for _, n := range t.Caveats {
		lines = append(lines, [2]string{"caveat", n})
	}
	comments(bw, append(lines, [2]string{"disclosure", disclosureRule}))
	cw := csv.NewWriter(bw)
	header := append([]string{}, t.Dims...)
	for _, c := range t.Columns {
		header = append(header, c.Key)
	}
	cw.Write(header)
	for _, r := range t.Rows {
		line := append([]string{}, r.Dims...)
		for _, f := range r.Figures {
			line = append(line, f.CSV())
		}
		cw.Write(line)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// counts is a table of counts under disclosure control: rows by columns,
// then a total row. Each column adds up to its total; sum, when set, says
// which column of a row its other columns add up to.
type counts struct {
	l     ledger
	cells [][]int // by row, the total row last; by column
}

// rowSum says that in every row, column total is the sum of the columns in
// parts.
type rowSum struct {
	total int
	parts []int
}

func newCounts(rows [][]int, total []int, sum *rowSum) *counts {
	t := &counts{}
	for _, r := range slices.Concat(rows, [][]int{total}) {
		cells := make([]int, len(r))
		for c, n := range r {
			cells[c] = t.l.cell(n)
		}
		if sum != nil {
			parts := make([]int, len(sum.parts))
			for k, c := range sum.parts {
				parts[k] = cells[c]
			}
			t.l.group(cells[sum.total], parts...)
		}
		t.cells = append(t.cells, cells)
	}
	t.groupColumns(len(total))
	t.l.protect()
	return t
}

func (t *counts) groupColumns(n int) {
	last := len(t.cells) - 1
	for c := range n {
		parts := make([]int, last)
		for r := range last {
			parts[r] = t.cells[r][c]
		}
		t.l.group(t.cells[last][c], parts...)
	}
}

// figures are row r as published; the total row is number len(rows).
func (t *counts) figures(r int) []Figure {
	out := make([]Figure, len(t.cells[r]))
	for c, i := range t.cells[r] {
		out[c] = t.l.count(i)
	}
	return out
}

// sumColumns is the total row of rows.
func sumColumns(rows [][]int, width int) []int {
	total := make([]int, width)
	for _, r := range rows {
		for c, n := range r {
			total[c] += n
		}
	}
	return total
}

// node is one line of a breakdown where lines add up to their parent: a
// triage outcome under all referrals, a decline reason under declined.
type node struct {
	key, parent string
	n           int
}

// tree publishes nodes in order, each parent a group over its children.
func tree(nodes []node) []Row {
	var l ledger
	cells := make(map[string]int, len(nodes))
	children := map[string][]int{}
	for _, n := range nodes {
		cells[n.key] = l.cell(n.n)
		if n.parent != "" {
			children[n.parent] = append(children[n.parent], cells[n.key])
		}
	}
	for _, n := range nodes {
		l.group(cells[n.key], children[n.key]...)
	}
	l.protect()
	rows := make([]Row, len(nodes))
	for k, n := range nodes {
		rows[k] = Row{Dims: []string{n.key, n.parent}, Figures: []Figure{l.count(cells[n.key])}}
	}
	return rows
}
