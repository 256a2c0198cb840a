package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"kith/directory"
	"kith/geo"
)

// importPostcodes loads the ONS Postcode Directory (ONSPD or NSPL CSV) into
// PostgreSQL in place of what was there, with a progress bar by rows.
func importPostcodes(ctx context.Context, cfg config, log *slog.Logger, args []string, stdout io.Writer) error {
	if len(args) != 1 {
		return errors.New(importUsage)
	}
	rows, err := countRows(args[0])
	if err != nil {
		return err
	}
	file, err := os.Open(args[0])
	if err != nil {
		return err
	}
	defer file.Close()
	d, err := geo.NewPostcodeDirectory(bufio.NewReaderSize(file, 1<<20))
	if err != nil {
		return err
	}
	return withDatabase(ctx, cfg, log, func(e *env) error {
		bar := newProgress(stdout, "postcodes", rows)
		start := time.Now()
		load, err := e.dir.ReplacePostcodes(directory.WithUser(ctx, directory.SystemUser()), d, bar.set)
		if err != nil {
			return fmt.Errorf("%s near line %d: %w", args[0], d.Line(), err)
		}
		bar.set(rows)
		bar.done()
		took := time.Since(start)
		fmt.Fprintf(stdout, "loaded %d postcodes (%d terminated, still found) in %s, %.0f rows/s; skipped %d rows with no location\n",
			load.Loaded, load.Terminated, took.Round(time.Millisecond), float64(load.Loaded+load.Skipped)/took.Seconds(), load.Skipped)
		fmt.Fprintln(stdout, "restart running kith servers to look postcodes up here")
		return nil
	})
}

// countRows counts the data rows of a CSV file for the progress bar: one
// quick pass, so the bar can show how far the load has got.
func countRows(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	buf := make([]byte, 1<<20)
	lines := 0
	for {
		n, err := f.Read(buf)
		lines += bytes.Count(buf[:n], []byte{'\n'})
		if errors.Is(err, io.EOF) {
			return max(lines-1, 0), nil
		}
		if err != nil {
			return 0, err
		}
	}
}

// useNationalPostcodes points geo at the postcodes table when it holds
// rows, and returns what undoes that, so one command's database does not
// outlive it in the process.
func useNationalPostcodes(ctx context.Context, dir *directory.Store, log *slog.Logger) func() {
	ok, err := dir.HasPostcodes(ctx)
	if err != nil {
		log.Warn("national postcodes unavailable; using the shipped ones", "err", err)
	}
	if !ok {
		return func() {}
	}
	geo.SetNational(dir.PostcodePlace)
	return func() { geo.SetNational(nil) }
}
