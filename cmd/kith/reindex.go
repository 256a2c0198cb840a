package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"kith/directory"
	"kith/search"
)

// reindexCmd rebuilds the search index from PostgreSQL with a progress bar.
// When a server holds the index, it asks every server to rebuild its own
// through the outbox instead.
func reindexCmd(ctx context.Context, cfg config, log *slog.Logger, stdout io.Writer) error {
	return withDatabase(ctx, cfg, log, func(e *env) error {
		total, err := e.dir.SearchableCount(ctx)
		if err != nil {
			return err
		}
		bar := newProgress(stdout, "indexing", total)
		start := time.Now()
		err = search.Reindex(ctx, e.searchConfig(cfg.DataDir), bar.set)
		if errors.Is(err, search.ErrInUse) {
			if err := e.dir.RequestReindex(directory.WithUser(ctx, directory.SystemUser())); err != nil {
				return err
			}
			fmt.Fprintln(stdout, "a kith server holds the index; every running server will now rebuild its own (watch /readyz)")
			return nil
		}
		if err != nil {
			return err
		}
		bar.done()
		fmt.Fprintf(stdout, "indexed %d services in %s\n", total, time.Since(start).Round(time.Millisecond))
		return nil
	})
}

// progress draws a one-line bar that redraws in place.
type progress struct {
	w     io.Writer
	label string
	total int
}

func newProgress(w io.Writer, label string, total int) *progress {
	return &progress{w: w, label: label, total: total}
}

func (p *progress) set(n int) {
	const width = 30
	frac := 1.0
	if p.total > 0 {
		frac = min(1, float64(n)/float64(p.total))
	}
	filled := int(frac * width)
	fmt.Fprintf(p.w, "\r%s [%s%s] %d/%d %3.0f%%", p.label, strings.Repeat("=", filled),
		strings.Repeat(" ", width-filled), n, p.total, frac*100)
}

// update moves the bar to n of total, for a count that learns its total
// as it goes.
func (p *progress) update(n, total int) {
	p.total = total
	p.set(n)
}

func (p *progress) done() { fmt.Fprintln(p.w) }
