package bench

import (
	"context"
	"fmt"

	"kith/postgres"
)

// kithEarthKm is the mean Earth radius geo.DistanceKm uses. earthdistance
// measures on a sphere of radius earth() metres instead, so the baseline
// scales radii and distances between the two to ask the same question.
const kithEarthKm = 6371.0088

// pgNear is every service with a venue within $3 metres of ($1, $2), at its
// nearest venue's distance, plus every remote service (at no distance).
// earth_box is the indexable superset; the distance is computed once per
// venue in the box, and the nearest must be within the radius.
const pgNear = `near AS (
    SELECT v.service_id, min(earth_distance(ll_to_earth($1::float8, $2::float8), v.earth)) AS m
    FROM bench_pg_venues v
    WHERE earth_box(ll_to_earth($1::float8, $2::float8), $3::float8) @> v.earth
    GROUP BY v.service_id
    HAVING min(earth_distance(ll_to_earth($1::float8, $2::float8), v.earth)) <= $3::float8
    UNION ALL
    SELECT id, NULL FROM bench_pg_services WHERE remote)`

// pgFilters are the same filters Kith applies: a category (with its
// descendants, since cats holds ancestors) and, when on, accepting. The
// arguments number the two parameters.
func pgFilters(cat, accepting int) string {
	return fmt.Sprintf(`($%d::text = '' OR s.cats @> ARRAY[$%d::text]) AND NOT ($%d::boolean AND s.is_full)`, cat, cat, accepting)
}

// pgTextNear ranks like Kith: 0.65 × relevance relative to the best match
// plus 0.35 × closeness across the radius (remote services count half-way),
// then distance, name and id.
var pgTextNear = `WITH ` + pgNear + `,
hits AS (
    SELECT s.id, s.name, n.m / earth() * 6371.0088 AS km, ts_rank(s.tsv, q) AS rel
    FROM near n JOIN bench_pg_services s ON s.id = n.service_id, to_tsquery('english', $6) q
    WHERE s.tsv @@ q AND ` + pgFilters(4, 5) + `),
ranked AS (
    SELECT id, name, km, 0.65 * rel / NULLIF(max(rel) OVER (), 0) + 0.35 * COALESCE(1 - km / $7::float8, 0.5) AS rank
    FROM hits)
SELECT id::text, COALESCE(km, -1), count(*) OVER () FROM ranked
ORDER BY rank DESC, km NULLS LAST, name COLLATE "C", id LIMIT $8`

// pgTextOnly ranks by relevance, then name and id.
var pgTextOnly = `SELECT s.id::text, -1::float8, count(*) OVER ()
FROM bench_pg_services s, to_tsquery('english', $1) q
WHERE s.tsv @@ q AND ` + pgFilters(2, 3) + `
ORDER BY ts_rank(s.tsv, q) DESC, s.name COLLATE "C", s.id LIMIT $4`

// pgPlaceOnly orders by distance, remote services last, then name and id.
var pgPlaceOnly = `WITH ` + pgNear + `
SELECT s.id::text, COALESCE(n.m / earth() * 6371.0088, -1), count(*) OVER ()
FROM near n JOIN bench_pg_services s ON s.id = n.service_id
WHERE ` + pgFilters(4, 5) + `
ORDER BY n.m NULLS LAST, s.name COLLATE "C", s.id LIMIT $6`

// pgNearest walks the GiST index in nearest-neighbour order instead of
// gathering everything in the radius: the first $4 venues hold the nearest
// $5 services because no service has more than $4/$5 - 1 venues. (With an
// earth_box condition as well, the planner trusts cube's fixed selectivity
// guess, sorts the whole box and is seven times slower.) It counts no
// total, which a "nearest N" screen does not show.
const pgNearest = `WITH knn AS (
    SELECT v.service_id, earth_distance(ll_to_earth($1::float8, $2::float8), v.earth) AS m
    FROM bench_pg_venues v
    ORDER BY v.earth <-> ll_to_earth($1::float8, $2::float8)
    LIMIT $4),
near AS (
    SELECT service_id, min(m) AS m FROM knn WHERE m <= $3::float8 GROUP BY service_id
    UNION ALL
    SELECT id, NULL FROM bench_pg_services WHERE remote)
SELECT s.id::text, COALESCE(n.m / earth() * 6371.0088, -1), -1
FROM near n JOIN bench_pg_services s ON s.id = n.service_id
ORDER BY n.m NULLS LAST, s.name COLLATE "C", s.id LIMIT $5`

// pgBaseline answers the mix from the baseline tables.
type pgBaseline struct {
	db        *postgres.DB
	earthM    float64 // earth() in metres
	maxVenues int     // the most venues any service has
}

func newBaseline(ctx context.Context, db *postgres.DB, ds *dataset) (*pgBaseline, error) {
	p := &pgBaseline{db: db}
	for _, s := range ds.services {
		p.maxVenues = max(p.maxVenues, len(s.venues))
	}
	return p, db.GetContext(ctx, &p.earthM, `SELECT earth()`)
}

// Search runs one query with the statement for its shape.
func (p *pgBaseline) Search(ctx context.Context, q *benchQuery) (answer, error) {
	at, near, err := q.where()
	if err != nil {
		return answer{}, err
	}
	ts := tsQuery(q)
	if q.text != "" && ts == "" {
		return answer{}, nil
	}
	metres := q.radiusKm / kithEarthKm * p.earthM
	switch {
	case q.class == nearest:
		return p.query(ctx, pgNearest, at.Lat(), at.Lon(), metres, q.limit*(p.maxVenues+1), q.limit)
	case q.text != "" && near:
		return p.query(ctx, pgTextNear, at.Lat(), at.Lon(), metres, q.category, q.accepts(), ts, q.radiusKm, q.limit)
	case q.text != "":
		return p.query(ctx, pgTextOnly, ts, q.category, q.accepts(), q.limit)
	}
	return p.query(ctx, pgPlaceOnly, at.Lat(), at.Lon(), metres, q.category, q.accepts(), q.limit)
}

func (p *pgBaseline) query(ctx context.Context, stmt string, args ...any) (answer, error) {
	rows, err := p.db.QueryContext(ctx, stmt, args...)
	if err != nil {
		return answer{}, err
	}
	defer rows.Close()
	var a answer
	for rows.Next() {
		var id string
		var dist float64
		if err := rows.Scan(&id, &dist, &a.total); err != nil {
			return answer{}, err
		}
		a.ids, a.dists = append(a.ids, id), append(a.dists, dist)
	}
	return a, rows.Err()
}
