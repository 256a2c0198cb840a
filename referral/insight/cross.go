package insight

import (
	"cmp"
	"slices"
	"strings"
)

// cross gathers counts by row (such as an area, or an area and a need) and
// column, a cell at a time, for tables whose rows come from the data.
type cross struct {
	rows  []crossRow
	index map[string]int
	width int
}

type crossRow struct {
	dims   []string
	counts []int
}

func newCross(width int) *cross { return &cross{index: map[string]int{}, width: width} }

// add counts n in column col of the row with dims.
func (c *cross) add(dims []string, col, n int) {
	key := strings.Join(dims, "\x00")
	k, ok := c.index[key]
	if !ok {
		k, c.index[key] = len(c.rows), len(c.rows)
		c.rows = append(c.rows, crossRow{dims: dims, counts: make([]int, c.width)})
	}
	c.rows[k].counts[col] += n
}

// table publishes the rows, sorted by their dimensions, and a total row
// of "all"; column 0 of every row is the sum of the rest up to parts.
func (c *cross) table(dims []string, cols []Column, parts int) Table {
	slices.SortFunc(c.rows, func(a, b crossRow) int {
		return cmp.Compare(strings.Join(a.dims, "\x00"), strings.Join(b.dims, "\x00"))
	})
	counts := make([][]int, len(c.rows))
	for k, r := range c.rows {
		counts[k] = r.counts
	}
	sum := &rowSum{total: 0}
	for col := 1; col <= parts; col++ {
		sum.parts = append(sum.parts, col)
	}
	t := newCounts(counts, sumColumns(counts, c.width), sum)
	out := Table{Dims: dims, Columns: cols}
	total := make([]string, len(dims))
	for k := range total {
		total[k] = "all"
	}
	for k, r := range append(slices.Clone(c.rows), crossRow{dims: total}) {
		out.Rows = append(out.Rows, Row{Dims: r.dims, Figures: t.figures(k)})
	}
	return out
}
