package migrations

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
)

//go:embed *.sql
var files embed.FS

// lockKey is an arbitrary constant shared by every kith process so that only
// one of them migrates at a time.
const lockKey = 0x6b697468 // "kith"

var fileName = regexp.MustCompile(`^(\d{4})_[a-z0-9_]+\.sql$`)

// Migration is one numbered schema change.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// All returns the embedded migrations in order.
func All() ([]Migration, error) {
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		return nil, err
	}
	var out []Migration
	for _, e := range entries {
		m := fileName.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("migrations: badly named file %q", e.Name())
		}
		body, err := fs.ReadFile(files, e.Name())
		if err != nil {
			return nil, err
		}
		var v int
		fmt.Sscanf(m[1], "%d", &v)
		out = append(out, Migration{Version: v, Name: e.Name(), SQL: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i, m := range out {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migrations: %s breaks the sequence (want %04d)", m.Name, i+1)
		}
	}
	return out, nil
}

// Apply brings db up to the newest schema and returns the names of the files
// it applied (none when the database was already current).
func Apply(ctx context.Context, db *sql.DB) ([]string, error) {
	all, err := All()
	if err != nil {
		return nil, err
	}
	// The advisory lock belongs to one session, so hold one connection.
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrations: connect: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, lockKey); err != nil {
		return nil, fmt.Errorf("migrations: lock: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, lockKey)

	const create = `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    integer PRIMARY KEY,
		name       text NOT NULL,
		applied_at timestamptz NOT NULL DEFAULT now())`
	if _, err := conn.ExecContext(ctx, create); err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	current, err := currentVersion(ctx, conn)
	if err != nil {
		return nil, err
	}
	var applied []string
	for _, m := range all[min(current, len(all)):] {
		if err := applyOne(ctx, conn, m); err != nil {
			return applied, err
		}
		applied = append(applied, m.Name)
	}
	return applied, nil
}

func currentVersion(ctx context.Context, conn *sql.Conn) (int, error) {
	const q = `SELECT COALESCE(max(version), 0) FROM schema_migrations`
	var v int
	if err := conn.QueryRowContext(ctx, q).Scan(&v); err != nil {
		return 0, fmt.Errorf("migrations: read version: %w", err)
	}
	return v, nil
}

func applyOne(ctx context.Context, conn *sql.Conn, m Migration) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrations: %s: %w", m.Name, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return fmt.Errorf("migrations: %s: %w", m.Name, err)
	}
	const q = `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`
	if _, err := tx.ExecContext(ctx, q, m.Version, m.Name); err != nil {
		return fmt.Errorf("migrations: %s: %w", m.Name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrations: %s: %w", m.Name, err)
	}
	return nil
}
