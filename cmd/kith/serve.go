package main

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"time"

	"kith/postgres"
	"kith/search"
	"kith/web"
)

// serve runs the HTTP server until ctx ends (SIGINT/SIGTERM), then stops
// what it started in reverse order: HTTP, the index follower, the index, the
// database and the embedded cluster.
func serve(ctx context.Context, cfg config, log *slog.Logger) error {
	return withDatabase(ctx, cfg, log, func(e *env) error {
		engine, err := search.Open(ctx, e.searchConfig(cfg.DataDir))
		if err != nil {
			return err
		}
		defer engine.Close()
		stopFollowing, err := follow(ctx, e, engine, log)
		if err != nil {
			return err
		}
		defer stopFollowing()
		app := web.New(web.Config{
			Directory:      e.dir,
			QA:             e.qa,
			Referrals:      e.ref,
			Insight:        e.ins,
			Search:         engine,
			Ready:          map[string]web.Readiness{"database": e.db, "search": engine},
			Logger:         log,
			TileURL:        cfg.TileURL,
			TrustedProxies: cfg.TrustedProxies,
		})
		return listen(ctx, cfg.Addr, app.Listener, app.ShutdownWithTimeout, log)
	})
}

// follow keeps the index in step with the outbox in the background, woken by
// NOTIFY; the returned function stops it and waits for it to finish.
func follow(ctx context.Context, e *env, engine *search.Engine, log *slog.Logger) (func(), error) {
	ctx, cancel := context.WithCancel(ctx)
	wake, err := postgres.Listen(ctx, e.dsn, "kith_outbox", log)
	if err != nil {
		cancel()
		return nil, err
	}
	stop := engine.Start(ctx, wake)
	return func() { stop(); cancel() }, nil
}

// listen serves on addr until ctx ends, then drains in-flight requests.
func listen(ctx context.Context, addr string, serveOn func(net.Listener) error,
	shutdown func(time.Duration) error, log *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	log.Info("kith is serving", "addr", ln.Addr().String())
	done := make(chan error, 1)
	go func() { done <- serveOn(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	err = shutdown(15 * time.Second)
	if lerr := <-done; lerr != nil && err == nil && !errors.Is(lerr, net.ErrClosed) {
		err = lerr
	}
	return err
}
