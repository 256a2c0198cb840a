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

	"kith/directory/oruk"
)

// feed yields an ORUK feed's records page by page, and a record's full
// version when a page holds only a summary of it.
type feed interface {
	next(ctx context.Context) (oruk.Page, bool, error)
	full(ctx context.Context, it oruk.Item) (oruk.Item, error)
	name() string
}

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
		sum := newSummary()
		err = readFeed(ctx, src, mapper, newImporter(e.dir, sum, fieldReason), stdout)
		sum.print(stdout)
		return err
	})
}

// openFeed opens a URL or a saved file, and names the source after the
// URL's host or the file's name.
func openFeed(target string, f *fetcher) (feed, string, error) {
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
	return &fileFeed{path: base, data: data}, strings.TrimSuffix(base, filepath.Ext(base)), nil
}

// readFeed maps and writes every record, drawing the progress bar as it goes.
func readFeed(ctx context.Context, src feed, mapper oruk.Mapper, im *importer, stdout io.Writer) error {
	bar := newProgress(stdout, "importing", 0)
	defer bar.done()
	im.sum.what = "feed " + src.name()
	n := 0
	for {
		page, ok, err := src.next(ctx)
		if err != nil || !ok {
			return err
		}
		if page.Version != "" {
			im.sum.what = page.Version + " feed " + src.name()
		}
		bar.total = max(bar.total, page.TotalItems, n+len(page.Items))
		for _, it := range page.Items {
			n++
			if err := readItem(ctx, src, mapper, im, n, it); err != nil {
				return err
			}
			bar.set(n)
		}
	}
}

func readItem(ctx context.Context, src feed, mapper oruk.Mapper, im *importer, n int, it oruk.Item) error {
	label := fmt.Sprintf("record %d", n)
	if id := it.ID(); id != "" {
		label += fmt.Sprintf(" (id %s %q)", id, it.Name())
	}
	full, err := src.full(ctx, it)
	if err != nil {
		im.sum.reject(n, label, "its full record could not be fetched: "+err.Error())
		return fatal(err)
	}
	rec, err := mapper.Map(full)
	if err != nil {
		im.sum.reject(n, label, err.Error())
		return nil
	}
	return im.write(ctx, n, label, rec)
}

// fileFeed is a saved feed: one page envelope, or a bare array of services.
type fileFeed struct {
	path string
	data []byte
	read bool
}

func (f *fileFeed) name() string { return f.path }

func (f *fileFeed) next(context.Context) (oruk.Page, bool, error) {
	if f.read {
		return oruk.Page{}, false, nil
	}
	f.read = true
	p, err := oruk.ReadPage(f.data)
	if err != nil {
		return oruk.Page{}, false, fmt.Errorf("%s: %w", f.path, err)
	}
	return p, true, nil
}

// full has nothing more to fetch: a saved summary is imported as it is.
func (f *fileFeed) full(_ context.Context, it oruk.Item) (oruk.Item, error) { return it, nil }

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
