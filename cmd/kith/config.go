package main

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"time"

	"kith/directory"
	"kith/migrations"
	"kith/postgres"
	"kith/qa"
	"kith/referral"
	"kith/referral/insight"
	"kith/search"
)

type config struct {
	DatabaseURL string
	Addr        string
	DataDir     string
	LogLevel    slog.Level
	// TileURL is the map tile server for the pages; "off" draws maps
	// without a background (markers, areas and a scale only).
	TileURL string
	// TrustedProxies are reverse proxies whose X-Forwarded-* headers are
	// believed (KITH_TRUSTED_PROXIES, comma-separated addresses or ranges).
	TrustedProxies []string
}

const defaultTiles = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

func loadConfig(getenv func(string) string) config {
	cfg := config{DatabaseURL: getenv("DATABASE_URL"), Addr: getenv("KITH_ADDR"), DataDir: getenv("KITH_DATA")}
	if cfg.Addr == "" {
		cfg.Addr = ":8080"
	}
	if cfg.DataDir == "" {
		cfg.DataDir = "var"
	}
	if abs, err := filepath.Abs(cfg.DataDir); err == nil {
		cfg.DataDir = abs
	}
	cfg.LogLevel.UnmarshalText([]byte(getenv("KITH_LOG_LEVEL")))
	if p := getenv("KITH_TRUSTED_PROXIES"); p != "" {
		cfg.TrustedProxies = strings.Split(p, ",")
	}
	switch cfg.TileURL = getenv("KITH_TILE_URL"); cfg.TileURL {
	case "":
		cfg.TileURL = defaultTiles
	case "off":
		cfg.TileURL = ""
	}
	return cfg
}

func newLogger(cfg config, w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: cfg.LogLevel}))
}

// env is what a command works with once the database is open and current.
type env struct {
	dsn string
	db  *postgres.DB
	dir *directory.Store
	qa  *qa.Store
	ref *referral.Store
	ins *insight.Store
	log *slog.Logger
}

// searchConfig is how every command opens the search index.
func (e *env) searchConfig(dataDir string) search.Config {
	return search.Config{Dir: filepath.Join(dataDir, "index"), Source: e.dir,
		Assurer: search.QAAssurer{QA: e.qa}, Logger: e.log}
}

// databaseURL is the configured database: DATABASE_URL, or else the
// embedded cluster's, started if need be until release is called.
func databaseURL(ctx context.Context, cfg config, log *slog.Logger) (dsn string, release func(), err error) {
	if cfg.DatabaseURL != "" {
		return cfg.DatabaseURL, func() {}, nil
	}
	local, err := postgres.StartLocal(ctx, cfg.DataDir, log)
	if err != nil {
		return "", nil, err
	}
	return local.DSN("kith"), func() { local.Release(context.WithoutCancel(ctx)) }, nil
}

// withDatabase opens the configured database (starting the embedded cluster
// when no DATABASE_URL is set), migrates it, runs fn, and closes everything in
// reverse order of opening.
func withDatabase(ctx context.Context, cfg config, log *slog.Logger, fn func(*env) error) error {
	dsn, release, err := databaseURL(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer release()
	openCtx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	db, err := postgres.Open(openCtx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	applied, err := migrations.Apply(ctx, db.DB.DB)
	if err != nil {
		return err
	}
	if len(applied) > 0 {
		log.Info("database migrated", "applied", applied)
	}
	dir := directory.NewStore(db)
	defer useNationalPostcodes(ctx, dir, log)()
	assurance := qa.NewStore(db, dir, time.Now)
	return fn(&env{dsn: dsn, db: db, dir: dir, qa: assurance, ref: referral.NewStore(db, dir, assurance, time.Now),
		ins: insight.NewStore(db, assurance, time.Now), log: log})
}
