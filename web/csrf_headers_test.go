package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestPageFormsNeedTheCSRFToken posts the sign-in and sign-out forms without
// the token, with a wrong one and with the right one: only the last does
// anything.
func TestPageFormsNeedTheCSRFToken(t *testing.T) {
	app, dir := sessionApp(t, false)
	form := "email=lw%40kith.example&password=" + url.QueryEscape(fixturePassword)
	sessions := func() int {
		var n int
		must(t, dir.DB().Get(&n, `SELECT count(*) FROM sessions`))
		return n
	}
	for name, token := range map[string]string{"no token": "", "a wrong token": "&csrf_token=" + strings.Repeat("x", 43)} {
		resp := post(t, app, "/login", "application/x-www-form-urlencoded", form+token, "Cookie", "kith_csrf="+csrfValue)
		if resp.StatusCode != 403 || sessionOf(resp) != nil || sessions() != 0 {
			t.Errorf("sign-in with %s: %d, %d sessions, want 403 and none", name, resp.StatusCode, sessions())
		}
	}
	resp := post(t, app, "/login", "application/x-www-form-urlencoded", form+"&csrf_token="+csrfValue, "Cookie", "kith_csrf="+csrfValue)
	session := sessionOf(resp)
	if resp.StatusCode != 303 || session == nil || sessions() != 1 {
		t.Fatalf("sign-in with the token: %d", resp.StatusCode)
	}
	cookies := "kith_csrf=" + csrfValue + "; kith_session=" + session.Value
	for name, body := range map[string]string{"no token": "", "a wrong token": "csrf_token=" + strings.Repeat("y", 43)} {
		if resp := post(t, app, "/logout", "application/x-www-form-urlencoded", body, "Cookie", cookies); resp.StatusCode != 403 || sessions() != 1 {
			t.Errorf("sign-out with %s: %d, %d sessions, want 403 and the session kept", name, resp.StatusCode, sessions())
		}
	}
	if resp := post(t, app, "/logout", "application/x-www-form-urlencoded", "csrf_token="+csrfValue, "Cookie", cookies); resp.StatusCode != 303 || sessions() != 0 {
		t.Errorf("sign-out with the token: %d, %d sessions", resp.StatusCode, sessions())
	}
	// htmx sends the token as a header instead.
	resp = post(t, app, "/login", "application/x-www-form-urlencoded", form, "Cookie", "kith_csrf="+csrfValue, "X-CSRF-Token", csrfValue)
	if resp.StatusCode != 303 {
		t.Errorf("sign-in with the token in X-CSRF-Token: %d", resp.StatusCode)
	}
}

func TestSecurityHeadersOnPagesAPIAndAssets(t *testing.T) {
	app, _ := sessionApp(t, false)
	for _, path := range []string{"/login", "/about", "/no-such-page", "/api/services", "/api/nothing", "/oruk/services", "/assets/kith.css", "/healthz"} {
		resp, _ := jsonRequest(t, app, "GET", path, "", nil)
		h := resp.Header
		csp := h.Get("Content-Security-Policy")
		scripts := directive(csp, "script-src")
		switch {
		case scripts == "" || strings.Contains(scripts, "'unsafe-inline'") || strings.Contains(scripts, "'unsafe-eval'"):
			t.Errorf("%s: script-src %q", path, scripts)
		case directive(csp, "frame-ancestors") != "'none'":
			t.Errorf("%s: CSP %q lacks frame-ancestors 'none'", path, csp)
		case h.Get("X-Content-Type-Options") != "nosniff", h.Get("Referrer-Policy") != "same-origin",
			h.Get("X-Frame-Options") != "DENY", h.Get("Cross-Origin-Opener-Policy") != "same-origin",
			!strings.Contains(h.Get("Permissions-Policy"), "camera=()"):
			t.Errorf("%s: headers %v", path, h)
		}
	}
}

// directive returns the value of one directive of a CSP.
func directive(csp, name string) string {
	for _, d := range strings.Split(csp, ";") {
		if f := strings.Fields(d); len(f) > 0 && f[0] == name {
			return strings.Join(f[1:], " ")
		}
	}
	return ""
}

// TestJSONWritesRefuseCrossSiteForms: a form on another site can post to
// Kith with the user's SameSite=Lax cookie only as a top-level navigation,
// and only as a form encoding, which the API refuses unread.
func TestJSONWritesRefuseCrossSiteForms(t *testing.T) {
	f := newSecFixture(t)
	before := f.rows(t)
	// The three encodings an HTML form can send.
	forms := map[string]string{
		"application/x-www-form-urlencoded": "name=Hijacked&status=closed&reason=subject_request&role=admin",
		"multipart/form-data; boundary=x":   "--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nHijacked\r\n--x--\r\n",
		"text/plain":                        "name=Hijacked",
	}
	for ct, body := range forms {
		for _, write := range []struct{ method, path string }{
			{"POST", "/api/services"}, {"PUT", "/api/services/{services}"}, {"POST", "/api/referrals"},
			{"POST", "/api/referrals/{referrals}/status"}, {"POST", "/api/people/{people}/erase"}, {"POST", "/api/users"},
		} {
			path := f.body(access{method: "POST", path: "/api", body: write.path})
			resp, raw := f.send(t, adm, write.method, path, ct, body)
			if resp.StatusCode != http.StatusUnsupportedMediaType {
				t.Errorf("%s %s as %s: %d %s, want 415", write.method, write.path, ct, resp.StatusCode, raw)
			}
		}
	}
	if after := f.rows(t); !equalCounts(before, after) {
		t.Fatalf("refused form posts changed rows: %v → %v", before, after)
	}
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
