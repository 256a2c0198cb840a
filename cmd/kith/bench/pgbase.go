package bench

import (
	"context"
	"database/sql"
	"strings"

	"github.com/lib/pq"

	"kith/postgres"
)

// The PostgreSQL baseline is search as a careful team would build it
// without a search engine: one row per findable service with a stored,
// weighted tsvector (name A, everything else B) under GIN, categories
// (with ancestors) under GIN, and venues with ll_to_earth(lat, lon) under
// GiST. The earth point is a stored column rather than an expression index
// because EXPLAIN showed rechecks and distances recomputing it for every
// row, which tripled the cost of a wide radius.
const pgSchema = `
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
DROP TABLE IF EXISTS bench_pg_venues, bench_pg_services;
CREATE TABLE bench_pg_services (
    id      uuid PRIMARY KEY,
    name    text NOT NULL,
    body    text NOT NULL,
    cats    text[] NOT NULL,
    is_full boolean NOT NULL,
    remote  boolean NOT NULL,
    tsv     tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('english', name), 'A') ||
                setweight(to_tsvector('english', body), 'B')) STORED
);
CREATE TABLE bench_pg_venues (
    service_id uuid NOT NULL REFERENCES bench_pg_services,
    lat        double precision NOT NULL,
    lon        double precision NOT NULL,
    earth      earth GENERATED ALWAYS AS (ll_to_earth(lat, lon)) STORED
);`

// Indexes are built after the rows are in, as one would for a bulk load.
const pgIndexes = `
CREATE INDEX bench_pg_services_tsv ON bench_pg_services USING gin (tsv);
CREATE INDEX bench_pg_services_cats ON bench_pg_services USING gin (cats);
CREATE INDEX bench_pg_services_remote ON bench_pg_services (id) WHERE remote;
CREATE INDEX bench_pg_venues_earth ON bench_pg_venues USING gist (earth);
CREATE INDEX bench_pg_venues_service ON bench_pg_venues (service_id);
ANALYZE bench_pg_services, bench_pg_venues;`

// buildBaseline creates and fills the baseline's tables from the dataset.
func buildBaseline(ctx context.Context, db *postgres.DB, ds *dataset) error {
	if _, err := db.ExecContext(ctx, pgSchema); err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := copyBaseline(ctx, tx, ds); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, pgIndexes)
	return err
}

func copyBaseline(ctx context.Context, tx *sql.Tx, ds *dataset) error {
	var svcs []*service
	type link struct {
		svc   string
		venue int
	}
	var venues []link
	for i := range ds.services {
		s := &ds.services[i]
		if !s.findable() {
			continue
		}
		svcs = append(svcs, s)
		for _, v := range s.venues {
			venues = append(venues, link{s.id, v})
		}
	}
	cols := []string{"id", "name", "body", "cats", "is_full", "remote"}
	err := copyTable(ctx, tx, "bench_pg_services", cols, len(svcs), func(i int) []any {
		s := svcs[i]
		return []any{s.id, s.name, searchText(ds, s), pq.StringArray(s.cats), s.full, len(s.venues) == 0}
	})
	if err != nil {
		return err
	}
	return copyTable(ctx, tx, "bench_pg_venues", []string{"service_id", "lat", "lon"}, len(venues), func(i int) []any {
		p := ds.venues[venues[i].venue].point
		return []any{venues[i].svc, p.Lat(), p.Lon()}
	})
}

// tsQuery ORs the query's words, as Kith matches any of them; characters
// that mean something to to_tsquery are dropped.
func tsQuery(q *benchQuery) string {
	var ws []string
	for _, w := range q.textWords() {
		w = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, w)
		if w != "" {
			ws = append(ws, w)
		}
	}
	return strings.Join(ws, " | ")
}
