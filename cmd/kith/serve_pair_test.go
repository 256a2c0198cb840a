package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"

	"kith/directory"
	"kith/qa"
	"kith/referral"
)

// syncBuffer collects a child's output while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// serveProcess runs `kith serve` as a process of its own on dsn, with its
// own data directory and address, until the test ends, and returns its
// base URL once it is ready.
func serveProcess(t *testing.T, dsn string) string {
	t.Helper()
	addr := freeAddr(t)
	cmd := kithCommand(map[string]string{"DATABASE_URL": dsn, "KITH_DATA": t.TempDir(), "KITH_ADDR": addr,
		"KITH_LOG_LEVEL": "warn"}, "serve")
	logs := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { stopProcess(t, cmd, exited, logs) })
	base := "http://" + addr
	deadline := time.Now().Add(90 * time.Second)
	for readyCode(base) != 200 {
		select {
		case err := <-exited:
			exited <- err // for stopProcess
			t.Fatalf("kith serve exited (%v) before it was ready:\n%s", err, logs)
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("kith serve on %s was not ready within 90 s:\n%s", addr, logs)
		}
	}
	return base
}

// stopProcess asks a server to stop as an operator would (SIGTERM).
func stopProcess(t *testing.T, cmd *exec.Cmd, exited <-chan error, logs *syncBuffer) {
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("kith serve exited with %v:\n%s", err, logs)
		}
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Errorf("kith serve did not stop within 30 s of SIGTERM:\n%s", logs)
	}
}

func readyCode(base string) int {
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// region is what the two-server test works with: an admin, a link worker
// with 50 accepted referrals, and an assured organisation.
type region struct {
	k                   kithDB
	admin, worker       string // session tokens
	org                 string
	referrals           []string
	adminCtx, workerCtx context.Context
	dir                 *directory.Store
	ref                 *referral.Store
}

func newRegion(t *testing.T, k kithDB, referrals int) *region {
	t.Helper()
	r := &region{k: k, dir: k.dir, adminCtx: directory.WithUser(context.Background(), directory.SystemUser())}
	assurance := qa.NewStore(k.db, r.dir, time.Now)
	r.ref = referral.NewStore(k.db, r.dir, assurance, time.Now)
	team, err := r.dir.CreateTeam(r.adminCtx, directory.TeamInput{Name: "Sunderland East PCN", AreaCode: "E08000024"})
	must(t, err)
	org, _, err := r.dir.CreateOrganisation(r.adminCtx, directory.OrganisationInput{Name: "Roker Walkers"})
	must(t, err)
	r.org = org.ID
	must(t, assurance.SeedDemo(r.adminCtx, []string{org.ID}, time.Now()))
	r.admin, _ = r.signIn(t, directory.UserInput{Email: "admin@kith.example", Role: directory.RoleAdmin})
	r.worker, r.workerCtx = r.signIn(t, directory.UserInput{Email: "worker@kith.example", Role: directory.RoleLinkWorker, TeamID: team.ID})
	for range referrals {
		r.referrals = append(r.referrals, r.acceptedReferral(t))
	}
	return r
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func (r *region) signIn(t *testing.T, in directory.UserInput) (string, context.Context) {
	t.Helper()
	in.Password = "correct horse battery"
	u, err := r.dir.CreateUser(r.adminCtx, in)
	must(t, err)
	token, _, err := r.dir.Login(context.Background(), in.Email, in.Password)
	must(t, err)
	return token, directory.WithUser(context.Background(), &u)
}

func (r *region) acceptedReferral(t *testing.T) string {
	t.Helper()
	in := referral.ReferralInput{Source: "gp_practice", Needs: []string{"loneliness"}, Reason: "Lonely since a bereavement.",
		Person:   referral.PersonInput{Name: "Jean Robson", DateOfBirth: "1951-06-14", Postcode: "SR1 1EQ", Phone: "07700 900123"},
		Referrer: referral.Referrer{Name: "Dr Amira Patel", Organisation: "Hendon Medical Practice"},
		Consent:  referral.ConsentInput{Referral: true, ShareGP: true, ShareServices: true}}
	ref, _, err := r.ref.CreateReferral(r.workerCtx, in, "")
	if err == nil {
		_, err = r.ref.Move(r.workerCtx, ref.ID, referral.Move{Status: referral.StatusAccepted})
	}
	must(t, err)
	return ref.ID
}

// post sends body as JSON to url as the holder of token and decodes the
// answer into a map.
func post(t *testing.T, url, token string, body any) (int, map[string]any) {
	t.Helper()
	raw, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", url, bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Cookie", "kith_session="+token)
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		return 0, map[string]any{"error": err.Error()}
	}
	defer resp.Body.Close()
	var out map[string]any
	b, _ := io.ReadAll(resp.Body)
	json.Unmarshal(b, &out)
	return resp.StatusCode, out
}

// TestTwoServersOnOneDatabase runs two `kith serve` processes on one
// database, each with its own index: a listing written through either is
// found by the other's search within 2 s, and 50 connection requests for a
// service with 10 places, split across both, get exactly 10 places.
func TestTwoServersOnOneDatabase(t *testing.T) {
	k := newKithDB(t)
	r := newRegion(t, k, 50)
	servers := []string{serveProcess(t, k.env("DATABASE_URL")), serveProcess(t, k.env("DATABASE_URL"))}

	var slowest time.Duration
	for i, word := range []string{"quillwork", "marquetry", "bookbinding", "calligraphy", "lacemaking", "whittling"} {
		writer, reader := servers[i%2], servers[(i+1)%2]
		if took := r.visibleAcross(t, writer, reader, word); took > slowest {
			slowest = took
		}
	}
	t.Logf("a listing written through one server was found by the other's search within %v at worst (6 writes)", slowest.Round(time.Millisecond))

	ten, none := 10, 0
	svc, _, err := r.dir.CreateService(r.adminCtx, directory.ServiceInput{OrganisationID: r.org, Name: "Roker Park health walk",
		Description: "A gentle walk.", Locations: []directory.Location{{Name: "Bandstand", Postcode: "SR6 9AA"}}})
	must(t, err)
	_, err = r.dir.SetCapacity(r.adminCtx, svc.ID, directory.CapacityInput{Maximum: &ten, Waitlist: &none})
	must(t, err)
	got := r.connectAcross(t, servers, svc.ID)
	t.Logf("50 concurrent connection requests across two servers: %v", got)
	if got["201 requested"] != 10 || got["409 full"] != 40 || len(got) != 2 {
		t.Fatalf("outcomes %v, want 10 requested and 40 refused as full", got)
	}
	if held := k.count(t, `SELECT held FROM service_capacity WHERE service_id = $1`, svc.ID); held != 10 {
		t.Fatalf("%d places held, want 10", held)
	}
}

// visibleAcross writes a listing named with word through writer and
// returns how long reader's search took to find it, failing past 2 s.
func (r *region) visibleAcross(t *testing.T, writer, reader, word string) time.Duration {
	t.Helper()
	status, body := post(t, writer+"/api/services", r.admin, map[string]any{
		"organisation_id": r.org, "name": "Community " + word, "description": "Learn " + word + " with neighbours.",
		"categories": []string{"crafts"}, "locations": []map[string]any{{"name": "Hendon Community Centre", "postcode": "SR2 8AA"}}})
	if status != 201 {
		t.Fatalf("write through %s: %d %v", writer, status, body)
	}
	written := time.Now()
	for {
		if n := searchTotal(t, reader+"/api/search?q="+word); n == 1 {
			return time.Since(written)
		}
		if time.Since(written) > 2*time.Second {
			t.Fatalf("%s: not in the other server's search within 2 s", word)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func searchTotal(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var answer struct{ Total int }
	json.NewDecoder(resp.Body).Decode(&answer)
	return answer.Total
}

// connectAcross asks for a connection to svc for every referral at once,
// alternating between the servers, and tallies the answers.
func (r *region) connectAcross(t *testing.T, servers []string, svc string) map[string]int {
	t.Helper()
	got := map[string]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	gate := make(chan struct{})
	for i, id := range r.referrals {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			status, body := post(t, servers[i%2]+"/api/referrals/"+id+"/connections", r.worker,
				map[string]string{"service_id": svc, "reason": "Would like to join"})
			outcome := fmt.Sprint(status, " ", body["status"])
			if status == 409 {
				outcome = fmt.Sprint(status, " ", body["reason"])
			}
			mu.Lock()
			got[outcome]++
			mu.Unlock()
		}()
	}
	close(gate)
	wg.Wait()
	return got
}
