package web

import (
	"context"
	"html/template"
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/qa"
	"kith/referral"
	"kith/referral/insight"
	"kith/search"
)

// Readiness reports whether a dependency can serve requests now.
type Readiness interface {
	Ready(ctx context.Context) error
}

// Config is what the web layer needs from the rest of Kith.
type Config struct {
	Directory *directory.Store
	Search    *search.Engine
	QA        *qa.Store
	Referrals *referral.Store
	Insight   *insight.Store
	// Ready lists what /readyz checks, by name (e.g. "database").
	Ready  map[string]Readiness
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// RequestTimeout bounds every handler's work; zero means 10 s.
	RequestTimeout time.Duration
	// TileURL is the map tile server's URL template ({z}/{x}/{y}); empty
	// draws maps with markers, areas and a scale but no background.
	TileURL string
	// TrustedProxies are the addresses or CIDR ranges of reverse proxies
	// whose X-Forwarded-For and X-Forwarded-Proto are believed; none means
	// clients connect directly.
	TrustedProxies []string
}

// server holds the handlers' dependencies.
type server struct {
	dir      *directory.Store
	searcher *search.Engine
	qa       *qa.Store
	ref      *referral.Store
	insight  *insight.Store
	ready    map[string]Readiness
	log      *slog.Logger
	timeout  time.Duration
	now      func() time.Time
	pages    map[string]*template.Template
	tiles    string
	csp      string
	proxies  trustedProxies
	// jobs are the admin's long actions running in this process.
	jobs jobs
}

// maxRequestHead is the longest request line and headers the server reads.
const maxRequestHead = 16 << 10

// New returns the Fiber app with every route mounted.
func New(cfg Config) *fiber.App {
	s := &server{dir: cfg.Directory, searcher: cfg.Search, qa: cfg.QA, ref: cfg.Referrals, insight: cfg.Insight, ready: cfg.Ready, log: cfg.Logger, timeout: cfg.RequestTimeout,
		pages: pageSet(), tiles: cfg.TileURL, csp: contentSecurityPolicy(cfg.TileURL)}
	if s.log == nil {
		s.log = slog.Default()
	}
	if !vendorBuilt() {
		s.log.Warn("front-end libraries missing from this build: run `make assets` before `go build`; pages will be unstyled")
	}
	s.now = cfg.Now
	if s.now == nil {
		s.now = time.Now
	}
	if s.timeout == 0 {
		s.timeout = 10 * time.Second
	}
	var proxies []string
	s.proxies, proxies = parseProxies(cfg.TrustedProxies)
	app := fiber.New(fiber.Config{
		// Only the trusted proxies' X-Forwarded-Proto decides whether a
		// request came over TLS (and so whether cookies are Secure).
		EnableTrustedProxyCheck: true,
		TrustedProxies:          proxies,
		AppName:                 "kith",
		ErrorHandler:            s.errorHandler,
		BodyLimit:               qa.MaxEvidenceSize + 1<<20, // for evidence; decodeJSON holds JSON to 1 MiB
		ReadTimeout:             30 * time.Second,
		WriteTimeout:            30 * time.Second,
		IdleTimeout:             120 * time.Second,
		// A search link with many filters, plus the session and CSRF cookies,
		// can pass fasthttp's 4 KiB default; a head longer than this gets a 431
		// before any route is known.
		ReadBufferSize:        maxRequestHead,
		DisableStartupMessage: true,
		UnescapePath:          true,
	})
	s.routes(app)
	return app
}
