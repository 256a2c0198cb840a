package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"kith/directory"
	"kith/postgres"
)

// backupCmd writes the configured database to a file with pg_dump.
func backupCmd(ctx context.Context, cfg config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stdout)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: kith backup FILE")
	}
	path := fs.Arg(0)
	dsn, release, err := databaseURL(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer release()
	start := time.Now()
	if err := postgres.Dump(ctx, dsn, path); err != nil {
		return err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backed up to %s (%d bytes) in %s\n", path, fi.Size(), time.Since(start).Round(time.Millisecond))
	return nil
}

// restoreCmd loads a backup into the configured database, which must be
// empty unless --force says to replace what the backup holds.
func restoreCmd(ctx context.Context, cfg config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(stdout)
	force := fs.Bool("force", false, "restore into a database that is not empty, dropping and recreating every table the backup holds")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: kith restore [--force] FILE")
	}
	dsn, release, err := databaseURL(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer release()
	start := time.Now()
	if err := postgres.Restore(ctx, dsn, fs.Arg(0), *force); err != nil {
		return err
	}
	if err := rebuildIndexesOf(ctx, dsn); err != nil {
		return fmt.Errorf("restored, but search indexes may still show the data from before: run kith reindex: %w", err)
	}
	fmt.Fprintf(stdout, "restored %s in %s; kith serve brings an older backup's schema up to date\n",
		fs.Arg(0), time.Since(start).Round(time.Millisecond))
	return nil
}

// rebuildIndexesOf has every search index of the restored database dsn
// rebuild, so none shows what the database held before the restore.
func rebuildIndexesOf(ctx context.Context, dsn string) error {
	db, err := postgres.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	return directory.NewStore(db).AfterRestore(directory.WithUser(ctx, directory.SystemUser()))
}
