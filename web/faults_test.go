package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lib/pq"

	"kith/migrations"
	"kith/postgres"
	"kith/postgres/pgtest"
	"kith/search"
	"kith/web"
)

// outageTimeout is the request timeout the outage test gives the app: the
// bound no answer may exceed, by more than outageSlack for a loaded machine.
const (
	outageTimeout = 3 * time.Second
	outageSlack   = 2 * time.Second
	// outage is how long PostgreSQL stays down; writePause paces each
	// client like a person pressing a button, not a tight loop.
	outage     = 2 * time.Second
	writePause = 100 * time.Millisecond
)

// write is one referral write of the stream and what it got back.
type write struct {
	key     string
	body    map[string]any
	status  int // 0: no HTTP answer at all
	message string
	id      string
	replay  bool // answered from the key's stored first answer
	start   time.Time
	took    time.Duration
}

// writeStream sends referral writes from several clients until stopped,
// each under its own Idempotency-Key, and keeps every answer.
type writeStream struct {
	base, cookie string
	client       *http.Client
	mu           sync.Mutex
	writes       []write
	halt         chan struct{}
	wg           sync.WaitGroup
}

func startWrites(base, cookie string, clients int) *writeStream {
	s := &writeStream{base: base, cookie: cookie, halt: make(chan struct{}),
		client: &http.Client{Timeout: outageTimeout + 10*time.Second}}
	for c := range clients {
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			for i := 0; ; i++ {
				select {
				case <-s.halt:
					return
				default:
				}
				w := s.send(fmt.Sprintf("outage-%d-%d", c, i), nil)
				s.mu.Lock()
				s.writes = append(s.writes, w)
				s.mu.Unlock()
				time.Sleep(writePause)
			}
		}()
	}
	return s
}

// send posts one referral under key; body nil means a new one for key.
func (s *writeStream) send(key string, body map[string]any) write {
	if body == nil {
		body = referralBody()
		body["reason"] = "Lonely since a bereavement (" + key + ")."
	}
	w := write{key: key, body: body, start: time.Now()}
	raw, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", s.base+"/api/referrals", bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Cookie", "kith_session="+s.cookie)
	req.Header.Set("Idempotency-Key", key)
	resp, err := s.client.Do(req)
	w.took = time.Since(w.start)
	if err != nil {
		w.message = err.Error()
		return w
	}
	defer resp.Body.Close()
	var answer struct{ ID, Error string }
	raw, _ = io.ReadAll(resp.Body)
	if err := json.Unmarshal(raw, &answer); err != nil {
		answer.Error = "not JSON: " + string(raw)
	}
	w.status, w.id, w.message = resp.StatusCode, answer.ID, answer.Error
	w.replay = resp.Header.Get("Idempotent-Replayed") == "true"
	return w
}

// count is how many writes got status, among those started after since.
func (s *writeStream) count(status int, since time.Time) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return countIn(s.writes, status, since, time.Now())
}

func (s *writeStream) stop() []write {
	close(s.halt)
	s.wg.Wait()
	return s.writes
}

// waitFor polls cond until it holds, failing after limit.
func waitFor(t *testing.T, what string, limit time.Duration, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > limit {
			t.Fatalf("%s: not within %v", what, limit)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return time.Since(start)
}

// readyStatus asks /readyz, which must say what is wrong without the
// database's internals.
func readyStatus(t *testing.T, base string) int {
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if leak := internals(string(raw)); leak != "" {
		t.Errorf("/readyz shows %q: %s", leak, raw)
	}
	return resp.StatusCode
}

// internals returns the first sign of the database's internals in s.
func internals(s string) string {
	for _, leak := range []string{"pq:", "dial", "127.0.0.1", "sql:", "EOF", "SQLSTATE", "driver"} {
		if strings.Contains(s, leak) {
			return leak
		}
	}
	return ""
}

// openMigrated opens dsn and brings its schema up to date.
func openMigrated(t *testing.T, dsn string) *postgres.DB {
	t.Helper()
	db, err := postgres.Open(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := migrations.Apply(t.Context(), db.DB.DB); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestDatabaseCrashDuringReferralWrites crashes PostgreSQL (immediate
// shutdown) under a stream of referral writes over HTTP and starts it
// again, with the server left running throughout. Every write answered
// 201 must be in the database; every other must have been a quick, plain
// 503, and retrying it under its key must create it exactly once. /readyz
// must go unready and back, and search must follow new listings again.
func TestDatabaseCrashDuringReferralWrites(t *testing.T) {
	cluster := pgtest.NewCluster(t)
	f := newRefFixtureOn(t, openMigrated(t, cluster.DSN("kith")))
	f.cfg.Search = following(t, f, cluster.DSN("kith"))
	f.cfg.RequestTimeout = outageTimeout
	f.cfg.Ready = map[string]web.Readiness{"database": f.db, "search": f.cfg.Search}
	f.cfg.Logger = slog.New(slog.DiscardHandler) // a 503 per refused write
	f.app = web.New(f.cfg)
	base := f.serve(t)

	var tl timeline
	tl.began = time.Now()
	s := startWrites(base, f.cookies["worker"], 4)
	waitFor(t, "20 writes acknowledged", 30*time.Second, func() bool { return s.count(201, tl.began) >= 20 })
	if err := cluster.Crash(context.Background()); err != nil {
		t.Fatal(err)
	}
	tl.crashed = time.Now()
	tl.unready = waitFor(t, "/readyz unready", 10*time.Second, func() bool { return readyStatus(t, base) == 503 })
	waitFor(t, "10 writes refused", 10*time.Second, func() bool { return s.count(503, tl.crashed) >= 10 })
	time.Sleep(time.Until(tl.crashed.Add(outage)))
	restart := time.Now()
	if err := cluster.Restart(context.Background()); err != nil {
		t.Fatal(err)
	}
	tl.restarted = time.Now()
	tl.restartTook = tl.restarted.Sub(restart)
	tl.ready = waitFor(t, "/readyz ready again", 30*time.Second, func() bool { return readyStatus(t, base) == 200 })
	waitFor(t, "20 writes acknowledged after the restart", 30*time.Second, func() bool { return s.count(201, tl.restarted) >= 20 })
	writes := s.stop()

	checkAnswers(t, writes)
	tl.report(t, writes)
	checkDurable(t, f, writes)
	checkRetries(t, f, s, writes)
	checkSearchFollows(t, f, base)
}

// timeline is when the outage test's events happened, for its figures.
type timeline struct {
	began, crashed, restarted   time.Time
	unready, ready, restartTook time.Duration
}

func (tl timeline) report(t *testing.T, writes []write) {
	var slowest time.Duration
	for _, w := range writes {
		if w.status == 503 {
			slowest = max(slowest, w.took)
		}
	}
	ms := func(d time.Duration) time.Duration { return d.Round(time.Millisecond) }
	t.Logf("acknowledged %d before the crash and %d after the restart; refused %d with 503 (slowest answer %v) during %v down and %v restarting (crash recovery)",
		countIn(writes, 201, tl.began, tl.crashed), countIn(writes, 201, tl.restarted, time.Now()),
		countIn(writes, 503, tl.began, time.Now()), ms(slowest), outage, ms(tl.restartTook))
	t.Logf("/readyz unready %v after the crash, ready %v after PostgreSQL was back; first write acknowledged %v after it was back",
		ms(tl.unready), ms(tl.ready), ms(firstAck(writes, tl.restarted)))
}

// following opens a search engine on f's directory with its follower
// running, as kith serve does.
func following(t *testing.T, f *refFixture, dsn string) *search.Engine {
	t.Helper()
	engine, err := search.Open(t.Context(), search.Config{Dir: t.TempDir(), Source: f.dir,
		Assurer: search.QAAssurer{QA: f.cfg.QA}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	wake, err := postgres.Listen(ctx, dsn, "kith_outbox", nil)
	if err != nil {
		t.Fatal(err)
	}
	stop := engine.Start(ctx, wake)
	t.Cleanup(func() { stop(); cancel(); engine.Close() })
	return engine
}

// checkSearchFollows lists a new service after the outage and finds it.
func checkSearchFollows(t *testing.T, f *refFixture, base string) {
	t.Helper()
	status, raw, _ := f.call(t, "admin", "POST", "/api/services", listing(f.org, "Quillmakers after the outage"))
	if status != 201 {
		t.Fatalf("new listing: %d %s", status, raw)
	}
	took := waitFor(t, "the new listing in search", 10*time.Second, func() bool {
		resp, err := http.Get(base + "/api/search?q=quillmakers")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		var answer struct{ Total int }
		json.NewDecoder(resp.Body).Decode(&answer)
		return answer.Total == 1
	})
	t.Logf("a listing written after the outage was found by search %v later", took.Round(time.Millisecond))
}

// checkAnswers holds every answer to the contract: 201, or a JSON 503 that
// says what happened without the database's internals, never slower than
// the request timeout.
func checkAnswers(t *testing.T, writes []write) {
	t.Helper()
	for _, w := range writes {
		if w.took > outageTimeout+outageSlack {
			t.Errorf("%s took %v, beyond the %v request timeout", w.key, w.took, outageTimeout)
		}
		switch {
		case w.status == 201 && w.id != "":
		case w.status == 503 && w.message != "":
			if leak := internals(w.message); leak != "" {
				t.Errorf("%s: 503 shows %q: %q", w.key, leak, w.message)
			}
		default:
			t.Errorf("%s: %d %q, want 201 or a JSON 503", w.key, w.status, w.message)
		}
	}
}

// checkDurable finds every acknowledged referral in PostgreSQL.
func checkDurable(t *testing.T, f *refFixture, writes []write) {
	t.Helper()
	var ids []string
	for _, w := range writes {
		if w.status == 201 {
			ids = append(ids, w.id)
		}
	}
	var found int
	if err := f.db.Get(&found, `SELECT count(*) FROM referrals WHERE id = ANY($1)`, pq.Array(ids)); err != nil {
		t.Fatal(err)
	}
	if found != len(ids) {
		t.Fatalf("%d of %d acknowledged referrals are in the database", found, len(ids))
	}
}

// checkRetries sends every refused write again under its key, as a client
// should, from four clients: each is then created, or replayed if its
// first try committed before the crash cut the answer off, and nothing is
// created twice.
func checkRetries(t *testing.T, f *refFixture, s *writeStream, writes []write) {
	t.Helper()
	refused := make(chan write, len(writes))
	for _, w := range writes {
		if w.status != 201 {
			refused <- w
		}
	}
	close(refused)
	var replayed atomic.Int32
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for w := range refused {
				again := s.send(w.key, w.body)
				if again.status != 201 || !storedUnder(f, w.key, again.id) {
					t.Errorf("retry of %s: %d %q, id %s", w.key, again.status, again.message, again.id)
				}
				if again.replay {
					replayed.Add(1)
				}
			}
		})
	}
	wg.Wait()
	t.Logf("retried the refused writes: %d had committed before the crash cut their answer off", replayed.Load())
	var referrals int
	if err := f.db.Get(&referrals, `SELECT count(*) FROM referrals`); err != nil || referrals != len(writes) {
		t.Fatalf("%d referrals for %d distinct writes (%v)", referrals, len(writes), err)
	}
}

// storedUnder says whether id is the answer stored under key.
func storedUnder(f *refFixture, key, id string) bool {
	var n int
	err := f.db.Get(&n, `SELECT count(*) FROM idempotency_keys WHERE key = $1 AND response->>'id' = $2`, key, id)
	return err == nil && n == 1
}

func countIn(writes []write, status int, from, to time.Time) int {
	n := 0
	for _, w := range writes {
		if w.status == status && !w.start.Before(from) && w.start.Before(to) {
			n++
		}
	}
	return n
}

// firstAck is how long after since the first acknowledged write started.
func firstAck(writes []write, since time.Time) time.Duration {
	first := time.Duration(-1)
	for _, w := range writes {
		if d := w.start.Sub(since); w.status == 201 && d >= 0 && (first < 0 || d < first) {
			first = d
		}
	}
	return first
}
