package postgres

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestCrashAndRestartKeepTheDSN crashes the server under an open pool: the
// pool's next query fails as ErrUnavailable, and after Restart the same
// pool, with the same DSN, works again and holds every committed row.
func TestCrashAndRestartKeepTheDSN(t *testing.T) {
	t.Parallel()
	l := startTestLocal(t, reachableTempDir(t))
	dsn := l.DSN("kith")
	db, err := Open(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(t.Context(), "CREATE TABLE kept (v int); INSERT INTO kept VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	if err := l.Crash(t.Context()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	if err := db.Ready(ctx); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("ping after the crash: %v, want ErrUnavailable", err)
	}
	_, err = db.ExecContext(ctx, "INSERT INTO kept VALUES (2)")
	if err := MapError(err); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("insert after the crash: %v, want ErrUnavailable", err)
	}
	if err := l.Restart(t.Context()); err != nil {
		t.Fatal(err)
	}
	if l.DSN("kith") != dsn {
		t.Fatalf("restart moved the server: %s, was %s", l.DSN("kith"), dsn)
	}
	var n int
	if err := db.GetContext(ctx, &n, "SELECT sum(v) FROM kept"); err != nil || n != 1 {
		t.Fatalf("after restart: sum %d, %v; want 1", n, err)
	}
	if err := l.Restart(t.Context()); err == nil {
		t.Fatal("Restart of a running server succeeded")
	}
}
