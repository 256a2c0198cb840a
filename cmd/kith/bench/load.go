package bench

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/lib/pq"

	"kith/postgres"
)

// taxonomy is Kith's category vocabulary as the database holds it: the
// dataset files services under real term ids, and the oracle expands
// ancestors from the same parents search uses.
type taxonomy struct {
	id, parent, name map[string]string // by code
}

func loadTaxonomy(ctx context.Context, db *postgres.DB) (taxonomy, error) {
	const q = `SELECT t.id, t.code, t.name, COALESCE(p.code, '') AS parent
FROM taxonomy_terms t LEFT JOIN taxonomy_terms p ON p.id = t.parent_id`
	var rows []struct{ ID, Code, Name, Parent string }
	if err := db.SelectContext(ctx, &rows, q); err != nil {
		return taxonomy{}, err
	}
	t := taxonomy{id: map[string]string{}, parent: map[string]string{}, name: map[string]string{}}
	for _, r := range rows {
		t.id[r.Code], t.parent[r.Code], t.name[r.Code] = r.ID, r.Parent, r.Name
	}
	for _, list := range [][]topic{activityTopics, supportTopics} {
		for _, tp := range list {
			if t.id[tp.code] == "" {
				return taxonomy{}, fmt.Errorf("bench: category %q is not in the taxonomy", tp.code)
			}
		}
	}
	return t, nil
}

// checkEmpty refuses a database that already holds listings: the bench
// owns the database it is given.
func checkEmpty(ctx context.Context, db *postgres.DB) error {
	var n int
	if err := db.GetContext(ctx, &n, `SELECT count(*) FROM services`); err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("bench: the database already holds %d services; give it an empty one", n)
	}
	return nil
}

// copyTable streams rows into table with COPY; row(i) returns row i's
// values in the order of cols.
func copyTable(ctx context.Context, tx *sql.Tx, table string, cols []string, n int, row func(i int) []any) error {
	stmt, err := tx.PrepareContext(ctx, fmt.Sprintf("COPY %s (%s) FROM STDIN", table, strings.Join(cols, ", ")))
	if err != nil {
		return fmt.Errorf("copy %s: %w", table, err)
	}
	for i := range n {
		if _, err := stmt.ExecContext(ctx, row(i)...); err != nil {
			stmt.Close()
			return fmt.Errorf("copy %s: %w", table, err)
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		stmt.Close()
		return fmt.Errorf("copy %s: %w", table, err)
	}
	return stmt.Close()
}

// load writes the dataset into Kith's own tables, so that the real Source
// feeds the real Engine. COPY, because a row at a time would take longer
// than everything it measures.
func load(ctx context.Context, db *postgres.DB, ds *dataset) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, step := range []func(context.Context, *sql.Tx, *dataset) error{
		copyOrganisations, copyServices, copyCapacity, copyLocations, copyLinks, copySchedules, copyCategories,
	} {
		if err := step(ctx, tx, ds); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, `ANALYZE`)
	return err
}

func copyOrganisations(ctx context.Context, tx *sql.Tx, ds *dataset) error {
	cols := []string{"id", "name", "description", "legal_status"}
	return copyTable(ctx, tx, "organisations", cols, len(ds.orgs), func(i int) []any {
		o := ds.orgs[i]
		return []any{o.id, o.name, o.description, "charity"}
	})
}

func copyServices(ctx context.Context, tx *sql.Tx, ds *dataset) error {
	cols := []string{"id", "organisation_id", "name", "description", "status", "min_age", "max_age",
		"free", "delivery_modes", "published", "languages"}
	return copyTable(ctx, tx, "services", cols, len(ds.services), func(i int) []any {
		s := ds.services[i]
		return []any{s.id, ds.orgs[s.org].id, s.name, s.description, s.status, s.minAge, s.maxAge,
			s.free, pq.StringArray(s.delivery), s.published, pq.StringArray{"en"}}
	})
}

// copyCapacity writes the places of the services that have a limit; a
// service with every place held is full, as search's accepting filter sees.
func copyCapacity(ctx context.Context, tx *sql.Tx, ds *dataset) error {
	var limited []*service
	for i := range ds.services {
		if ds.services[i].maximum != nil {
			limited = append(limited, &ds.services[i])
		}
	}
	return copyTable(ctx, tx, "service_capacity", []string{"service_id", "maximum", "held"}, len(limited), func(i int) []any {
		s := limited[i]
		return []any{s.id, *s.maximum, s.held}
	})
}

func copyLocations(ctx context.Context, tx *sql.Tx, ds *dataset) error {
	cols := []string{"id", "organisation_id", "name", "city", "lon", "lat", "accessibility"}
	return copyTable(ctx, tx, "locations", cols, len(ds.venues), func(i int) []any {
		v := ds.venues[i]
		return []any{v.id, ds.orgs[v.org].id, v.name, v.town, v.point.Lon(), v.point.Lat(), pq.StringArray(v.access)}
	})
}

// links flattens service × venue pairs for COPY.
func links(ds *dataset) [][2]string {
	var out [][2]string
	for _, s := range ds.services {
		for _, v := range s.venues {
			out = append(out, [2]string{s.id, ds.venues[v].id})
		}
	}
	return out
}

func copyLinks(ctx context.Context, tx *sql.Tx, ds *dataset) error {
	l := links(ds)
	return copyTable(ctx, tx, "service_at_location", []string{"service_id", "location_id"}, len(l), func(i int) []any {
		return []any{l[i][0], l[i][1]}
	})
}

func copySchedules(ctx context.Context, tx *sql.Tx, ds *dataset) error {
	type row struct {
		svc, loc string
		s        session
	}
	var rows []row
	for _, s := range ds.services {
		for _, x := range s.sessions {
			rows = append(rows, row{s.id, ds.venues[s.venues[0]].id, x})
		}
	}
	cols := []string{"service_id", "location_id", "freq", "byday", "opens_at", "closes_at"}
	return copyTable(ctx, tx, "schedules", cols, len(rows), func(i int) []any {
		r := rows[i]
		return []any{r.svc, r.loc, r.s.freq, pq.StringArray(r.s.byday), r.s.opens, r.s.closes}
	})
}

func copyCategories(ctx context.Context, tx *sql.Tx, ds *dataset) error {
	var pairs [][2]string
	for _, s := range ds.services {
		for _, c := range s.codes {
			pairs = append(pairs, [2]string{s.id, ds.tax.id[c]})
		}
	}
	return copyTable(ctx, tx, "service_categories", []string{"service_id", "term_id"}, len(pairs), func(i int) []any {
		return []any{pairs[i][0], pairs[i][1]}
	})
}

// settle vacuums and checkpoints after the bulk load, so that autovacuum and
// the checkpointer are not busy during a timed phase and the tables have the
// visibility map, hint bits and statistics of a database in service. A
// server that does not allow CHECKPOINT (a managed one, say) is only noted.
func settle(ctx context.Context, db *postgres.DB) (note string, err error) {
	if _, err := db.ExecContext(ctx, `VACUUM ANALYZE`); err != nil {
		return "", fmt.Errorf("vacuum: %w", err)
	}
	if _, err := db.ExecContext(ctx, `CHECKPOINT`); err != nil {
		return fmt.Sprintf("no checkpoint (%v)", err), nil
	}
	return "", nil
}
