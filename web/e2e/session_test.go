package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSignIn: a wrong password is refused in plain English with the error
// linked to its field; the right one lands each role on its own home page.
func TestSignIn(t *testing.T) {
	srv := demoServer(t)
	b := newTab(t, srv)
	b.open("/login")
	b.shot("sign-in")
	b.run(
		chromedp.SendKeys("#email", linkWorkerLogin, chromedp.ByQuery),
		chromedp.SendKeys("#password", "not the password", chromedp.ByQuery),
		chromedp.Click("form[action='/login'] button[type=submit]", chromedp.ByQuery),
		chromedp.WaitVisible(".nhsuk-error-summary", chromedp.ByQuery),
	)
	b.check()
	if got := b.text(".nhsuk-error-summary a[href='#email']"); !strings.Contains(got, "email address and password") {
		t.Errorf("error summary says %q", got)
	}
	b.signIn(linkWorkerLogin)
	var path string
	b.run(chromedp.Evaluate(`location.pathname`, &path))
	if path != "/app/caseload" && !strings.HasPrefix(path, "/app/") {
		t.Errorf("signed in to %s, want the caseload", path)
	}
}

// TestAboutPage is the footer's page: it loads cleanly for anyone.
func TestAboutPage(t *testing.T) {
	b := newTab(t, demoServer(t))
	b.open("/about")
	if got := b.text("h1"); got != "About Kith" {
		t.Errorf("h1 = %q", got)
	}
}
