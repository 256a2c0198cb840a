package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"kith/directory"
	"kith/directory/importing"
	"kith/directory/oruk"
)

const importUsage = `usage:
  kith import oruk [--source NAME] [--vocabulary FILE] [--delay D] [--timeout D] FILE|URL
  kith import csv [--source NAME] [--vocabulary FILE] FILE
  kith import postcodes FILE`

// importCmd brings directory data in from outside: Open Referral UK feeds,
// spreadsheets in Kith's layout, and the national postcode directory.
func importCmd(ctx context.Context, cfg config, log *slog.Logger, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New(importUsage)
	}
	switch args[0] {
	case "oruk":
		return importORUK(ctx, cfg, log, args[1:], stdout)
	case "csv":
		return importCSV(ctx, cfg, log, args[1:], stdout)
	case "postcodes":
		return importPostcodes(ctx, cfg, log, args[1:], stdout)
	}
	return fmt.Errorf("unknown import %q\n%s", args[0], importUsage)
}

// listingFlags are the options every listing import takes.
type listingFlags struct {
	fs         *flag.FlagSet
	source     string
	vocabulary string
}

func newListingFlags(name string, stdout io.Writer) *listingFlags {
	f := &listingFlags{fs: flag.NewFlagSet(name, flag.ContinueOnError)}
	f.fs.SetOutput(stdout)
	f.fs.StringVar(&f.source, "source", "", "name of this feed in Kith; give the same name to update on re-import (default: the URL's host or the file's name)")
	f.fs.StringVar(&f.vocabulary, "vocabulary", "", "CSV mapping the source's terms to Kith categories (default: Kith's own)")
	return f
}

// parse reads the flags and the one FILE or URL argument.
func (f *listingFlags) parse(args []string) (string, error) {
	if err := f.fs.Parse(args); err != nil {
		return "", err
	}
	if f.fs.NArg() != 1 {
		return "", errors.New(importUsage)
	}
	return f.fs.Arg(0), nil
}

// mapper builds the source's mapper from Kith's categories and the
// vocabulary file.
func (f *listingFlags) mapper(ctx context.Context, e *env, defaultSource string) (oruk.Mapper, error) {
	terms, err := e.dir.Terms(ctx)
	if err != nil {
		return oruk.Mapper{}, err
	}
	source := cmp.Or(f.source, defaultSource)
	if f.vocabulary == "" {
		return importing.NewMapper(terms, source, nil)
	}
	file, err := os.Open(f.vocabulary)
	if err != nil {
		return oruk.Mapper{}, err
	}
	defer file.Close()
	return importing.NewMapper(terms, source, file)
}

// asSystem is the context imports write in: as the system, an admin.
func asSystem(ctx context.Context) context.Context {
	return directory.WithUser(ctx, directory.SystemUser())
}
