package web_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

// TestBadInputIsRefusedAndChangesNothing sends what clients get wrong or
// attackers try, to routes of every kind, as a caller allowed to use them:
// each gets the 4xx it should, a JSON problem where one is due, and no row
// changes.
func TestBadInputIsRefusedAndChangesNothing(t *testing.T) {
	f := newSecFixture(t)
	deep := strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000)
	deepObject := strings.Repeat(`{"a":`, 20_000) + "1" + strings.Repeat("}", 20_000)
	tests := []struct {
		name                   string
		as                     role
		method, path, ct, body string
		status                 int
		problem                string // the field the answer must name, if any
	}{
		{"JSON over 1 MiB", adm, "POST", "/api/services", "application/json", `{"name":"` + strings.Repeat("x", 1<<20) + `"}`, 413, ""},
		{"XML", adm, "POST", "/api/services", "application/xml", `<service/>`, 415, ""},
		{"no content type", lwOwn, "POST", "/api/referrals", "", `{}`, 415, ""},
		{"JSON with a charset is fine", lwOwn, "POST", "/api/referrals/{referrals}/status", "application/json; charset=utf-8", `{"status":"nonsense"}`, 422, "status"},
		{"invalid UTF-8 in a JSON string", adm, "POST", "/api/organisations", "application/json", "{\"name\":\"Hendon \xff Choir\"}", 400, "body"},
		{"invalid UTF-8 in a query", anon, "GET", "/api/services?organisation=%ff", "", "", 400, "organisation"},
		{"invalid UTF-8 in a query name", anon, "GET", "/oruk/services?%fe=1", "", "", 400, "\uFFFD"},
		{"invalid UTF-8 in a path", anon, "GET", "/api/postcodes/SR%ff", "", "", 400, "path"},
		{"invalid UTF-8 in a sign-in form", anon, "POST", "/login", "application/x-www-form-urlencoded", "email=%ff&password=x&csrf_token=" + csrfValue, 400, ""},
		{"NUL in text", adm, "POST", "/api/organisations", "application/json", `{"name":"Hendon\u0000Choir"}`, 422, "name"},
		{"number past int64", adm, "PUT", "/api/services/{services}/capacity", "application/json", `{"maximum":99999999999999999999}`, 400, "body"},
		{"number past int32", adm, "PUT", "/api/services/{services}/capacity", "application/json", `{"maximum":2147483648}`, 422, "maximum"},
		{"number past float64", lwOwn, "PUT", "/api/referrals/{referrals}/outcomes/swemwbs/follow_up", "application/json", `{"items":{"optimistic":1e999}}`, 400, "body"},
		{"huge limit", anon, "GET", "/api/services?limit=99999999999999999999", "", "", 400, "limit"},
		{"huge offset", anon, "GET", "/oruk/services?page=99999999999999999999", "", "", 400, "page"},
		{"huge radius", anon, "GET", "/api/search?near=SR6+9AA&radius_km=1e308", "", "", 400, "radius_km"},
		{"deeply nested arrays", adm, "POST", "/api/services", "application/json", `{"categories":` + deep + `}`, 400, "body"},
		{"deeply nested objects", lwOwn, "POST", "/api/referrals", "application/json", deepObject, 400, "body"},
		{"two JSON values", adm, "POST", "/api/teams", "application/json", `{"name":"A"}{"name":"B"}`, 400, "body"},
		{"a JSON array", adm, "POST", "/api/teams", "application/json", `[{"name":"A"}]`, 400, "body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := f.rows(t)
			path := f.body(access{method: "POST", path: "/", body: tt.path})
			resp, raw := f.send(t, tt.as, tt.method, path, tt.ct, tt.body)
			answer := decode(raw)
			if resp.StatusCode != tt.status {
				t.Fatalf("%d %.300s, want %d", resp.StatusCode, raw, tt.status)
			}
			if !strings.HasPrefix(tt.path, "/login") && answer["error"] == nil {
				t.Fatalf("no JSON error: %.300s", raw)
			}
			if problems, _ := answer["problems"].(map[string]any); tt.problem != "" && problems[tt.problem] == nil {
				t.Fatalf("problems %v do not name %q", problems, tt.problem)
			}
			if after := f.rows(t); !equalCounts(before, after) {
				t.Fatalf("rows changed: %v → %v", before, after)
			}
		})
	}
}

// TestBodyOverTheServerLimitIs413 needs a real listener: the limit is
// enforced while the request is read, before any handler.
func TestBodyOverTheServerLimitIs413(t *testing.T) {
	app, _ := sessionApp(t, false)
	addr := listen(t, app)
	// Only the head is sent: the server answers from the declared length, and
	// a client still writing 12 MB would race the server closing on it.
	conn, err := net.Dial("tcp", addr)
	must(t, err)
	defer conn.Close()
	_, err = fmt.Fprintf(conn, "POST /api/services HTTP/1.1\r\nHost: kith\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n{\"name\":\"", 12<<20)
	must(t, err)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	must(t, err)
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 413 || decode(raw)["error"] == nil {
		t.Fatalf("%d %.200s, want 413 with a JSON error", resp.StatusCode, raw)
	}
}

// TestHeadOverTheReadBufferIs431 needs a real listener too: a request line
// longer than the server reads is refused before its path is known, so the
// answer cannot be a route's; one a little shorter is served as usual.
func TestHeadOverTheReadBufferIs431(t *testing.T) {
	app, _ := sessionApp(t, false)
	addr := listen(t, app)
	for _, tt := range []struct {
		query  int
		status int
	}{{12 << 10, 400}, {20 << 10, 431}} {
		target := "/api/services?limit=" + strings.Repeat("9", tt.query)
		conn, err := net.Dial("tcp", addr)
		must(t, err)
		_, err = fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: kith\r\n\r\n", target)
		must(t, err)
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		must(t, err)
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		conn.Close()
		if resp.StatusCode != tt.status {
			t.Fatalf("query of %d bytes: %d %.200s, want %d", tt.query, resp.StatusCode, raw, tt.status)
		}
	}
}
