package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"kith/directory"
	"kith/postgres"
	"kith/postgres/pgtest"
)

// kithDB is a fresh database and the environment that points kith at it.
type kithDB struct {
	db  *postgres.DB
	dir *directory.Store
	env func(string) string
}

func newKithDB(t *testing.T) kithDB {
	t.Helper()
	db, dsn := pgtest.NewURL(t)
	return kithDB{db: db, dir: directory.NewStore(db), env: envOf(map[string]string{"DATABASE_URL": dsn, "KITH_LOG_LEVEL": "warn"})}
}

// kith runs a command and returns what it printed.
func (k kithDB) kith(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := run(t.Context(), args, k.env, strings.NewReader(""), &out)
	return out.String(), err
}

func (k kithDB) mustKith(t *testing.T, args ...string) string {
	t.Helper()
	out, err := k.kith(t, args...)
	if err != nil {
		t.Fatalf("kith %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

func (k kithDB) count(t *testing.T, q string, args ...any) int {
	t.Helper()
	var n int
	if err := k.db.GetContext(context.Background(), &n, q, args...); err != nil {
		t.Fatal(err)
	}
	return n
}

func wantLines(t *testing.T, out string, lines ...string) {
	t.Helper()
	for _, l := range lines {
		if !strings.Contains(out, l) {
			t.Errorf("output lacks %q:\n%s", l, out)
		}
	}
}

const oruk1Feed = "../../directory/oruk/testdata/oruk1_feed.json"

func TestImportORUK1FileThenAgain(t *testing.T) {
	k := newKithDB(t)
	out := k.mustKith(t, "import", "oruk", oruk1Feed)
	wantLines(t, out,
		"importing [", "imported ORUK 1.0 feed oruk1_feed.json: 10 records",
		"services       created 4, updated 0, unchanged 0, rejected 6",
		"organisations  created 3, updated 0, unchanged 0",
		`record 4 (id 104 ""): name: is required`,
		"record 5: the record has no id",
		"record 6: the record has no id",
		`record 7 (id 105 "Newcastle drop-in"): locations[0].postcode: was not found`,
		`record 8 (id 101 "Sunderland Men's Shed (again)"): the same service as record 1 (id 101 "Sunderland Men's Shed")`,
		`record 9 (id 106 "Orphan service"): the record names no organisation`,
		"not an email address and was left out",
		`esdServiceTypes "Woodworking" (1)`,
		"hint: postcodes outside Kith's shipped areas need the national postcode directory")
	if n := k.count(t, `SELECT count(*) FROM services WHERE published`); n != 4 {
		t.Errorf("%d published services, want 4", n)
	}
	if n := k.count(t, `SELECT count(*) FROM locations WHERE name = 'Church hall' AND lat BETWEEN 54.93 AND 54.94`); n != 1 {
		t.Error("the church hall was not placed from its postcode")
	}
	if n := k.count(t, `SELECT count(*) FROM import_terms WHERE category = ''`); n != 1 {
		t.Errorf("%d unmapped source terms kept, want 1", n)
	}
	again := k.mustKith(t, "import", "oruk", oruk1Feed)
	wantLines(t, again, "services       created 0, updated 0, unchanged 4, rejected 6",
		"organisations  created 0, updated 0, unchanged 3")
	if n := k.count(t, `SELECT count(*) FROM services`); n != 4 {
		t.Errorf("re-import left %d services, want 4", n)
	}
	if n := k.count(t, `SELECT count(*) FROM listing_versions WHERE entity = 'service'`); n != 4 {
		t.Errorf("%d versions after a re-import that changed nothing, want 4", n)
	}
}

func TestImportORUK3FileAndBadInput(t *testing.T) {
	k := newKithDB(t)
	out := k.mustKith(t, "import", "oruk", "--source", "hendon", "../../directory/oruk/testdata/oruk3_page.json")
	wantLines(t, out, "imported ORUK 3.0 feed oruk3_page.json: 3 records", "services       created 3,",
		`organisation identifier "XI-IATI-1" of an unknown register was left out`, `Open Referral Needs "Welfare rights"`)
	if n := k.count(t, `SELECT count(*) FROM import_records WHERE source = 'hendon'`); n != 5 {
		t.Errorf("%d import records, want 3 services and 2 organisations", n)
	}
	for _, args := range [][]string{
		{"import"}, {"import", "frobnicate"}, {"import", "oruk"}, {"import", "oruk", "no/such/file.json"},
		{"import", "oruk", "--vocabulary", "no/such/vocabulary.csv", oruk1Feed}, {"import", "oruk", "import.go"},
		{"import", "oruk", "ftp://example.org/"}, {"import", "csv", "import.go"}, {"import", "postcodes", "import.go"},
	} {
		if out, err := k.kith(t, args...); err == nil {
			t.Errorf("kith %v succeeded:\n%s", args, out)
		}
	}
}

// feedServer serves a feed's pages, remembering each request.
type feedServer struct {
	mu       sync.Mutex
	requests []*http.Request
	times    []time.Time
	answer   func(r *http.Request) any
}

func (s *feedServer) start(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests, s.times = append(s.requests, r), append(s.times, time.Now())
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(s.answer(r))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func oruk1Service(id int, name string) map[string]any {
	return map[string]any{"id": id, "name": name, "organization": map[string]any{"id": 1, "name": "Seaburn Church"},
		"service_at_locations": []any{map[string]any{"id": id, "location": map[string]any{"id": id, "name": "Hall",
			"latitude": 54.93, "longitude": -1.37}}},
		"regular_schedules": []any{map[string]any{"id": id, "byday": "TU", "opens_at": "10:00", "closes_at": "11:00", "freq": "WEEKLY"}}}
}

func TestImportORUKURLPagesPolitely(t *testing.T) {
	k := newKithDB(t)
	fs := &feedServer{answer: func(r *http.Request) any {
		if r.URL.Query().Get("page") == "1" {
			return map[string]any{"totalElements": 3, "totalPages": 2, "last": false,
				"content": []any{oruk1Service(1, "Lunch club"), oruk1Service(2, "Choir")}}
		}
		return map[string]any{"totalElements": 3, "totalPages": 2, "last": true, "content": []any{oruk1Service(3, "Knit and natter")}}
	}}
	srv := fs.start(t)
	out := k.mustKith(t, "import", "oruk", "--delay", "50ms", srv.URL+"/api/v1/")
	wantLines(t, out, "services       created 3,", "importing [==============================] 3/3")
	if len(fs.requests) != 2 {
		t.Fatalf("%d requests, want 2 pages", len(fs.requests))
	}
	for i, r := range fs.requests {
		if r.URL.Path != "/api/v1/services" || r.URL.Query().Get("page") != []string{"1", "2"}[i] || !strings.HasPrefix(r.UserAgent(), "Kith/") {
			t.Errorf("request %d: %s %s", i, r.URL, r.UserAgent())
		}
	}
	if gap := fs.times[1].Sub(fs.times[0]); gap < 50*time.Millisecond {
		t.Errorf("requests %s apart, want at least the 50ms delay", gap)
	}
	if n := k.count(t, `SELECT count(*) FROM import_records WHERE source = $1`, strings.TrimPrefix(srv.URL, "http://")); n != 4 {
		t.Errorf("%d records from source %s", n, srv.URL)
	}
}

// A server that ignores ?page answers page 1 for ever; the importer must
// notice and stop rather than loop.
func TestImportORUKURLStopsWhenPagesRepeat(t *testing.T) {
	k := newKithDB(t)
	fs := &feedServer{answer: func(*http.Request) any {
		return map[string]any{"total_items": 40, "total_pages": 20, "last_page": false,
			"contents": []any{oruk1Service(1, "Lunch club"), oruk1Service(2, "Choir")}}
	}}
	srv := fs.start(t)
	out := k.mustKith(t, "import", "oruk", "--delay", "0s", srv.URL+"/services")
	wantLines(t, out, "services       created 2, updated 0, unchanged 0, rejected 0")
	if len(fs.requests) != 2 {
		t.Errorf("%d requests, want 2", len(fs.requests))
	}
}

// A server that fails or is busy is asked again a few times, then the
// import ends with what it has, saying why.
func TestImportORUKURLGivesUpOnAFailingServer(t *testing.T) {
	k := newKithDB(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "busy", http.StatusServiceUnavailable)
	}))
	t.Cleanup(srv.Close)
	out, err := k.kith(t, "import", "oruk", "--delay", "1ms", srv.URL+"/services")
	if err == nil || !strings.Contains(err.Error(), "503") {
		t.Fatalf("import from a failing server: %v\n%s", err, out)
	}
}
