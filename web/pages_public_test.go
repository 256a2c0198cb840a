package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

// csrfToken is what the page tests send as both the CSRF cookie and the
// form field, as a browser that loaded the form would.
const csrfToken = "test-token-test-token-test-token-0123456789"

// page sends a browser request: a GET, or with form values a form post
// carrying the CSRF token. It returns the response and its body.
func page(t *testing.T, app *fiber.App, method, path, session string, form url.Values, headers ...string) (*http.Response, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		form.Set("csrf_token", csrfToken)
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set("Cookie", "kith_csrf="+csrfToken+"; kith_session="+session)
	resp, raw := send(t, app, req, headers...)
	return resp, string(raw)
}

// summaryLinks returns the error summary's links: field id → message.
func summaryLinks(html string) map[string]string {
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`<li><a href="#([^"]+)">([^<]+)</a></li>`).FindAllStringSubmatch(html, -1) {
		out[m[1]] = m[2]
	}
	return out
}

// TestSearchPageShowsParameterProblemsOnTheForm: a search the engine
// refuses is the search page again, with the problem beside its field (or
// in the summary when the page has no field for it), never an error page.
func TestSearchPageShowsParameterProblemsOnTheForm(t *testing.T) {
	app, _ := gardenSearch(t)
	for _, tc := range []struct {
		query, field, says string
	}{
		{"q=garden&near=atlantis", "near", "Postcode or place is not a valid UK postcode"},
		{"near=SR2&radius_km=500", "radius_km", "Distance must be a number of kilometres"},
		{"day=someday", "day", "Day must be one of mon"},
		{"age=old", "age", "Age must be a whole number"},
		{"q=garden&limit=1000", "", "setting that is not right (limit must be a whole number from 1 to 100)"},
		{"bogus=1", "", "setting that is not right (bogus is not a search parameter)"},
	} {
		resp, html := page(t, app, "GET", "/?"+tc.query, "", nil)
		if resp.StatusCode != 400 || !strings.Contains(html, `<h1>Find a community group or service</h1>`) {
			t.Errorf("%s: %d, want the search page with 400", tc.query, resp.StatusCode)
			continue
		}
		links := summaryLinks(html)
		switch {
		case tc.field != "" && !strings.Contains(links[tc.field], tc.says):
			t.Errorf("%s: summary links %v, want #%s saying %q", tc.query, links, tc.field, tc.says)
		case tc.field != "" && !strings.Contains(html, `id="`+tc.field+`-error"`):
			t.Errorf("%s: no error beside #%s", tc.query, tc.field)
		case tc.field == "" && (len(links) != 0 || !strings.Contains(html, tc.says)):
			t.Errorf("%s: summary should say %q without a link; links %v", tc.query, tc.says, links)
		}
		if strings.Contains(html, "hx-get") {
			t.Errorf("%s: a page with problems must post whole, so the errors clear", tc.query)
		}
	}
	// htmx cannot put errors beside the fields, which it does not swap: it
	// is sent to the whole page.
	resp, _ := page(t, app, "GET", "/?near=atlantis&q=", "", nil, "HX-Request", "true", "HX-Target", "search-results")
	if resp.StatusCode != 204 || resp.Header.Get("HX-Redirect") != "/?near=atlantis" {
		t.Errorf("htmx search with a problem: %d, HX-Redirect %q", resp.StatusCode, resp.Header.Get("HX-Redirect"))
	}
}

func TestSearchPageResultsAndFragments(t *testing.T) {
	app, _ := gardenSearch(t)
	// Empty boxes and "any" in the selects are no filter, not a mistake.
	resp, html := page(t, app, "GET", "/?q=gardening&near=SR2+8AA&radius_km=5&category=&age=", "", nil)
	if resp.StatusCode != 200 || !strings.Contains(html, "Hendon community garden") || !strings.Contains(html, "1 result near SR2 8AA") {
		t.Fatalf("search page: %d\n%s", resp.StatusCode, html)
	}
	for _, chip := range []string{`href="/?near=SR2&#43;8AA&amp;radius_km=5"`, `href="/?q=gardening"`} {
		if !strings.Contains(html, chip) {
			t.Errorf("no chip linking to %s", chip)
		}
	}
	if !strings.Contains(html, `data-map=`) || !strings.Contains(html, "Community gardening") {
		t.Error("no map or category on the page")
	}
	resp, html = page(t, app, "GET", "/?q=gardening&near=SR2+8AA&category=", "", nil, "HX-Request", "true", "HX-Target", "search-results")
	if resp.StatusCode != 200 || strings.Contains(html, "<html") || !strings.HasPrefix(strings.TrimSpace(html), `<p id="search-status"`) ||
		!strings.Contains(html, `id="search-results"`) || resp.Header.Get("HX-Push-Url") != "/?near=SR2+8AA&q=gardening" {
		t.Errorf("htmx search: %d, push %q\n%s", resp.StatusCode, resp.Header.Get("HX-Push-Url"), html)
	}
	resp, html = page(t, app, "GET", "/?q=zzzzqqqq&near=SR2+8AA", "", nil)
	if resp.StatusCode != 200 || !strings.Contains(html, "No results near SR2 8AA") || !strings.Contains(html, "search a wider area") {
		t.Errorf("empty search: %d", resp.StatusCode)
	}
	resp, html = page(t, app, "GET", "/?radius_km=5", "", nil)
	if resp.StatusCode != 200 || !strings.Contains(html, "Browse by what you need") {
		t.Errorf("a search of nothing is the start page: %d", resp.StatusCode)
	}
}

// listedService is the referral fixture with a published listing of ten
// places in it.
func listedService(t *testing.T) (*refFixture, string) {
	t.Helper()
	f := newRefFixture(t)
	ten := 10
	return f, f.service(t, f.org, directory.CapacityInput{Maximum: &ten})
}

// TestProblemReportPage: the form refuses a report without its details in
// the page's words, beside the fields; a good one goes to the moderators,
// who alone see and resolve it.
func TestProblemReportPage(t *testing.T) {
	f, svc := listedService(t)
	path := "/services/" + svc + "/report"
	if resp, html := page(t, f.app, "GET", path, "", nil); resp.StatusCode != 200 || !strings.Contains(html, "Report a problem with this listing") {
		t.Fatalf("form: %d", resp.StatusCode)
	}
	resp, html := page(t, f.app, "POST", path, "", url.Values{"details": {"  "}})
	links := summaryLinks(html)
	if resp.StatusCode != 422 || links["kind"] != "Select what is wrong with the listing" || links["details"] != "Tell us what is wrong with the listing" {
		t.Fatalf("empty report: %d, summary %v", resp.StatusCode, links)
	}
	resp, html = page(t, f.app, "POST", path, "", url.Values{"kind": {"closed"}, "details": {"Gone."}, "email": {"not an email"}})
	if links := summaryLinks(html); resp.StatusCode != 422 || !strings.HasPrefix(links["email"], "Email address must be an email address") {
		t.Fatalf("bad email: %d, summary %v", resp.StatusCode, links)
	}
	resp, _ = page(t, f.app, "POST", path, "", url.Values{"kind": {"closed"}, "details": {"The hall has shut."}})
	if resp.StatusCode != 303 || resp.Header.Get("Location") != "/services/"+svc {
		t.Fatalf("good report: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	// The thank-you shows once, on the service page, and is then forgotten
	// everywhere on the site.
	var thanks *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == "kith_flash" {
			thanks = c
		}
	}
	resp, html = page(t, f.app, "GET", "/services/"+svc, "", nil, "Cookie", "kith_flash="+thanks.Value)
	gone := false
	for _, c := range resp.Cookies() {
		gone = gone || (c.Name == "kith_flash" && c.Path == "/" && c.Expires.Before(time.Now()))
	}
	if !strings.Contains(html, "Thank you for telling us") || !gone {
		t.Errorf("the thank-you is not shown and then cleared for the whole site: %v", resp.Header.Values("Set-Cookie"))
	}
	if resp, _ := page(t, f.app, "POST", "/services/00000000-0000-4000-8000-000000000000/report", "", url.Values{"kind": {"closed"}, "details": {"x"}}); resp.StatusCode != 404 {
		t.Errorf("report on no listing: %d, want 404", resp.StatusCode)
	}

	if resp, _ := page(t, f.app, "GET", "/app/admin/reports", f.cookies["worker"], nil); resp.StatusCode != 403 {
		t.Errorf("link worker on the reports list: %d, want 403", resp.StatusCode)
	}
	resp, html = page(t, f.app, "GET", "/app/admin/reports", f.cookies["admin"], nil)
	id := regexp.MustCompile(`/app/admin/reports/([0-9a-f-]{36})/resolve`).FindStringSubmatch(html)
	if resp.StatusCode != 200 || !strings.Contains(html, "The hall has shut.") || id == nil {
		t.Fatalf("admin list: %d\n%s", resp.StatusCode, html)
	}
	resolve := "/app/admin/reports/" + id[1] + "/resolve"
	if resp, _ := page(t, f.app, "POST", resolve, f.cookies["admin"], url.Values{"resolution": {"Listing closed."}}); resp.StatusCode != 303 {
		t.Fatalf("resolve: %d", resp.StatusCode)
	}
	if _, html := page(t, f.app, "GET", "/app/admin/reports", f.cookies["admin"], nil); strings.Contains(html, "The hall has shut.") {
		t.Error("a resolved report is still on the open list")
	}
	if resp, _ := page(t, f.app, "POST", resolve, f.cookies["admin"], url.Values{}); resp.StatusCode != 303 {
		t.Errorf("resolving again: %d, want the list again", resp.StatusCode)
	}
}

// TestSelfReferralPage: the page uses the self-referral store call, with
// its problems in plain words beside the fields, and shares the API's rate
// limit.
func TestSelfReferralPage(t *testing.T) {
	f, svc := listedService(t)
	path := "/services/" + svc + "/refer"
	good := url.Values{"person.name": {"Edna Marsh"}, "person.date_of_birth-day": {"9"}, "person.date_of_birth-month": {"3"},
		"person.date_of_birth-year": {"1951"}, "person.postcode": {"SR2 7UQ"}, "person.contact_by": {"phone"},
		"person.phone": {"07700 900123"}, "needs": {"walking"}, "consent": {"yes"}}
	with := func(changes map[string]string) url.Values {
		v := url.Values{}
		for k, vs := range good {
			v[k] = append([]string(nil), vs...)
		}
		for k, x := range changes {
			v.Set(k, x)
		}
		return v
	}
	for _, tc := range []struct {
		changes     map[string]string
		field, says string
	}{
		{map[string]string{"person.phone": ""}, "person.phone", "Enter a phone number, so a link worker can call or text you"},
		{map[string]string{"person.date_of_birth-day": "31", "person.date_of_birth-month": "2"}, "person.date_of_birth", "Date of birth must be a real date"},
		{map[string]string{"consent": ""}, "consent", "Agree to a link worker contacting you"},
	} {
		resp, html := page(t, f.app, "POST", path, "", with(tc.changes))
		if links := summaryLinks(html); resp.StatusCode != 422 || !strings.HasPrefix(links[tc.field], tc.says) {
			t.Errorf("%v: %d, summary %v, want #%s: %s", tc.changes, resp.StatusCode, links, tc.field, tc.says)
		}
	}
	resp, _ := page(t, f.app, "POST", path, "", good)
	sent := resp.Header.Get("Location")
	if resp.StatusCode != 303 || !regexp.MustCompile(`^/services/`+svc+`/refer/sent\?reference=[0-9A-F]{8}$`).MatchString(sent) {
		t.Fatalf("good self-referral: %d to %q", resp.StatusCode, sent)
	}
	if resp, html := page(t, f.app, "GET", sent, "", nil); resp.StatusCode != 200 || !strings.Contains(html, "What happens next") {
		t.Errorf("what happens next: %d", resp.StatusCode)
	}
	// Four posts so far; the API takes the fifth; the sixth is one too many
	// from here, whichever way it comes.
	if status, _, _ := f.call(t, "", "POST", "/api/self-referrals", map[string]any{}); status != 400 && status != 422 {
		t.Fatalf("API self-referral: %d", status)
	}
	if resp, html := page(t, f.app, "POST", path, "", good); resp.StatusCode != 429 || !strings.Contains(html, "Too many attempts") {
		t.Errorf("sixth self-referral in the hour: %d, want the 429 page", resp.StatusCode)
	}
}
