package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/postgres/pgtest"
	"kith/web"
)

// sessionApp is a bare app on a fresh database with one account, and the
// peer address of app.Test's requests trusted as a proxy when proxied.
func sessionApp(t *testing.T, proxied bool) (*fiber.App, *directory.Store) {
	t.Helper()
	db := pgtest.New(t)
	dir := directory.NewStore(db)
	cfg := web.Config{Directory: dir}
	if proxied {
		cfg.TrustedProxies = []string{"0.0.0.0"}
	}
	_, err := dir.CreateUser(directory.WithUser(context.Background(), directory.SystemUser()),
		directory.UserInput{Email: "lw@kith.example", Role: "admin", Password: fixturePassword})
	must(t, err)
	return web.New(cfg), dir
}

func post(t *testing.T, app *fiber.App, path, contentType, body string, headers ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest("POST", path, strings.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := app.Test(req, -1)
	must(t, err)
	return resp
}

func sessionOf(resp *http.Response) *http.Cookie {
	for _, c := range resp.Cookies() {
		if c.Name == "kith_session" && c.Value != "" {
			return c
		}
	}
	return nil
}

func TestSessionCookieIsHttpOnlyLaxAndSecureOverTLS(t *testing.T) {
	app, _ := sessionApp(t, true)
	tests := []struct {
		name    string
		headers []string
		secure  bool
	}{
		{"plain HTTP", nil, false},
		{"TLS at a trusted proxy", []string{"X-Forwarded-Proto", "https"}, true},
	}
	for _, tt := range tests {
		resp := post(t, app, "/api/session", "application/json", spareJSON("lw@kith.example"), tt.headers...)
		c := sessionOf(resp)
		if resp.StatusCode != 200 || c == nil || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure != tt.secure {
			t.Errorf("%s: %d cookie %+v, want HttpOnly, SameSite=Lax, Secure=%v", tt.name, resp.StatusCode, c, tt.secure)
		}
		if got := resp.Header.Get("Strict-Transport-Security") != ""; got != tt.secure {
			t.Errorf("%s: HSTS sent = %v", tt.name, got)
		}
	}
	direct, _ := sessionApp(t, false)
	resp := post(t, direct, "/api/session", "application/json", spareJSON("lw@kith.example"), "X-Forwarded-Proto", "https")
	if c := sessionOf(resp); c == nil || c.Secure {
		t.Errorf("an untrusted X-Forwarded-Proto decided the cookie: %+v", c)
	}
}

func spareJSON(email string) string {
	return `{"email":"` + email + `","password":"` + fixturePassword + `"}`
}

func TestSignInRotatesTheSession(t *testing.T) {
	app, _ := sessionApp(t, false)
	first := sessionOf(post(t, app, "/api/session", "application/json", spareJSON("lw@kith.example")))
	second := sessionOf(post(t, app, "/api/session", "application/json", spareJSON("lw@kith.example"), "Cookie", "kith_session="+first.Value))
	if first == nil || second == nil || first.Value == second.Value {
		t.Fatalf("sign-in while signed in kept the token: %v %v", first, second)
	}
	for token, want := range map[string]int{first.Value: 401, second.Value: 200} {
		if resp, _ := jsonRequest(t, app, "GET", "/api/session", token, nil); resp.StatusCode != want {
			t.Errorf("GET /api/session with the %s token: %d, want %d", map[bool]string{true: "new", false: "old"}[want == 200], resp.StatusCode, want)
		}
	}
}

func TestSignInRateLimitedWithA429(t *testing.T) {
	app, dir := sessionApp(t, true)
	wrong := `{"email":"lw@kith.example","password":"not the password"}`
	for range directory.MaxAccountFailures {
		if resp := post(t, app, "/api/session", "application/json", wrong); resp.StatusCode != 401 {
			t.Fatalf("wrong password: %d", resp.StatusCode)
		}
	}
	resp, raw := jsonRequest(t, app, "POST", "/api/session", "", map[string]string{"email": "lw@kith.example", "password": fixturePassword})
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "900" ||
		decode(raw)["error"] != "too many sign-in attempts; try again in 15 minutes" || sessionOf(resp) != nil {
		t.Fatalf("the right password once throttled: %d Retry-After %q %s", resp.StatusCode, resp.Header.Get("Retry-After"), raw)
	}
	page := post(t, app, "/login", "application/x-www-form-urlencoded",
		"csrf_token="+csrfValue+"&email=lw%40kith.example&password="+url.QueryEscape(fixturePassword), "Cookie", "kith_csrf="+csrfValue)
	body := readAll(t, page)
	if page.StatusCode != 429 || !strings.Contains(body, "Too many sign-in attempts; try again in 15 minutes") {
		t.Fatalf("sign-in page once throttled: %d %s", page.StatusCode, body)
	}

	// Per address: guesses at many accounts from one client, behind a
	// trusted proxy that appends the client's address.
	for i := range directory.MaxAddressFailures {
		who := `{"email":"nobody` + strings.Repeat("x", i) + `@kith.example","password":"guess"}`
		post(t, app, "/api/session", "application/json", who, "X-Forwarded-For", "203.0.113.5")
	}
	_, err := dir.CreateUser(directory.WithUser(context.Background(), directory.SystemUser()),
		directory.UserInput{Email: "ed@kith.example", Role: "admin", Password: fixturePassword})
	must(t, err)
	for addr, want := range map[string]int{"203.0.113.5": 429, "203.0.113.6": 200, "198.51.100.1, 203.0.113.5": 429} {
		if resp := post(t, app, "/api/session", "application/json", spareJSON("ed@kith.example"), "X-Forwarded-For", addr); resp.StatusCode != want {
			t.Errorf("signing in from %s: %d, want %d", addr, resp.StatusCode, want)
		}
	}
}

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	raw, err := io.ReadAll(resp.Body)
	must(t, err)
	return string(raw)
}

func TestPasswordChangeOverTheAPI(t *testing.T) {
	app, _ := sessionApp(t, false)
	old := sessionOf(post(t, app, "/api/session", "application/json", spareJSON("lw@kith.example"))).Value
	resp, raw := jsonRequest(t, app, "PUT", "/api/session/password", old, map[string]string{"current_password": fixturePassword, "new_password": "password1234"})
	if resp.StatusCode != 422 || !strings.Contains(string(raw), `"new_password":"is one of the most common passwords`) {
		t.Fatalf("common password: %d %s", resp.StatusCode, raw)
	}
	resp, raw = jsonRequest(t, app, "PUT", "/api/session/password", old, map[string]string{"current_password": fixturePassword, "new_password": "tea at the bandstand"})
	fresh := sessionOf(resp)
	if resp.StatusCode != 204 || fresh == nil {
		t.Fatalf("change: %d %s", resp.StatusCode, raw)
	}
	if resp, _ := jsonRequest(t, app, "GET", "/api/session", old, nil); resp.StatusCode != 401 {
		t.Errorf("the session from before the change: %d", resp.StatusCode)
	}
	if resp, _ := jsonRequest(t, app, "GET", "/api/session", fresh.Value, nil); resp.StatusCode != 200 {
		t.Errorf("the session the change gave: %d", resp.StatusCode)
	}
}
