package postgres_test

import (
	"context"
	"errors"
	"io"
	"net"
	"regexp"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"kith/postgres"
	"kith/postgres/pgtest"
)

// freezer forwards TCP connections to a server and, while frozen, stops
// passing the server's bytes back: a server that has stopped answering,
// as a hung host or a stopped process looks to its clients.
type freezer struct {
	ln     net.Listener
	target string
	frozen atomic.Bool
	mu     sync.Mutex
	conns  []net.Conn
}

func newFreezer(t *testing.T, target string) *freezer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f := &freezer{ln: ln, target: target}
	go f.serve()
	t.Cleanup(f.close)
	return f
}

func (f *freezer) serve() {
	for {
		c, err := f.ln.Accept()
		if err != nil {
			return
		}
		s, err := net.Dial("tcp", f.target)
		if err != nil {
			c.Close()
			continue
		}
		f.mu.Lock()
		f.conns = append(f.conns, c, s)
		f.mu.Unlock()
		go io.Copy(s, c)
		go f.back(c, s)
	}
}

// back copies the server's bytes to the client, holding them while frozen.
func (f *freezer) back(c, s net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := s.Read(buf)
		for f.frozen.Load() {
			time.Sleep(time.Millisecond)
		}
		if n > 0 {
			if _, werr := c.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			c.Close()
			return
		}
	}
}

func (f *freezer) close() {
	f.ln.Close()
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.conns {
		c.Close()
	}
}

var portRE = regexp.MustCompile(`port=\d+|:\d+/`)

// throughFreezer opens a database on dsn through a freezer.
func throughFreezer(t *testing.T) (*postgres.DB, *freezer) {
	t.Helper()
	_, dsn := pgtest.NewURL(t)
	host, port := hostPort(t, dsn)
	f := newFreezer(t, net.JoinHostPort(host, port))
	_, p, _ := net.SplitHostPort(f.ln.Addr().String())
	proxied := portRE.ReplaceAllStringFunc(dsn, func(m string) string {
		if m[0] == ':' {
			return ":" + p + "/"
		}
		return "port=" + p
	})
	db, err := postgres.Open(context.Background(), proxied)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, f
}

func hostPort(t *testing.T, dsn string) (string, string) {
	t.Helper()
	m := regexp.MustCompile(`host=(\S+).*port=(\d+)|@([^:/]+):(\d+)/`).FindStringSubmatch(dsn)
	switch {
	case m == nil:
		t.Fatalf("no host and port in %q", dsn)
	case m[1] != "":
		return m[1], m[2]
	}
	return m[3], m[4]
}

// TestAFrozenServerFailsStatementsByTheirContext freezes the server's
// answers mid-statement: each statement must fail when its context ends,
// not wait for an answer that never comes, and the pool must then carry on
// with a fresh connection.
func TestAFrozenServerFailsStatementsByTheirContext(t *testing.T) {
	db, f := throughFreezer(t)
	db.Lookups().SetMaxOpenConns(1)
	db.SetMaxOpenConns(1)
	statements := []struct {
		name string
		run  func(ctx context.Context) error
	}{
		{"query", func(ctx context.Context) error {
			var n int
			return db.Lookups().QueryRowContext(ctx, `SELECT $1::int`, 2).Scan(&n)
		}},
		{"exec", func(ctx context.Context) error {
			_, err := db.ExecContext(ctx, `SELECT pg_sleep(0)`)
			return err
		}},
		{"transaction", func(ctx context.Context) error {
			return db.Tx(ctx, func(tx *sqlx.Tx) error {
				_, err := tx.ExecContext(ctx, `SELECT $1::int`, 3)
				return err
			})
		}},
	}
	for _, st := range statements {
		for _, cancelled := range []bool{false, true} {
			frozenStatement(t, f, st.name, st.run, cancelled)
			if err := st.run(context.Background()); err != nil {
				t.Fatalf("%s after the server answered again: %v", st.name, err)
			}
		}
	}
}

// frozenStatement runs one statement against a frozen server, ended by a
// 200 ms deadline or by cancelling it after 200 ms.
func frozenStatement(t *testing.T, f *freezer, name string, run func(context.Context) error, cancelled bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	want := context.DeadlineExceeded
	if cancelled {
		ctx, cancel = context.WithCancel(context.Background())
		time.AfterFunc(200*time.Millisecond, cancel)
		want = context.Canceled
	}
	defer cancel()
	f.frozen.Store(true)
	defer f.frozen.Store(false)
	done := make(chan error, 1)
	start := time.Now()
	go func() { done <- run(ctx) }()
	select {
	case err := <-done:
		if !errors.Is(err, want) {
			t.Fatalf("%s: %v, want %v", name, err, want)
		}
		t.Logf("%s, %v: failed after %v", name, want, time.Since(start).Round(time.Millisecond))
	case <-time.After(5 * time.Second):
		t.Fatalf("%s still waiting for a frozen server 5 s after its context ended", name)
	}
}

// TestAnAbandonedStatementStopsOnTheServer ends a long statement's context:
// the client gives up at once, and PostgreSQL, finding the connection
// closed, stops the statement instead of running it to the end.
func TestAnAbandonedStatementStopsOnTheServer(t *testing.T) {
	db := pgtest.New(t)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	const long = `SELECT pg_sleep(30) -- abandoned`
	start := time.Now()
	if _, err := db.ExecContext(ctx, long); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("%v, want the deadline", err)
	}
	t.Logf("client gave up after %v", time.Since(start).Round(time.Millisecond))
	for {
		var running int
		if err := db.Get(&running, `SELECT count(*) FROM pg_stat_activity WHERE query = $1 AND state = 'active'`, long); err != nil {
			t.Fatal(err)
		}
		if running == 0 {
			t.Logf("server stopped it after %v", time.Since(start).Round(time.Millisecond))
			return
		}
		if time.Since(start) > 10*time.Second {
			t.Fatal("the abandoned statement still runs on the server after 10 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
}
