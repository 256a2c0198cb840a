package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/lib/pq"

	"kith/cmd/kith/bench"
	"kith/cmd/kith/benchgaps"
	"kith/cmd/kith/benchload"
	"kith/cmd/kith/benchref"
	"kith/migrations"
	"kith/postgres"
)

// Each benchmark's database is dropped and created afresh by every run, on
// the server Kith is configured to use, and kept afterwards so its plans can
// be inspected.
const (
	benchDatabase     = "kith_bench"
	benchGapsDatabase = "kith_bench_gaps"
	benchRefDatabase  = "kith_bench_referrals"
	benchLoadDatabase = "kith_bench_load"
)

// benchCmd runs `kith bench search|gaps|referrals|load`.
func benchCmd(ctx context.Context, cfg config, log *slog.Logger, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: %s\n       %s\n       kith bench referrals\n       %s", bench.Usage, benchgaps.Usage, benchload.Usage)
	}
	switch args[0] {
	case "gaps":
		opt, err := benchgaps.ParseArgs(args[1:], stdout)
		if err != nil {
			return err
		}
		return withBenchDatabase(ctx, cfg, log, benchGapsDatabase, func(db *postgres.DB, _ string) error {
			return benchgaps.Run(ctx, db, opt, stdout)
		})
	case "referrals":
		return withBenchDatabase(ctx, cfg, log, benchRefDatabase, func(db *postgres.DB, _ string) error {
			return benchref.Run(ctx, db, benchref.DefaultOptions, stdout)
		})
	case "search":
		return benchSearch(ctx, cfg, log, args[1:], stdout)
	case searchLoadClient: // not for people: the client process of `kith bench search`
		if len(args) != 2 {
			return fmt.Errorf("usage: kith bench %s JOBFILE", searchLoadClient)
		}
		return bench.ServeLoad(ctx, args[1], stdout)
	case "load":
		return benchLoad(ctx, cfg, log, args[1:], stdout)
	}
	return fmt.Errorf("unknown benchmark %q: search, gaps, referrals or load", args[0])
}

func benchSearch(ctx context.Context, cfg config, log *slog.Logger, args []string, stdout io.Writer) error {
	opt, err := bench.ParseArgs(args, stdout)
	if err != nil {
		return err
	}
	// The engine's routine messages would break up the report.
	quiet := newLogger(config{LogLevel: max(cfg.LogLevel, slog.LevelWarn)}, stdout)
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	return withBenchDatabase(ctx, cfg, log, benchDatabase, func(db *postgres.DB, dsn string) error {
		env := bench.Env{DB: db, DSN: dsn, Logger: quiet, LoadClient: bench.LoadClientOf(exe, "bench", searchLoadClient)}
		_, err := bench.Run(ctx, env, opt, stdout)
		return err
	})
}

// searchLoadClient is the subcommand `kith bench search` starts its HTTP
// load from.
const searchLoadClient = "search-load"

// benchLoad drives the server at --url, or else one it starts in this
// process over a fresh database with the demo region loaded.
func benchLoad(ctx context.Context, cfg config, log *slog.Logger, args []string, stdout io.Writer) error {
	opt, err := benchload.ParseArgs(args, stdout)
	if err != nil {
		return err
	}
	if opt.URL != "" {
		t := benchload.Target{URL: opt.URL, PID: opt.PID, About: opt.URL}
		_, err := benchload.Run(ctx, t, opt, stdout)
		return err
	}
	quiet := newLogger(config{LogLevel: max(cfg.LogLevel, slog.LevelWarn)}, stdout)
	return withBenchDatabase(ctx, cfg, log, benchLoadDatabase, func(db *postgres.DB, dsn string) error {
		srv, err := benchload.StartServer(ctx, db, dsn, quiet)
		if err != nil {
			return err
		}
		defer srv.Close()
		_, err = benchload.Run(ctx, srv.Target, opt, stdout)
		return err
	})
}

// withBenchDatabase gives fn a fresh, migrated database called name on the
// configured server, or on the embedded cluster when there is none.
func withBenchDatabase(ctx context.Context, cfg config, log *slog.Logger, name string, fn func(*postgres.DB, string) error) error {
	server, dsn := cfg.DatabaseURL, postgres.SwapDatabase(cfg.DatabaseURL, name)
	if server == "" {
		local, err := postgres.StartLocal(ctx, cfg.DataDir, log)
		if err != nil {
			return err
		}
		defer local.Release(context.WithoutCancel(ctx))
		server, dsn = local.DSN("postgres"), local.DSN(name)
	}
	if err := recreateDatabase(ctx, server, name); err != nil {
		return err
	}
	openCtx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	db, err := postgres.Open(openCtx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := migrations.Apply(ctx, db.DB.DB); err != nil {
		return err
	}
	return fn(db, dsn)
}

func recreateDatabase(ctx context.Context, server, name string) error {
	admin, err := sql.Open("postgres", server)
	if err != nil {
		return err
	}
	defer admin.Close()
	if _, err := admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+pq.QuoteIdentifier(name)+` WITH (FORCE)`); err != nil {
		return fmt.Errorf("drop %s: %w", name, err)
	}
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+pq.QuoteIdentifier(name)); err != nil {
		return fmt.Errorf("create %s: %w", name, err)
	}
	return nil
}
