package web_test

import (
	"strings"
	"testing"
)

// The dashboard is for commissioners and admins: a link worker, a VCSE
// editor and a reviewer are refused with the 403 page, and someone not
// signed in is sent to sign in first.
func TestInsightPagesAreForCommissioners(t *testing.T) {
	f := newInsightFixture(t)
	for _, path := range []string{"/app/insight", "/app/insight/areas/E01008735"} {
		for who, want := range map[string]int{"worker": 403, "editor": 403, "reviewer": 403, "commissioner": 200, "admin": 200, "": 303} {
			status, body, h := newPageUser(t, f.app, f.cookies[who]).get(t, path)
			if status != want {
				t.Errorf("%s as %q: %d, want %d", path, who, status, want)
			}
			switch want {
			case 403:
				if !strings.Contains(body, "You cannot see this page") {
					t.Errorf("%s as %q: not the 403 page", path, who)
				}
			case 303:
				if !strings.HasPrefix(h.Get("Location"), "/login?next=") {
					t.Errorf("%s anonymous: sent to %q", path, h.Get("Location"))
				}
			}
		}
	}
}

// The dashboard draws the gap map with its legend and table, every chart
// with a table, and links to CSV files a commissioner's session can fetch;
// and none of it carries anything about a person.
func TestInsightDashboard(t *testing.T) {
	f := newInsightFixture(t)
	u := newPageUser(t, f.app, f.cookies["commissioner"])
	status, page, _ := u.get(t, "/app/insight?category=walking")
	if status != 200 {
		t.Fatalf("dashboard: %d\n%s", status, page)
	}
	for _, want := range []string{`class="kith-map" data-map=`, `&#34;areas&#34;:[{&#34;lat&#34;`, `class="kith-legend"`,
		"kith-swatch--", `id="area-panel"`, `href="/app/insight/areas/E01008735?category=walking&amp;geography=lsoa"`,
		`<option value="walking" selected>`, "data-chart=", "Referrals over time", "Load on community groups",
		`href="/api/gaps?category=walking&amp;format=csv&amp;geography=lsoa"`,
		`href="/api/reports/referrals-by-month?category=walking&amp;format=csv"`} {
		if !strings.Contains(page, want) {
			t.Errorf("dashboard lacks %s", want)
		}
	}
	for _, p := range personal {
		if strings.Contains(page, p) {
			t.Errorf("dashboard shows %q, which is about a person", p)
		}
	}
	charts, empty := strings.Count(page, "<canvas"), strings.Count(page, "No chart: every figure is 0 or withheld")
	if tables := strings.Count(page, "nhsuk-table-container"); charts+empty != 5 || tables != 6 || charts < 3 {
		t.Errorf("%d charts, %d empty, %d tables: want five reports, each with a table, and the gap table", charts, empty, tables)
	}
	for _, link := range []string{"/api/gaps?category=walking&format=csv&geography=lsoa", "/api/reports/outcomes?format=csv"} {
		status, body, h := u.get(t, link)
		if status != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/csv") || !strings.Contains(body, "\n") {
			t.Errorf("%s with the page's cookies: %d %s", link, status, h.Get("Content-Type"))
		}
	}
}

// An area's figures come as a fragment for the panel and as a page of its
// own; an area outside the commissioner's authority is not found.
func TestInsightArea(t *testing.T) {
	f := newInsightFixture(t)
	u := newPageUser(t, f.app, f.cookies["commissioner"])
	status, fragment, _ := u.get(t, "/app/insight/areas/E01008735?geography=lsoa", "HX-Request", "true")
	if status != 200 || strings.Contains(fragment, "<html") || !strings.Contains(fragment, `<h3 id="area-heading">Area E01008735</h3>`) ||
		!strings.Contains(fragment, "Gap score") {
		t.Errorf("panel fragment: %d\n%s", status, fragment)
	}
	status, page, _ := u.get(t, "/app/insight/areas/E01008735")
	if status != 200 || !strings.Contains(page, "<h1>Area E01008735</h1>") || !strings.Contains(page, "Demand") {
		t.Errorf("area page: %d", status)
	}
	for path, want := range map[string]int{
		"/app/insight/areas/E01027640":                       404, // Harrogate: another authority
		"/app/insight/areas/nonsense":                        404,
		"/app/insight/areas/E01008735?geography=county":      400,
		"/app/insight/areas/E01008735?category=no-such-need": 400,
	} {
		if status, _, _ := u.get(t, path); status != want {
			t.Errorf("%s: %d, want %d", path, status, want)
		}
	}
}
