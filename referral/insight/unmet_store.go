package insight

import (
	"cmp"
	"context"
	"slices"

	"kith/postgres"
)

// unmetRow is the unmet needs of one kind recorded in one LSOA.
type unmetRow struct {
	LSOA string `db:"lsoa"`
	LAD  string `db:"lad"`
	Code string `db:"code"`
	Name string `db:"name"`
	N    int    `db:"n"`
}

func (s *Store) unmetNeeds(ctx context.Context, f filter) (Table, error) {
	const q = `
SELECT u.lsoa, u.lad, t.code, t.name, count(*) AS n
FROM unmet_needs u JOIN taxonomy_terms t ON t.id = u.term_id
WHERE u.recorded_at >= $1 AND u.recorded_at < $2 AND ($3::uuid[] IS NULL OR u.term_id = ANY($3))
  AND ($4 = '' OR u.lad = $4)
GROUP BY 1, 2, 3, 4`
	var rows []unmetRow
	if err := s.db.SelectContext(ctx, &rows, q, f.args()...); err != nil {
		return Table{}, postgres.MapError(err)
	}
	return unmetTable(rows, f.q.Geography), nil
}

// unmetTable is one row per area and a column per need recorded, after a
// column of all needs.
func unmetTable(rows []unmetRow, g Geography) Table {
	cols := []Column{{"all", "All unmet needs"}}
	col := map[string]int{}
	slices.SortFunc(rows, func(a, b unmetRow) int { return cmp.Compare(a.Code, b.Code) })
	for _, r := range rows {
		if _, ok := col[r.Code]; !ok {
			col[r.Code] = len(cols)
			cols = append(cols, Column{r.Code, r.Name})
		}
	}
	c := newCross(len(cols))
	for _, r := range rows {
		code := unmetArea(g, r)
		dims := []string{code, areaName(g, code)}
		c.add(dims, 0, r.N)
		c.add(dims, col[r.Code], r.N)
	}
	t := c.table([]string{"area", "area_name"}, cols, len(cols)-1)
	t.Caveats = []string{"Needs a link worker found nothing suitable for, by the area the person lives in (" +
		string(g) + "); unknown: no postcode Kith can place, or an LSOA whose ward Kith does not know."}
	return t
}

func unmetArea(g Geography, r unmetRow) string {
	code := r.LAD
	switch g {
	case GeoLSOA:
		code = r.LSOA
	case GeoWard:
		code = members()[r.LSOA].ward
	}
	return cmp.Or(code, "unknown")
}
