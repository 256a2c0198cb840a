package benchgaps

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/lib/pq"

	"kith/postgres"
)

// kindLocation keys the venues, one per service met in person.
const kindLocation = kindUnmet + 1

// table is one table's rows as COPY writes them.
type table struct {
	name string
	cols []string
	n    int
	row  func(i int) []any // nil: no row for i
}

// loaded is how many rows went into a table and how long it took.
type loaded struct {
	table string
	rows  int
	took  time.Duration
}

// copyTable streams t's rows with COPY, because a row at a time would take
// longer than everything the bench measures.
func copyTable(ctx context.Context, tx *sql.Tx, t table) (loaded, error) {
	began := time.Now()
	stmt, err := tx.PrepareContext(ctx, fmt.Sprintf("COPY %s (%s) FROM STDIN", t.name, strings.Join(t.cols, ", ")))
	if err != nil {
		return loaded{}, fmt.Errorf("copy %s: %w", t.name, err)
	}
	n := 0
	for i := range t.n {
		if v := t.row(i); v != nil {
			if _, err := stmt.ExecContext(ctx, v...); err != nil {
				stmt.Close()
				return loaded{}, fmt.Errorf("copy %s: %w", t.name, err)
			}
			n++
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		stmt.Close()
		return loaded{}, fmt.Errorf("copy %s: %w", t.name, err)
	}
	return loaded{t.name, n, time.Since(began)}, stmt.Close()
}

// load writes the dataset in one transaction, then has PostgreSQL analyse
// it (and set visibility maps) as it would in time on a live system.
func load(ctx context.Context, db *postgres.DB, d *dataset) ([]loaded, error) {
	qa, err := loadChecklist(ctx, db)
	if err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var team string
	if err := tx.QueryRowContext(ctx, `INSERT INTO teams (name) VALUES ('Bench team') RETURNING id`).Scan(&team); err != nil {
		return nil, err
	}
	var out []loaded
	for _, t := range append(d.directory(qa), d.referrals(team)...) {
		l, err := copyTable(ctx, tx, t)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	began := time.Now()
	if _, err := db.ExecContext(ctx, `VACUUM ANALYZE`); err != nil {
		return nil, err
	}
	return append(out, loaded{"(vacuum analyze)", 0, time.Since(began)}), nil
}

// checklist is what quality assurance asks of an organisation before it
// may receive referrals, in the current template.
type checklist struct {
	template string
	keys     []string
}

func loadChecklist(ctx context.Context, db *postgres.DB) (checklist, error) {
	const q = `
SELECT t.id, array_agg(i.key ORDER BY i.position)
FROM qa_templates t JOIN qa_template_items i ON i.template_id = t.id
WHERE i.required_from IN ('signposting', 'referral') AND NOT 'listing' = ANY (i.evidence)
GROUP BY t.id, t.version ORDER BY t.version DESC LIMIT 1`
	var c checklist
	err := db.QueryRowContext(ctx, q).Scan(&c.template, (*pq.StringArray)(&c.keys))
	return c, err
}

// at is days after t, but never after the bench's today.
func at(t time.Time, days int) time.Time {
	if t = t.AddDate(0, 0, days); t.After(benchNow) {
		return benchNow
	}
	return t
}
