package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// fetchedLink is what fetching a link with the page's cookies answered.
type fetchedLink struct {
	Status int    `json:"status"`
	Type   string `json:"type"`
	Body   string `json:"body"`
}

// fetchHref fetches the href of the first link matching sel from inside
// the page, so with the signed-in browser's own cookies.
func (b *tab) fetchHref(sel string) fetchedLink {
	b.t.Helper()
	var d fetchedLink
	js := `(async () => {
  const r = await fetch(document.querySelector(` + "`" + sel + "`" + `).href, {credentials: 'same-origin'});
  return {status: r.status, type: r.headers.get('content-type') || '', body: await r.text()};
})()`
	b.run(chromedp.Evaluate(js, &d, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	return d
}

// csvHeaderOf is the first line of a CSV file after its # comment lines.
func csvHeaderOf(body string) string {
	for _, line := range strings.Split(body, "\n") {
		if !strings.HasPrefix(line, "#") {
			return line
		}
	}
	return ""
}

// TestCommissionerGapMap is issue 8's commissioner journey: sign in, open
// the gap map (drawn, with its key), filter it by a need, open an area's
// figures from the map, and download the figures as CSV.
func TestCommissionerGapMap(t *testing.T) {
	b := newTab(t, demoServer(t))
	b.signIn(commissionerLogin)
	var path string
	b.run(chromedp.Evaluate(`location.pathname`, &path))
	if path != "/app/insight" {
		t.Errorf("a commissioner signs in to %s, want /app/insight", path)
	}
	b.open("/app/insight")
	b.run(chromedp.WaitVisible(".kith-map path.leaflet-interactive", chromedp.ByQuery))
	if n := b.count(".kith-map path.leaflet-interactive"); n == 0 {
		t.Fatal("the gap map drew no areas")
	}
	if n := b.count(".kith-legend .kith-swatch"); n == 0 {
		t.Error("the map has no key")
	}
	if n := b.count("canvas[data-chart]"); n < 3 {
		t.Errorf("%d charts drawn", n)
	}
	b.shot("commissioner-insight")

	// The change is dispatched after Evaluate returns: the page it submits
	// replaces this one, where the need is the one selected.
	b.run(chromedp.Evaluate(`setTimeout(() => { const s = document.querySelector('#category'); s.value = 'walking';
  s.dispatchEvent(new Event('change', {bubbles: true})); }, 100)`, nil))
	b.run(chromedp.WaitReady(`#category option[value="walking"][selected]`, chromedp.ByQuery),
		chromedp.WaitVisible(".kith-map path.leaflet-interactive", chromedp.ByQuery))
	b.check()
	if got := b.text("h2#gaps + p"); !strings.Contains(got, "this need") {
		t.Errorf("after filtering the map says %q", got)
	}

	b.run(chromedp.Click(".kith-map path.leaflet-interactive", chromedp.ByQuery),
		chromedp.WaitVisible("#area-panel #area-heading", chromedp.ByQuery))
	b.check()
	if got := b.text("#area-panel"); !strings.Contains(got, "Gap score") || !strings.Contains(got, "Walking groups") {
		t.Errorf("the area's panel says %q", got)
	}
	b.shot("commissioner-area")

	for sel, header := range map[string]string{
		`a[href^="/api/gaps"]`:                       "rank,code,name,lon,lat,gap_score,demand",
		`a[href^="/api/reports/referrals-by-month"]`: "month,referrals",
	} {
		d := b.fetchHref(sel)
		if d.Status != 200 || !strings.HasPrefix(d.Type, "text/csv") || !strings.HasPrefix(csvHeaderOf(d.Body), header) {
			t.Errorf("%s: %d %q, header %q", sel, d.Status, d.Type, csvHeaderOf(d.Body))
		}
	}
}

// TestCommissionerPagesAt375 checks the dashboard and an area's page fit a
// phone's width.
func TestCommissionerPagesAt375(t *testing.T) {
	b := newTab(t, demoServer(t))
	b.signIn(commissionerLogin)
	b.run(chromedp.EmulateViewport(375, 812))
	b.open("/app/insight")
	b.run(chromedp.WaitVisible(".kith-map path.leaflet-interactive", chromedp.ByQuery))
	var href string
	b.run(chromedp.AttributeValue(`#gap-table ~ .nhsuk-table-container a`, "href", &href, nil, chromedp.ByQuery))
	for _, path := range []string{"/app/insight", href} {
		b.open(path)
		var width int
		b.run(chromedp.Evaluate(`document.documentElement.scrollWidth`, &width))
		if width > 375 {
			t.Errorf("%s is %d px wide at 375 px", path, width)
		}
	}
}
