package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"kith/directory/importing"
	"kith/directory/oruk"
)

func importORUK(ctx context.Context, cfg config, log *slog.Logger, args []string, stdout io.Writer) error {
	flags := newListingFlags("import oruk", stdout)
	delay := flags.fs.Duration("delay", 500*time.Millisecond, "pause between requests to the feed's server")
	timeout := flags.fs.Duration("timeout", 30*time.Second, "how long to wait for each response")
	target, err := flags.parse(args)
	if err != nil {
		return err
	}
	src, source, err := openFeed(target, newFetcher(*delay, *timeout))
	if err != nil {
		return err
	}
	return withDatabase(ctx, cfg, log, func(e *env) error {
		mapper, err := flags.mapper(ctx, e, source)
		if err != nil {
			return err
		}
		sum := importing.NewSummary()
		err = readFeed(ctx, src, mapper, importing.New(e.dir, sum, importing.FieldReason), stdout)
		sum.Print(stdout)
		return err
	})
}

// openFeed opens a URL or a saved file, and names the source after the
// URL's host or the file's name.
func openFeed(target string, f *fetcher) (importing.Feed, string, error) {
	if strings.HasPrefix(target, "http://") || strings.HasPrefix(target, "https://") {
		u, err := servicesURL(target)
		if err != nil {
			return nil, "", err
		}
		return &urlFeed{fetch: f, services: u, page: 1}, u.Host, nil
	}
	data, err := os.ReadFile(target)
	if err != nil {
		return nil, "", err
	}
	base := filepath.Base(target)
	return importing.NewFileFeed(base, data), strings.TrimSuffix(base, filepath.Ext(base)), nil
}

// readFeed maps and writes every record, drawing the progress bar as it goes.
func readFeed(ctx context.Context, src importing.Feed, mapper oruk.Mapper, im *importing.Importer, stdout io.Writer) error {
	bar := newProgress(stdout, "importing", 0)
	defer bar.done()
	return importing.ReadFeed(asSystem(ctx), src, mapper, im, bar.update)
}

// servicesURL takes a feed's services URL or its API root (the ORUK "API
// stub" publishers advertise) and returns the services URL.
func servicesURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("%q is not a feed URL", raw)
	}
	path := strings.TrimSuffix(u.Path, "/")
	if !strings.HasSuffix(path, "/services") {
		path += "/services"
	}
	u.Path, u.RawPath = path, ""
	return u, nil
}
