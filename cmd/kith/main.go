// Command kith runs Kith: the web server and the tools around it.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "kith:", err)
		os.Exit(1)
	}
}

const usage = `kith — community asset directory and VCSE quality assurance for social prescribing

Usage:
  kith serve                 migrate, then serve HTTP on $KITH_ADDR (default :8080)
  kith migrate               apply database migrations and exit
  kith demo                  load the Sunderland demo region (idempotent) and print its logins
  kith reindex               rebuild the search index from PostgreSQL (or ask running servers to)
  kith user add --email E --role R [--name N] [--org ID] [--team ID] [--area CODE]
                             create a user; the password is read from stdin
  kith team add --name N [--kind pcn|local_authority|vcse|other] [--area CODE]
                             create a link-worker team and print its id
  kith import oruk [--source NAME] [--vocabulary FILE] [--delay D] [--timeout D] FILE|URL
                             import an Open Referral UK feed (3.0 or 1.0), from a URL page by page or a saved file
  kith import csv [--source NAME] [--vocabulary FILE] FILE
                             import a spreadsheet in the layout of docs/IMPORT.md
  kith import postcodes FILE load the ONS Postcode Directory (ONSPD or NSPL CSV) for national coverage
  kith backup FILE           back the database up to FILE (pg_dump's custom format)
  kith restore [--force] FILE
                             restore a backup into the database, which must be empty unless --force
  kith bench search [--services N] [--queries N] [--seed N] [--http-seconds S] [--profile DIR]
                             benchmark search on a generated dataset in database kith_bench (recreated)
  kith bench gaps [--referrals N] [--services N] [--seed N] [--radius-km R] [--runs N]
                             benchmark England-wide gap analysis (database kith_bench_gaps)
  kith bench referrals       connection requests per second, spread and contended (database kith_bench_referrals)
  kith bench load [--url URL [--pid PID]] [--duration 60s] [--clients N] [--rate R] [--seed N] [--profile DIR]
                             drive a realistic mix against a server (default: one in process over the demo
                             region in database kith_bench_load) and report throughput, latency and errors

Environment:
  DATABASE_URL   PostgreSQL to use; without it Kith runs its own cluster under $KITH_DATA/pg
  KITH_ADDR      listen address (default :8080)
  KITH_DATA      data directory for the embedded cluster and search index (default ./var)
  KITH_LOG_LEVEL debug, info (default), warn or error
  KITH_TILE_URL  map tiles for the pages, {z}/{x}/{y} template (default OpenStreetMap); "off" for none
`

// run is main without the process: everything it touches comes in as
// arguments, so tests can drive every command.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage)
		return fmt.Errorf("no command given")
	}
	cfg := loadConfig(getenv)
	log := newLogger(cfg, stdout)
	switch args[0] {
	case "serve":
		return serve(ctx, cfg, log)
	case "migrate":
		return withDatabase(ctx, cfg, log, func(env *env) error { return nil })
	case "demo":
		return demoCmd(ctx, cfg, log, stdout)
	case "reindex":
		return reindexCmd(ctx, cfg, log, stdout)
	case "user":
		return userCmd(ctx, cfg, log, args[1:], stdin, stdout)
	case "team":
		return teamCmd(ctx, cfg, log, args[1:], stdout)
	case "bench":
		return benchCmd(ctx, cfg, log, args[1:], stdout)
	case "import":
		return importCmd(ctx, cfg, log, args[1:], stdout)
	case "backup":
		return backupCmd(ctx, cfg, log, args[1:], stdout)
	case "restore":
		return restoreCmd(ctx, cfg, log, args[1:], stdout)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return fmt.Errorf("unknown command %q; run kith help", args[0])
}
