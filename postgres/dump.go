package postgres

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/lib/pq"
)

// ErrNotEmpty is returned (wrapped) when Restore is asked to load a backup
// into a database that already holds tables.
var ErrNotEmpty = errors.New("the database is not empty")

// Dump backs database dsn up to path in pg_dump's custom format, which
// pg_restore reads and which is compressed. The backup is one consistent
// snapshot, taken while the database stays in use. It is written beside
// path and renamed into place, so a failed backup never leaves a file that
// looks like one.
func Dump(ctx context.Context, dsn, path string) error {
	partial := path + ".partial"
	defer os.Remove(partial)
	if err := runTool(ctx, dsn, "pg_dump", "--format=custom", "--file="+partial); err != nil {
		return err
	}
	if err := os.Rename(partial, path); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

// Restore loads a Dump file into database dsn in a single transaction, so
// it is restored whole or not at all. It refuses a database that holds any
// table, wrapping ErrNotEmpty, unless replace is set: then each object the
// backup holds is dropped and recreated, and objects it does not hold are
// left alone. Objects are owned by the user dsn connects as.
func Restore(ctx context.Context, dsn, path string, replace bool) error {
	if err := runTool(ctx, "", "pg_restore", "--list", "--file="+os.DevNull, path); err != nil {
		return fmt.Errorf("restore: %s is not a backup made by kith backup (pg_dump's custom format): %w", path, err)
	}
	cfg, err := pq.NewConfig(dsn)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	n, err := userTables(ctx, dsn)
	if err != nil {
		return err
	}
	if n > 0 && !replace {
		return fmt.Errorf("%w: database %s holds %d tables, views or sequences; restore into an empty database (CREATE DATABASE), or replace what the backup holds with --force", ErrNotEmpty, cfg.Database, n)
	}
	args := []string{"--no-owner", "--single-transaction", "--exit-on-error", "--dbname=dbname=" + quoteConnValue(cfg.Database)}
	if replace {
		args = append(args, "--clean", "--if-exists")
	}
	return runTool(ctx, dsn, "pg_restore", append(args, path)...)
}

// userTables counts the tables, views and sequences outside PostgreSQL's
// own schemas.
func userTables(ctx context.Context, dsn string) (int, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return 0, fmt.Errorf("restore: %w", err)
	}
	defer db.Close()
	const q = `
SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'`
	var n int
	if err := db.QueryRowContext(ctx, q).Scan(&n); err != nil {
		return 0, fmt.Errorf("restore: %w", MapError(err))
	}
	return n, nil
}

// runTool runs a PostgreSQL client program against dsn ("" for none). The
// connection goes in the environment, not the arguments, which any local
// user may read; the program never prompts for a password.
func runTool(ctx context.Context, dsn, name string, args ...string) error {
	path, err := clientTool(ctx, name)
	if err != nil {
		return err
	}
	env, err := connEnv(dsn)
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, path, append([]string{"--no-password"}, args...)...)
	cmd.Env = env
	cmd.WaitDelay = 5 * time.Second
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w: %s", name, err, strings.TrimSpace(stderr.String()))
	}
	return nil
}

// clientTool finds pg_dump or pg_restore beside the server binaries the
// embedded cluster uses, so their versions match, or else on PATH.
func clientTool(ctx context.Context, name string) (string, error) {
	if dir, err := findBinaries(ctx); err == nil && executable(filepath.Join(dir, name)) {
		return filepath.Join(dir, name), nil
	}
	if path, err := exec.LookPath(name); err == nil {
		return path, nil
	}
	return "", fmt.Errorf("%w: %s is needed for backups: install the PostgreSQL client (Debian/Ubuntu: apt-get install postgresql-client)", ErrNoBinaries, name)
}

// connEnv is this process's environment with dsn's connection settings as
// libpq's PG* variables in place of any it had.
func connEnv(dsn string) ([]string, error) {
	env := slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, "PG") })
	if dsn == "" {
		return env, nil
	}
	cfg, err := pq.NewConfig(dsn)
	if err != nil {
		return nil, err
	}
	set := func(name, value string) {
		if value != "" {
			env = append(env, name+"="+value)
		}
	}
	set("PGHOST", cfg.Host)
	if cfg.Hostaddr.IsValid() {
		set("PGHOSTADDR", cfg.Hostaddr.String())
	}
	set("PGPORT", strconv.Itoa(int(cfg.Port)))
	set("PGDATABASE", cfg.Database)
	set("PGUSER", cfg.User)
	set("PGPASSWORD", cfg.Password)
	set("PGPASSFILE", cfg.Passfile)
	set("PGSSLMODE", string(cfg.SSLMode))
	set("PGSSLCERT", cfg.SSLCert)
	set("PGSSLKEY", cfg.SSLKey)
	set("PGSSLROOTCERT", cfg.SSLRootCert)
	if cfg.ConnectTimeout > 0 {
		set("PGCONNECT_TIMEOUT", strconv.Itoa(int(cfg.ConnectTimeout.Seconds())))
	}
	return env, nil
}
