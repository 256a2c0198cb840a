package e2e

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// startBrowser launches a headless Chromium with its own profile (so its
// own cookies) and the flags this machine's closed network needs. Each user
// in a test gets one: a browser context per user would share the process,
// but this Chromium refuses to open tabs in extra contexts when headless.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	path, err := chromiumPath()
	if err != nil {
		t.Fatalf("e2e: %v", err)
	}
	// Not t.TempDir: Chromium may still be writing its profile when the
	// test's own clean-up would remove it.
	profile, err := os.MkdirTemp("", "kith-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.UserDataDir(profile), chromedp.NoSandbox,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.WindowSize(1280, 900))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	ctx, cancelTime := context.WithTimeout(ctx, 5*time.Minute)
	t.Cleanup(func() {
		chromedp.Cancel(ctx)
		cancelTime()
		cancel()
		cancelAlloc()
		os.RemoveAll(profile)
	})
	return ctx
}

// chromiumPath finds Debian's chromium; `make test` installs it.
func chromiumPath() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("no chromium on PATH: run `make chromium` (apt-get install chromium)")
}

// tab is one user's browser: its own cookie jar (a separate browser
// context), and everything the page said on the console.
type tab struct {
	t      *testing.T
	ctx    context.Context
	base   string
	mu     sync.Mutex
	errors []string
}

// newTab opens a browser of its own on the shared server.
func newTab(t *testing.T, srv *server) *tab {
	t.Helper()
	ctx := startBrowser(t)
	b := &tab{t: t, ctx: ctx, base: srv.URL}
	chromedp.ListenTarget(ctx, b.listen)
	if err := chromedp.Run(ctx, cdplog.Enable(), runtime.Enable()); err != nil {
		t.Fatalf("e2e: open tab: %v", err)
	}
	return b
}

// listen records console errors, uncaught exceptions and browser log errors
// (failed loads, CSP violations).
func (b *tab) listen(ev any) {
	var msg string
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.APITypeError || e.Type == runtime.APITypeAssert {
			msg = "console." + string(e.Type) + ": " + argsText(e.Args)
		}
	case *runtime.EventExceptionThrown:
		msg = "exception: " + e.ExceptionDetails.Text
		if e.ExceptionDetails.Exception != nil {
			msg += " " + e.ExceptionDetails.Exception.Description
		}
	case *cdplog.EventEntryAdded:
		if e.Entry.Level == cdplog.LevelError {
			msg = "log: " + e.Entry.Text + " " + e.Entry.URL
		}
	}
	if msg != "" {
		b.mu.Lock()
		b.errors = append(b.errors, msg)
		b.mu.Unlock()
	}
}

func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		if a.Value != nil {
			parts = append(parts, string(a.Value))
		} else {
			parts = append(parts, a.Description)
		}
	}
	return strings.Join(parts, " ")
}

// run performs browser actions, failing the test on error.
func (b *tab) run(actions ...chromedp.Action) {
	b.t.Helper()
	if err := chromedp.Run(b.ctx, actions...); err != nil {
		b.t.Fatalf("e2e: %v", err)
	}
}

// open navigates to a path and checks the page (see check).
func (b *tab) open(path string) {
	b.t.Helper()
	b.run(chromedp.Navigate(b.base+path), chromedp.WaitReady("body", chromedp.ByQuery))
	b.check()
}

// check fails the test if the page has logged a console error, has a form
// control without a label, or links to a same-site page that does not load.
// It waits a moment first, so scripts that draw maps and charts have run.
func (b *tab) check() {
	b.t.Helper()
	b.run(chromedp.Sleep(300 * time.Millisecond))
	b.mu.Lock()
	errs := b.errors
	b.errors = nil
	b.mu.Unlock()
	var url string
	b.run(chromedp.Location(&url))
	for _, e := range errs {
		// A page answering 4xx (a form with problems, a 404 page) logs its
		// own status; the page's content is what the test checks then.
		if strings.HasPrefix(e, "log: Failed to load resource") && strings.HasSuffix(e, " "+url) {
			continue
		}
		b.t.Errorf("%s: %s", url, e)
	}
	var unlabeled []string
	b.run(chromedp.Evaluate(unlabeledJS, &unlabeled))
	for _, u := range unlabeled {
		b.t.Errorf("%s: form control without a label: %s", url, u)
	}
	b.checkLinks(url)
}

// unlabeledJS lists the visible form controls with no accessible name.
const unlabeledJS = `[...document.querySelectorAll('input, select, textarea, button')].filter(el => {
  if (el.type === 'hidden') return false;
  if (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.title) return false;
  if (el.tagName === 'BUTTON' || el.type === 'submit' || el.type === 'button') return !(el.textContent.trim() || el.value);
  return !(el.labels && [...el.labels].some(l => l.textContent.trim()));
}).map(el => el.outerHTML.slice(0, 160))`

// linksJS lists same-site link targets on the page.
const linksJS = `[...document.querySelectorAll('a[href]')].map(a => a.href).filter(h => h.startsWith(location.origin))`

var (
	checkedMu sync.Mutex
	checked   = map[string]bool{}
)

// checkLinks fetches every same-site link on the page with the tab's
// cookies; each must answer below 400. Links are checked once per session.
func (b *tab) checkLinks(from string) {
	b.t.Helper()
	var links []string
	var cookies []*network.Cookie
	b.run(chromedp.Evaluate(linksJS, &links), chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		cookies, err = network.GetCookies().Do(ctx)
		return err
	}))
	session := cookieHeader(cookies)
	for _, l := range links {
		l, _, _ = strings.Cut(l, "#")
		key := session + " " + l
		checkedMu.Lock()
		seen := checked[key]
		checked[key] = true
		checkedMu.Unlock()
		if seen {
			continue
		}
		if status := fetchStatus(l, session); status >= 400 {
			b.t.Errorf("%s: broken link %s (%d)", from, l, status)
		}
	}
}

func cookieHeader(cookies []*network.Cookie) string {
	parts := make([]string, 0, len(cookies))
	for _, c := range cookies {
		parts = append(parts, c.Name+"="+c.Value)
	}
	return strings.Join(parts, "; ")
}

func fetchStatus(url, cookie string) int {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return 999
	}
	req.Header.Set("Cookie", cookie)
	client := &http.Client{Timeout: 20 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		return 999
	}
	resp.Body.Close()
	return resp.StatusCode
}

// signIn signs in through the sign-in page.
func (b *tab) signIn(email string) {
	b.t.Helper()
	b.open("/login")
	b.run(
		chromedp.SendKeys("#email", email, chromedp.ByQuery),
		chromedp.SendKeys("#password", demoPassword, chromedp.ByQuery),
		chromedp.Click("form[action='/login'] button[type=submit]", chromedp.ByQuery),
		chromedp.WaitNotPresent("#password", chromedp.ByQuery),
	)
	b.check()
}

// shot saves a full-page screenshot into the test's artifact directory and,
// when $KITH_SCREENSHOTS is set, there too.
func (b *tab) shot(name string) {
	b.t.Helper()
	var png []byte
	b.run(chromedp.FullScreenshot(&png, 100))
	dirs := []string{b.t.ArtifactDir()}
	if d := os.Getenv("KITH_SCREENSHOTS"); d != "" {
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		if err := os.WriteFile(filepath.Join(d, name+".png"), png, 0o644); err != nil {
			b.t.Fatalf("e2e: screenshot: %v", err)
		}
	}
}

// text returns the text of the first element matching a CSS selector.
func (b *tab) text(sel string) string {
	b.t.Helper()
	var s string
	b.run(chromedp.Text(sel, &s, chromedp.ByQuery, chromedp.NodeVisible))
	return strings.TrimSpace(s)
}

// count returns how many elements match a CSS selector.
func (b *tab) count(sel string) int {
	b.t.Helper()
	var nodes []*cdp.Node
	b.run(chromedp.Nodes(sel, &nodes, chromedp.ByQueryAll, chromedp.AtLeast(0)))
	return len(nodes)
}
