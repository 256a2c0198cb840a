package benchload

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"time"

	"kith/cmd/kith/benchkit"
	"kith/cmd/kith/demo"
	"kith/directory"
	"kith/postgres"
	"kith/qa"
	"kith/referral"
	"kith/referral/insight"
	"kith/search"
	"kith/web"
)

// Server is Kith serving the demo region from this process on a loopback
// port, wired as `kith serve` wires it: every store, the search engine
// with its outbox follower, readiness checks and the web app.
type Server struct {
	Target
	stop []func()
}

// StartServer loads the demo region into db (migrated, reached at dsn) and
// serves it. Close stops everything it started.
func StartServer(ctx context.Context, db *postgres.DB, dsn string, log *slog.Logger) (*Server, error) {
	s := &Server{Target: Target{InProcess: true, DB: db}}
	if err := s.start(ctx, db, dsn, log); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func (s *Server) start(ctx context.Context, db *postgres.DB, dsn string, log *slog.Logger) error {
	dir := directory.NewStore(db)
	assurance := qa.NewStore(db, dir, time.Now)
	refs := referral.NewStore(db, dir, assurance, time.Now)
	began := time.Now()
	sum, err := demo.Load(ctx, demo.Stores{Directory: dir, QA: assurance, Referrals: refs}, io.Discard)
	if err != nil {
		return err
	}
	loaded := time.Since(began)
	engine, err := s.openEngine(ctx, dir, assurance, dsn, log)
	if err != nil {
		return err
	}
	app := web.New(web.Config{Directory: dir, QA: assurance, Referrals: refs, Insight: insight.NewStore(db, assurance, time.Now),
		Search: engine, Ready: map[string]web.Readiness{"database": db, "search": engine}, Logger: log})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go app.Listener(ln)
	s.stop = append(s.stop, func() { app.ShutdownWithTimeout(5 * time.Second) })
	s.URL = "http://" + ln.Addr().String()
	s.About = fmt.Sprintf("in this process at %s, over its own database; demo region (%d services) loaded in %.1f s",
		s.URL, sum.Services, loaded.Seconds())
	return nil
}

// openEngine opens a search index of its own in a temporary directory and
// keeps it following the outbox.
func (s *Server) openEngine(ctx context.Context, dir *directory.Store, assurance *qa.Store, dsn string, log *slog.Logger) (*search.Engine, error) {
	indexDir, err := os.MkdirTemp("", "kith-bench-load-index-")
	if err != nil {
		return nil, err
	}
	s.stop = append(s.stop, func() { os.RemoveAll(indexDir) })
	engine, err := search.Open(ctx, search.Config{Dir: indexDir, Source: dir, Assurer: search.QAAssurer{QA: assurance}, Logger: log})
	if err != nil {
		return nil, err
	}
	s.stop = append(s.stop, func() { engine.Close() })
	stopFollowing, err := benchkit.Follow(ctx, engine, dsn, log)
	if err != nil {
		return nil, err
	}
	s.stop = append(s.stop, stopFollowing)
	return engine, nil
}

// Close stops what StartServer started, last first.
func (s *Server) Close() {
	for i := len(s.stop) - 1; i >= 0; i-- {
		s.stop[i]()
	}
	s.stop = nil
}
