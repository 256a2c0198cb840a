package e2e

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestPublicJourney is someone finding a walking group near SR2 without
// signing in: search, narrow with a filter and remove it again, open the
// group's page, refer themselves (after getting the form wrong once) and
// report a problem with the listing, which a QA reviewer then resolves.
func TestPublicJourney(t *testing.T) {
	srv := demoServer(t)
	b := newTab(t, srv)
	b.open("/")
	b.run(
		chromedp.SendKeys("#q", "walking", chromedp.ByQuery),
		chromedp.SendKeys("#near", "SR2", chromedp.ByQuery),
		chromedp.Click("form[role=search] button[type=submit]", chromedp.ByQuery),
		chromedp.WaitVisible("#search-results .kith-result", chromedp.ByQuery),
	)
	b.check()
	b.searchShows("walking", "Within 5 km of SR2")
	if n := b.count(".kith-map path.leaflet-interactive"); n < 2 {
		t.Errorf("the map draws %d shapes, want the search circle and the results", n)
	}
	if got := b.eval(`location.search`); !strings.Contains(got, "q=walking") || !strings.Contains(got, "near=SR2") {
		t.Errorf("the address bar has %q, want the search in it", got)
	}
	b.shot("public-search")

	// A filter applies as soon as it is ticked, and comes off with its chip.
	b.run(chromedp.Click(".kith-more-filters summary", chromedp.ByQuery), chromedp.Click("label[for=free]", chromedp.ByQuery))
	b.waitFor(`[...document.querySelectorAll('.kith-chip')].some(a => a.textContent.includes('Free to attend'))`)
	b.check()
	if all, free := b.count(".kith-result"), b.count(".kith-result .nhsuk-tag--green"); all == 0 || all != free {
		t.Errorf("%d of %d results are free with the free filter on", free, all)
	}
	b.run(chromedp.Click(`//a[contains(@class,"kith-chip")][contains(.,"Free to attend")]`, chromedp.BySearch),
		chromedp.WaitNotPresent(`//a[contains(@class,"kith-chip")][contains(.,"Free to attend")]`, chromedp.BySearch))
	b.check()
	b.searchShows("walking", "Within 5 km of SR2")
	if b.eval(`String(document.querySelector('#free').checked)`) != "false" {
		t.Error("the free filter is still ticked after removing its chip")
	}

	name := b.text(".kith-result h3 a")
	b.run(chromedp.Click(".kith-result h3 a", chromedp.ByQuery), chromedp.WaitVisible("h1", chromedp.ByQuery))
	b.check()
	if got := b.text("h1"); got != name {
		t.Fatalf("opened %q from a card for %q", got, name)
	}
	service := b.eval(`location.pathname`)
	for _, want := range []string{"When", "How to get there", "Who it is for", "Cost", "Contact"} {
		if !strings.Contains(b.text("main"), want) {
			t.Errorf("the service page has no %q section", want)
		}
	}
	b.shot("public-service")

	b.selfRefer(service)
	b.reportProblem(service)
}

// searchShows checks the results list and that the chips are the wanted
// filters, plus "Clear all".
func (b *tab) searchShows(chips ...string) {
	b.t.Helper()
	if n := b.count("#search-results .kith-result"); n == 0 {
		b.t.Fatal("no results")
	}
	if got := b.count(".kith-chip"); got != len(chips)+1 {
		b.t.Errorf("%d chips, want %v and Clear all", got, chips)
	}
	for _, c := range chips {
		if b.countX(fmt.Sprintf(`//a[contains(@class,"kith-chip")][contains(.,%q)]`, c)) == 0 {
			b.t.Errorf("no chip for %q", c)
		}
	}
}

func (b *tab) selfRefer(service string) {
	b.t.Helper()
	b.run(chromedp.Click(`//a[contains(@class,"nhsuk-button")][.="Refer yourself"]`, chromedp.BySearch),
		chromedp.WaitVisible("form[action$='/refer']", chromedp.ByQuery))
	b.check()
	b.run(
		chromedp.SendKeys(`[id='person.name']`, "Edna Marsh", chromedp.ByQuery),
		chromedp.SendKeys(`[id='person.date_of_birth']`, "9", chromedp.ByQuery),
		chromedp.SendKeys(`[id='person.date_of_birth-month']`, "3", chromedp.ByQuery),
		chromedp.SendKeys(`[id='person.date_of_birth-year']`, "1951", chromedp.ByQuery),
		chromedp.SendKeys(`[id='person.postcode']`, "SR2 7UQ", chromedp.ByQuery),
		chromedp.Click("label[for=consent]", chromedp.ByQuery),
	)
	b.refused("/refer", "person.phone", "Enter a phone number", "public-self-referral")
	b.run(
		chromedp.SendKeys(`[id='person.phone']`, "07700 900123", chromedp.ByQuery),
		chromedp.Click("form[action$='/refer'] button[type=submit]", chromedp.ByQuery),
		chromedp.WaitVisible(".nhsuk-panel", chromedp.ByQuery),
	)
	b.check()
	if ref := b.text(".kith-reference"); !regexp.MustCompile(`^[0-9A-F]{8}$`).MatchString(ref) {
		b.t.Errorf("reference %q", ref)
	}
	if got := b.text(".nhsuk-notification-banner"); !strings.Contains(got, "will contact you") {
		b.t.Errorf("confirmation banner says %q", got)
	}
	if got := b.text("main"); !strings.Contains(got, "What happens next") {
		b.t.Error("no 'what happens next' after sending")
	}
	b.open(service)
}

// refused sends the form posting to a path ending in action, expecting it
// back with a problem with field, and screenshots it.
func (b *tab) refused(action, field, message, shot string) {
	b.t.Helper()
	b.run(chromedp.Click(fmt.Sprintf("form[action$='%s'] button[type=submit]", action), chromedp.ByQuery),
		chromedp.WaitVisible(".nhsuk-error-summary", chromedp.ByQuery))
	b.check()
	b.summaryLinksTo(field, message)
	b.shot(shot)
}

// summaryLinksTo checks the error summary names the problem and links to
// the field with it, and that following the link puts focus there.
func (b *tab) summaryLinksTo(field, message string) {
	b.t.Helper()
	link := fmt.Sprintf(`.nhsuk-error-summary a[href='#%s']`, field)
	if got := b.text(link); !strings.Contains(got, message) {
		b.t.Errorf("error summary link to #%s says %q, want %q", field, got, message)
	}
	if got := b.text(fmt.Sprintf(`[id='%s-error']`, field)); !strings.Contains(got, message) {
		b.t.Errorf("the error beside #%s says %q", field, got)
	}
	b.run(chromedp.Click(link, chromedp.ByQuery))
	if got := b.eval(`document.activeElement.id`); got != field {
		b.t.Errorf("following the summary link focuses %q, want %q", got, field)
	}
}

func (b *tab) reportProblem(service string) {
	b.t.Helper()
	b.run(chromedp.Click(`//a[.="Report a problem with this listing"]`, chromedp.BySearch),
		chromedp.WaitVisible("form[action$='/report']", chromedp.ByQuery))
	b.check()
	b.run(chromedp.Click("label[for=kind]", chromedp.ByQuery))
	b.refused("/report", "details", "Tell us what is wrong", "public-report")
	details := fmt.Sprintf("The walk now starts at 11:00, not 10:30 (checked %s).", time.Now().Format(time.RFC3339Nano))
	b.run(
		chromedp.SendKeys("#details", details, chromedp.ByQuery),
		chromedp.Click("form[action$='/report'] button[type=submit]", chromedp.ByQuery),
		chromedp.WaitVisible(".nhsuk-notification-banner", chromedp.ByQuery),
	)
	b.check()
	if got := b.eval(`location.pathname`); got != service {
		b.t.Errorf("after reporting, at %s, want the service page %s", got, service)
	}

	qa := newTab(b.t, demoServer(b.t))
	qa.signIn(qaLogin)
	qa.open("/app/admin/reports")
	card := fmt.Sprintf(`//div[contains(concat(" ",@class," ")," nhsuk-card ")][.//p[contains(.,%q)]]`, details)
	if qa.countX(card) != 1 {
		b.t.Fatalf("the report is not on the moderators' list")
	}
	qa.shot("admin-problem-reports")
	qa.run(chromedp.Click(card+`//button[@type="submit"]`, chromedp.BySearch),
		chromedp.WaitVisible(".nhsuk-notification-banner", chromedp.ByQuery))
	qa.check()
	if qa.countX(card) != 0 {
		b.t.Error("the resolved report is still listed as open")
	}
	qa.open("/app/admin/reports?all=yes")
	if qa.countX(card+`//strong[.="Resolved"]`) != 1 {
		b.t.Error("the resolved report is not shown as resolved")
	}
}

// TestPublicSearchByKeyboard walks the search page with the keyboard alone:
// skip link, the search fields, every filter, the search button; then the
// first result. Every stop must show where focus is.
func TestPublicSearchByKeyboard(t *testing.T) {
	b := newTab(t, demoServer(t))
	b.open("/")
	b.press(kb.Tab)
	if f := b.focused(); !strings.Contains(f.Class, "nhsuk-skip-link") {
		t.Fatalf("first Tab reaches %+v, want the skip link", f)
	}
	b.press(kb.Enter)
	b.press(kb.Tab)
	if f := b.focused(); f.ID != "q" {
		t.Fatalf("Tab after the skip link reaches %+v, want the search box", f)
	}
	b.typeText("walking")
	b.press(kb.Tab)
	b.typeText("SR2")
	var stops []string
	for i := 0; i < 60; i++ {
		f := b.focused()
		stops = append(stops, f.stop())
		if f.Tag == "BUTTON" && f.Text == "Search" {
			break
		}
		if f.Tag == "SUMMARY" {
			b.press(kb.Enter) // open "More filters"
		}
		b.press(kb.Tab)
	}
	want := []string{"near", "radius_km", "category", "summary:More filters", "day", "time", "free", "accepting", "assured",
		"delivery", "age", "accessible", "button:Search"}
	if got := distinct(stops); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("focus order %v, want %v", got, want)
	}
	b.press(kb.Enter)
	b.waitFor(`document.querySelector('#search-results .kith-result') !== null`)
	b.check()
	first := b.eval(`document.querySelector('.kith-result h3 a').getAttribute('href')`)
	var path []string
	for i := 0; i < 15; i++ {
		b.press(kb.Tab)
		f := b.focused()
		path = append(path, f.stop())
		if f.Href == first {
			break
		}
	}
	if f := b.focused(); f.Href != first {
		t.Fatalf("tabbing from the search button went %v, never reaching the first result %s", path, first)
	}
	b.press(kb.Enter)
	b.run(chromedp.WaitVisible("a[href$='/report']", chromedp.ByQuery))
	b.check()
	if got := b.eval(`location.pathname`); got != first {
		t.Errorf("Enter on the first result opened %s, want %s", got, first)
	}
}

// focus is where keyboard focus is and whether it can be seen.
type focus struct {
	Tag, ID, Name, Class, Text, Href string
	Visible                          bool
}

// stop names a focus stop by field (checkbox groups by their name).
func (f focus) stop() string {
	switch {
	case f.Tag == "SUMMARY":
		return "summary:" + f.Text
	case f.Tag == "BUTTON":
		return "button:" + f.Text
	case f.Name != "":
		return f.Name
	case f.Href != "":
		return "link:" + f.Href
	}
	return f.Tag + "#" + f.ID
}

// focusJS describes document.activeElement, and says whether it looks
// different focused and not (its outline, shadow or colours, or those of
// the label box a styled checkbox draws), so focus is visible.
const focusJS = `(() => {
  const el = document.activeElement;
  const look = (e) => {
    const pick = (x, p) => { const s = getComputedStyle(x, p); return [s.outlineStyle, s.outlineWidth, s.boxShadow, s.backgroundColor, s.color].join('|'); };
    const parts = [pick(e)];
    if (e.labels && e.labels[0]) parts.push(pick(e.labels[0], '::before'));
    const span = e.querySelector && e.querySelector('span');
    if (span) parts.push(pick(span));
    return parts.join('#');
  };
  const marked = (s) => /solid|auto|dotted|dashed/.test(s) || /rgb[^|#]*\) [-0-9.]+px/.test(s);
  const focused = look(el);
  el.blur();
  const blurred = look(el);
  el.focus({preventScroll: true});
  return {Tag: el.tagName, ID: el.id || '', Name: el.getAttribute('name') || '', Class: el.className || '',
    Text: (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60), Href: el.getAttribute('href') || '',
    Visible: focused !== blurred && marked(focused)};
})()`

// focused returns where focus is, failing the test if it cannot be seen.
func (b *tab) focused() focus {
	b.t.Helper()
	var f focus
	b.run(chromedp.Evaluate(focusJS, &f))
	if !f.Visible {
		b.t.Errorf("focus on %+v is not visible", f)
	}
	return f
}

func (b *tab) press(key string) {
	b.t.Helper()
	b.run(chromedp.KeyEvent(key))
}

func (b *tab) typeText(s string) {
	b.t.Helper()
	b.run(chromedp.KeyEvent(s))
}

// countX counts the elements an XPath expression finds.
func (b *tab) countX(xpath string) int {
	b.t.Helper()
	var n int
	b.run(chromedp.Evaluate(fmt.Sprintf(`document.evaluate(%q, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null).snapshotLength`, xpath), &n))
	return n
}

func (b *tab) eval(js string) string {
	b.t.Helper()
	var s string
	b.run(chromedp.Evaluate(js, &s))
	return s
}

// waitFor waits until a JavaScript expression is true.
func (b *tab) waitFor(js string) {
	b.t.Helper()
	b.run(chromedp.Poll(js, nil, chromedp.WithPollingTimeout(15*time.Second)))
}

// distinct drops repeats in a row, so a group of checkboxes counts once.
func distinct(stops []string) []string {
	var out []string
	for _, s := range stops {
		if len(out) == 0 || out[len(out)-1] != s {
			out = append(out, s)
		}
	}
	return out
}

// TestPublicPagesAt375px: the search, with its filters, and the service
// and self-referral pages fit a small phone without sideways scrolling.
func TestPublicPagesAt375px(t *testing.T) {
	b := newTab(t, demoServer(t))
	b.run(chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile))
	b.open("/?q=walking&near=SR2")
	b.fits("search results")
	b.run(chromedp.Click(".kith-more-filters summary", chromedp.ByQuery), chromedp.Click("label[for=assured]", chromedp.ByQuery))
	b.waitFor(`[...document.querySelectorAll('.kith-chip')].some(a => a.textContent.includes('Quality assured'))`)
	b.check()
	b.fits("search with filters open")
	if all, assured := b.count(".kith-result"), b.count(".kith-result .nhsuk-tag--blue"); all == 0 || all != assured {
		t.Errorf("%d of %d results are assured with the filter on", assured, all)
	}
	b.shot("public-search-375")
	href := b.eval(`document.querySelector('.kith-result h3 a').getAttribute('href')`)
	b.open(href)
	b.fits("service page")
	b.shot("public-service-375")
	b.open(href + "/refer")
	b.fits("self-referral form")
}

// fits fails the test if the page scrolls sideways.
func (b *tab) fits(what string) {
	b.t.Helper()
	var width int
	b.run(chromedp.Evaluate(`document.documentElement.scrollWidth`, &width))
	if width > 375 {
		var wide []string
		b.run(chromedp.Evaluate(`[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 376).slice(0, 5).map(e => e.tagName + '.' + e.className)`, &wide))
		b.t.Errorf("%s is %d px wide at 375 px: %v", what, width, wide)
	}
}
