package benchload

import (
	"bytes"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"kith/postgres/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// A short open-loop run against the in-process server exercises every
// route of the mix without an error, and prints every section; then, in a
// closed loop with every session revoked behind the clients' backs, the
// signed-in routes' refusals count as errors while the public ones still
// succeed.
func TestRunExercisesEveryRouteAndCountsErrors(t *testing.T) {
	db, dsn := pgtest.NewURL(t)
	srv, err := StartServer(t.Context(), db, dsn, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	var out bytes.Buffer
	rep, err := Run(t.Context(), srv.Target, Options{Duration: 2 * time.Second, Clients: 8, Rate: 200, Seed: 3}, &out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for r := range numRoutes {
		if rt := rep.Tally.routes[r]; len(rt.took) == 0 || rt.errors > 0 {
			t.Errorf("%s: %d requests, %d errors %q", r, len(rt.took), rt.errors, rt.examples)
		}
	}
	for _, section := range []string{"Requests:", "Business answers", "Errors", "Server over the run", "Targets"} {
		if !strings.Contains(out.String(), section) {
			t.Errorf("report has no %q section:\n%s", section, out.String())
		}
	}
	if s := rep.Samples; len(s) < 2 || !s[0].memOK || s[0].pgConns < 1 {
		t.Errorf("samples of the in-process server: %+v", s)
	}
	revoked := runRevoked(t, srv)
	for _, r := range []route{routeCreateReferral, routeInbox, routeReport, routeGaps} {
		if rt := revoked.routes[r]; rt.errors == 0 || rt.errors != len(rt.took) || !strings.HasPrefix(rt.examples[0], "401") {
			t.Errorf("%s with its session revoked: %d errors in %d requests %q", r, rt.errors, len(rt.took), rt.examples)
		}
	}
	for _, r := range []route{routeSearch, routeService} {
		if rt := revoked.routes[r]; len(rt.took) == 0 || rt.errors > 0 {
			t.Errorf("%s, public, with stale sessions: %d errors in %d requests", r, rt.errors, len(rt.took))
		}
	}
}

// runRevoked signs the demo users in, deletes every session in the
// database, and drives the mix for a moment.
func runRevoked(t *testing.T, srv *Server) *tally {
	t.Helper()
	w, err := discover(t.Context(), newClient(srv.URL, 4))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.DB.ExecContext(t.Context(), `DELETE FROM sessions`); err != nil {
		t.Fatal(err)
	}
	d := &driver{w: w, opt: Options{Duration: time.Second, Clients: 4, Seed: 4}}
	return d.closedLoop(t.Context())
}

// A connection refused for want of room is a business answer; every other
// refusal, a server error or a lost request is an error.
func TestJudge(t *testing.T) {
	conflict := func(reason string) response {
		return response{status: http.StatusConflict, body: []byte(`{"error":"no","reason":"` + reason + `"}`)}
	}
	connect := step{route: routeConnect, want: http.StatusCreated}
	move := step{route: routeMoveReferral, want: http.StatusOK}
	for _, c := range []struct {
		name string
		s    step
		resp response
		want verdict
	}{
		{"created", connect, response{status: http.StatusCreated}, verdictOK},
		{"full", connect, conflict("full"), verdictBusiness},
		{"weekly cap", connect, conflict("weekly_cap"), verdictBusiness},
		{"already connected", connect, conflict("already_connected"), verdictError},
		{"full on another route", move, conflict("full"), verdictError},
		{"server error", connect, response{status: http.StatusInternalServerError}, verdictError},
		{"unavailable", move, response{status: http.StatusServiceUnavailable}, verdictError},
		{"lost", move, response{err: errors.New("connection reset")}, verdictError},
		{"not json", connect, response{status: http.StatusConflict, body: []byte("full")}, verdictError},
	} {
		if got, _ := c.s.judge(c.resp); got != c.want {
			t.Errorf("%s: verdict %d, want %d", c.name, got, c.want)
		}
	}
}

func TestParseArgs(t *testing.T) {
	o, err := ParseArgs(nil, &bytes.Buffer{})
	if err != nil || o.Rate != 500 || o.Clients != 32 || o.Duration != time.Minute || o.Seed != 1 || o.URL != "" {
		t.Fatalf("defaults: %+v %v", o, err)
	}
	o, err = ParseArgs([]string{"--rate", "0", "--clients", "16", "--url", "http://127.0.0.1:8080", "--pid", "42"}, &bytes.Buffer{})
	if err != nil || o.Rate != 0 || o.Clients != 16 || o.PID != 42 {
		t.Fatalf("closed loop against a server: %+v %v", o, err)
	}
	for _, bad := range [][]string{{"--duration", "0s"}, {"--clients", "0"}, {"--rate", "-1"}, {"--pid", "7"},
		{"--url", "http://x", "--profile", "/tmp/p"}, {"extra"}} {
		if _, err := ParseArgs(bad, &bytes.Buffer{}); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}
