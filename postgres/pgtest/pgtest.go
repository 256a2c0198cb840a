// Package pgtest gives tests a real PostgreSQL database: each test gets a
// fresh, fully migrated database cloned from a template, on the server named
// by KITH_TEST_DATABASE_URL or else on an embedded cluster shared by every
// test binary of the run. Tests never skip for want of a database: if none can
// be had, they fail and say why.
package pgtest

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"kith/migrations"
	"kith/postgres"
)

var (
	mu      sync.Mutex
	baseURL string // server to create test databases on, admin database selected
	local   *postgres.Local
	tmpl    string
	setup   error
)

// Main wraps testing.M.Run (or anything with its Run): it releases the embedded cluster when the package's
// tests finish, so the last test binary of a run stops it.
func Main(m interface{ Run() int }) {
	code := m.Run()
	mu.Lock()
	if local != nil {
		local.Release(context.Background())
	}
	mu.Unlock()
	os.Exit(code)
}

// ServerURL returns a connection URL for the test server's maintenance
// database, starting the embedded cluster if needed.
func ServerURL(t testing.TB) string {
	t.Helper()
	mu.Lock()
	defer mu.Unlock()
	if baseURL == "" && setup == nil {
		baseURL, setup = connectServer()
	}
	if setup != nil {
		t.Fatalf("pgtest: no test database: %v", setup)
	}
	return baseURL
}

func connectServer() (string, error) {
	if u := os.Getenv("KITH_TEST_DATABASE_URL"); u != "" {
		return u, nil
	}
	dir := os.Getenv("KITH_TEST_DATA")
	if dir == "" {
		// Per user, so that one user's cluster secret never blocks another's run.
		dir = filepath.Join(os.TempDir(), fmt.Sprintf("kith-test-%d", os.Getuid()))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	l, err := postgres.StartLocal(ctx, dir, nil)
	if err != nil {
		return "", err
	}
	local = l
	return l.DSN("postgres"), nil
}

// New returns a fresh migrated database that is dropped when the test ends.
func New(t testing.TB) *postgres.DB {
	t.Helper()
	db, _ := NewURL(t)
	return db
}

// NewURL is New, also returning the database's connection URL for tests that
// start processes of their own.
func NewURL(t testing.TB) (*postgres.DB, string) {
	t.Helper()
	dsn, dropIt := Shared(t)
	db, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		dropIt()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db.Close()
		dropIt()
	})
	return db, dsn
}

// Shared returns a fresh migrated database that outlives the test asking for
// it, for fixtures shared by a package's tests (a running server, say); the
// caller drops it with the returned function, usually after testing.M.Run.
func Shared(t testing.TB) (dsn string, drop func()) {
	t.Helper()
	server := ServerURL(t)
	ctx := context.Background()
	admin, err := sql.Open("postgres", server)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	template, err := ensureTemplate(ctx, admin, server)
	if err != nil {
		t.Fatalf("pgtest: template: %v", err)
	}
	name := fmt.Sprintf("kith_t_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name+` TEMPLATE `+template); err != nil {
		t.Fatalf("pgtest: create database: %v", err)
	}
	return withDatabase(server, name), func() { dropDatabase(server, name) }
}

// NewEmpty returns an empty database (no migrations) dropped after the test.
func NewEmpty(t testing.TB) (*sql.DB, string) {
	t.Helper()
	server := ServerURL(t)
	admin, err := sql.Open("postgres", server)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("kith_e_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatalf("pgtest: create database: %v", err)
	}
	dsn := withDatabase(server, name)
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db.Close()
		dropDatabase(server, name)
	})
	return db, dsn
}

func dropDatabase(server, name string) {
	admin, err := sql.Open("postgres", server)
	if err != nil {
		return
	}
	defer admin.Close()
	admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
}

// ensureTemplate creates, once per schema, a migrated database to clone. Its
// name carries a hash of the migrations, so a changed schema gets a new one.
func ensureTemplate(ctx context.Context, admin *sql.DB, server string) (string, error) {
	mu.Lock()
	defer mu.Unlock()
	if tmpl != "" {
		return tmpl, nil
	}
	name, err := templateName()
	if err != nil {
		return "", err
	}
	conn, err := admin.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	// Test binaries run in parallel; one builds the template, the others wait.
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(7411)`); err != nil {
		return "", err
	}
	defer conn.ExecContext(ctx, `SELECT pg_advisory_unlock(7411)`)
	var exists bool
	q := `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`
	if err := conn.QueryRowContext(ctx, q, name).Scan(&exists); err != nil {
		return "", err
	}
	if !exists {
		if err := buildTemplate(ctx, conn, server, name); err != nil {
			return "", err
		}
	}
	tmpl = name
	return name, nil
}

func buildTemplate(ctx context.Context, conn *sql.Conn, server, name string) error {
	building := name + "_build"
	conn.ExecContext(ctx, `DROP DATABASE IF EXISTS `+building+` WITH (FORCE)`)
	if _, err := conn.ExecContext(ctx, `CREATE DATABASE `+building); err != nil {
		return err
	}
	db, err := sql.Open("postgres", withDatabase(server, building))
	if err != nil {
		return err
	}
	_, err = migrations.Apply(ctx, db)
	db.Close()
	if err != nil {
		return err
	}
	// Renaming last means a half-built template is never cloned.
	_, err = conn.ExecContext(ctx, `ALTER DATABASE `+building+` RENAME TO `+name)
	return err
}

func templateName() (string, error) {
	all, err := migrations.All()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, m := range all {
		h.Write([]byte(m.Name))
		h.Write([]byte(m.SQL))
	}
	return "kith_tmpl_" + hex.EncodeToString(h.Sum(nil))[:12], nil
}

// withDatabase names database name on the test server.
func withDatabase(dsn, name string) string {
	if local != nil {
		return local.DSN(name)
	}
	return postgres.SwapDatabase(dsn, name)
}

// DataDir returns a data directory, removed when the test ends, that the
// embedded cluster's server user can reach when tests run as root. In
// t.TempDir(), which only its owner may enter, the cluster would go to
// /var/lib/kith instead and outlive the test.
func DataDir(t testing.TB) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "kith-data-")
	if err == nil {
		err = os.Chmod(dir, 0o755)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// NewCluster starts a private embedded cluster for a test that stops and
// starts PostgreSQL, which the shared one must never be. It is stopped and
// removed when the test ends.
func NewCluster(t testing.TB) *postgres.Local {
	t.Helper()
	dir := DataDir(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	l, err := postgres.StartLocal(ctx, dir, nil)
	if err != nil {
		t.Fatalf("pgtest: private cluster: %v", err)
	}
	t.Cleanup(func() { l.Release(context.Background()) })
	return l
}
