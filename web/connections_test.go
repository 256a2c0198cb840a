package web_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

// serve runs the app on a real loopback listener, so requests arrive truly
// at once rather than one by one as app.Test sends them.
func (f *refFixture) serve(t *testing.T) string {
	t.Helper()
	return "http://" + listen(t, f.app)
}

// listen runs app on a loopback listener until the test ends and returns
// its address. What the server does while reading a request, before any
// handler, shows only there: app.Test hands back the error instead.
func listen(t *testing.T, app *fiber.App) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go app.Listener(ln)
	t.Cleanup(func() { app.ShutdownWithTimeout(5 * time.Second) })
	return ln.Addr().String()
}

// outcome is what one of many concurrent requests got back.
type outcome struct {
	status int
	reason string
	state  string
}

// connectAtOnce asks for n connections to svc at the same moment, one per
// accepted referral, and returns what each request got.
func (f *refFixture) connectAtOnce(t *testing.T, svc string, n int) []outcome {
	t.Helper()
	ids := make([]string, n)
	for i := range ids {
		ids[i] = f.accepted(t)
	}
	base := f.serve(t)
	client := &http.Client{Timeout: 30 * time.Second}
	out := make([]outcome, n)
	var wg sync.WaitGroup
	gate := make(chan struct{})
	for i, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body, _ := json.Marshal(map[string]string{"service_id": svc, "reason": "Would like to join"})
			req, _ := http.NewRequest("POST", base+"/api/referrals/"+id+"/connections", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Cookie", "kith_session="+f.cookies["worker"])
			<-gate
			resp, err := client.Do(req)
			if err != nil {
				out[i] = outcome{reason: err.Error()}
				return
			}
			defer resp.Body.Close()
			raw, _ := io.ReadAll(resp.Body)
			var m struct{ Reason, Status string }
			json.Unmarshal(raw, &m)
			out[i] = outcome{status: resp.StatusCode, reason: m.Reason, state: m.Status}
		}()
	}
	close(gate)
	wg.Wait()
	return out
}

func tally(out []outcome) map[string]int {
	m := map[string]int{}
	for _, o := range out {
		switch {
		case o.status == 201:
			m[o.state]++
		case o.status == 409:
			m["409 "+o.reason]++
		default:
			m["other"]++
		}
	}
	return m
}

func TestFiftyAtOnceNeverOversubscribe(t *testing.T) {
	tests := []struct {
		name                        string
		waitlist                    int
		requested, waiting, refused int
	}{
		{"no waiting list", 0, 10, 0, 40},
		{"waiting list of five", 5, 10, 5, 35},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newRefFixture(t)
			ten := 10
			svc := f.service(t, f.org, directory.CapacityInput{Maximum: &ten, Waitlist: &tt.waitlist})
			got := tally(f.connectAtOnce(t, svc, 50))
			t.Logf("50 concurrent requests: %v", got)
			if got["requested"] != tt.requested || got["waitlisted"] != tt.waiting || got["409 full"] != tt.refused || got["other"] != 0 {
				t.Fatalf("outcomes %v, want %d requested, %d waitlisted, %d refused as full",
					got, tt.requested, tt.waiting, tt.refused)
			}
			status, raw, _ := f.call(t, "editor", "GET", "/api/services/"+svc+"/capacity", nil)
			if left := decode(raw)["places_left"]; status != 200 || left != 0.0 {
				t.Fatalf("places left %v (%d)", left, status)
			}
			var db struct {
				Held    int `db:"held"`
				Waiting int `db:"waiting"`
				Holding int `db:"holding"`
				Queued  int `db:"queued"`
			}
			const q = `SELECT held, waiting,
       (SELECT count(*) FROM connections WHERE service_id = $1 AND status = 'requested') AS holding,
       (SELECT count(*) FROM connections WHERE service_id = $1 AND status = 'waitlisted') AS queued
FROM service_capacity WHERE service_id = $1`
			if err := f.db.Get(&db, q, svc); err != nil || db.Held != 10 || db.Holding != 10 ||
				db.Waiting != tt.waiting || db.Queued != tt.waiting {
				t.Fatalf("database says %+v %v", db, err)
			}
		})
	}
}

func TestVCSEInboxAndLoad(t *testing.T) {
	f := newRefFixture(t)
	ten := 10
	svc := f.service(t, f.org, directory.CapacityInput{Maximum: &ten})
	id := f.accepted(t)
	_, raw, _ := f.call(t, "worker", "POST", "/api/referrals/"+id+"/connections", map[string]string{"service_id": svc, "reason": "Walks"})
	conn := decode(raw)["id"].(string)

	status, raw, _ := f.call(t, "editor", "GET", "/api/connections?status=requested", nil)
	if status != 200 || decode(raw)["total"] != 1.0 || bytes.Contains(raw, []byte("9434765919")) {
		t.Fatalf("inbox: %d %s", status, raw)
	}
	if status, raw, _ := f.call(t, "stranger", "GET", "/api/connections", nil); status != 200 || decode(raw)["total"] != 0.0 {
		t.Fatalf("another VCSE's inbox: %d %s", status, raw)
	}
	if status, _, _ := f.call(t, "worker", "GET", "/api/connections", nil); status != 403 {
		t.Fatalf("a link worker reading a VCSE inbox: %d", status)
	}
	move := func(who, to, reason string) (int, []byte) {
		status, raw, _ := f.call(t, who, "POST", "/api/connections/"+conn+"/status", map[string]string{"status": to, "reason": reason})
		return status, raw
	}
	if status, raw := move("stranger", "rejected", "no_capacity"); status != 403 {
		t.Fatalf("another VCSE rejecting: %d %s", status, raw)
	}
	if status, raw := move("editor", "rejected", "busy"); status != 422 {
		t.Fatalf("rejecting without a coded reason: %d %s", status, raw)
	}
	if status, raw := move("editor", "accepted", ""); status != 200 || decode(raw)["status"] != "accepted" {
		t.Fatalf("accepting: %d %s", status, raw)
	}
	if status, raw := move("editor", "in_progress", ""); status != 200 || decode(raw)["started_at"] == nil {
		t.Fatalf("first attendance: %d %s", status, raw)
	}
	for who, want := range map[string]int{"editor": 200, "worker": 200, "commissioner": 200, "admin": 200, "stranger": 403, "": 401} {
		if status, raw, _ := f.call(t, who, "GET", "/api/services/"+svc+"/load", nil); status != want {
			t.Errorf("%q reading the load: %d %s, want %d", who, status, raw, want)
		}
	}
}
