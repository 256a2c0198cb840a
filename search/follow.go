package search

import (
	"context"
	"errors"
	"strconv"
	"time"

	"kith/directory"
)

const (
	// pollInterval is how often the follower looks at the outbox when no
	// notification arrives (a dropped LISTEN connection, say).
	pollInterval = time.Second
	// gapGrace is how long a missing sequence number is waited for. Numbers
	// are taken when a transaction inserts, not when it commits, so a gap can
	// be a transaction still in flight; one rolled back leaves a gap forever.
	gapGrace   = 10 * time.Second
	outboxPage = 1000
)

// Run keeps the index in step with PostgreSQL until ctx ends. It first
// builds the index if Open found none, then applies outbox changes whenever
// wake fires and at least every pollInterval.
func (e *Engine) Run(ctx context.Context, wake <-chan struct{}) error {
	tick := time.NewTicker(pollInterval)
	defer tick.Stop()
	for {
		if err := e.step(ctx); err != nil && ctx.Err() == nil {
			e.cfg.Logger.Warn("search index is behind", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-wake:
		case <-tick.C:
		}
	}
}

// Start runs Run in the background and returns a function that stops it and
// waits until it has.
func (e *Engine) Start(ctx context.Context, wake <-chan struct{}) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		e.Run(ctx, wake)
	}()
	return func() { cancel(); <-done }
}

func (e *Engine) step(ctx context.Context) error {
	if !e.ready.Load() {
		return e.Rebuild(ctx, nil)
	}
	return e.CatchUp(ctx)
}

// CatchUp applies every outbox change after the index's cursor, or
// rebuilds the index when it has been damaged under this process.
func (e *Engine) CatchUp(ctx context.Context) error {
	e.writeMu.Lock()
	defer e.writeMu.Unlock()
	if err := e.damage(); err != nil {
		e.gen.Load().damaged.Store(true)
		e.cfg.Logger.Warn("search index damaged; rebuilding it beside the live one", "dir", e.root, "reason", err)
		return e.rebuildLocked(ctx, nil)
	}
	for {
		cursor := e.cursor.Load()
		entries, err := e.cfg.Source.OutboxAfter(ctx, cursor, outboxPage)
		if err != nil || len(entries) == 0 {
			return err
		}
		if wantsRebuild(entries) {
			return e.rebuildLocked(ctx, nil)
		}
		next := e.advance(cursor, entries)
		if err := e.apply(ctx, entries, next); err != nil {
			return err
		}
		e.cursor.Store(next)
		if next != entries[len(entries)-1].Seq {
			return nil // waiting on a gap; the entries past it are applied again later
		}
	}
}

func wantsRebuild(entries []directory.OutboxEntry) bool {
	for _, en := range entries {
		if en.Entity == "reindex" {
			return true
		}
	}
	return false
}

// advance returns the highest sequence number up to which every change has
// been seen, skipping gaps older than gapGrace.
func (e *Engine) advance(cursor int64, entries []directory.OutboxEntry) int64 {
	now := time.Now()
	expected := cursor + 1
	for _, en := range entries {
		if en.Seq > expected {
			since, seen := e.gaps[expected]
			if !seen {
				e.gaps[expected] = now
				break
			}
			if now.Sub(since) < gapGrace {
				break
			}
			delete(e.gaps, expected)
		}
		expected = en.Seq + 1
	}
	return expected - 1
}

// apply re-reads every service the entries touch and replaces or removes it
// in the index and the facts table, recording the new cursor with them.
func (e *Engine) apply(ctx context.Context, entries []directory.OutboxEntry, cursor int64) error {
	ids, err := e.touched(ctx, entries)
	if err != nil {
		return err
	}
	recs, err := e.cfg.Source.SearchRecords(ctx, ids)
	if err != nil {
		return err
	}
	until, err := e.assurance(ctx, recs)
	if err != nil {
		return err
	}
	found := map[string]directory.SearchRecord{}
	for _, r := range recs {
		found[r.ServiceID] = r
	}
	g := e.gen.Load()
	if g == nil {
		return errors.New("search: no index to apply changes to")
	}
	batch := g.idx.NewBatch()
	t := e.tbl.Load()
	t.mu.Lock()
	for _, id := range ids {
		if r, ok := found[id]; ok {
			t.put(factsOf(r, until[r.OrgID]))
			batch.Index(id, toIndexDoc(r, until[r.OrgID]))
		} else {
			t.remove(id)
			batch.Delete(id)
		}
	}
	v := t.version
	t.mu.Unlock()
	batch.SetInternal(cursorKey, []byte(strconv.FormatInt(cursor, 10)))
	if err := g.idx.Batch(batch); err != nil {
		return err
	}
	t.indexedTo(v)
	return nil
}

// touched lists the services the entries change, expanding organisation
// changes to all of the organisation's services.
func (e *Engine) touched(ctx context.Context, entries []directory.OutboxEntry) ([]string, error) {
	seen := map[string]bool{}
	var ids, orgs []string
	for _, en := range entries {
		switch en.Entity {
		case "service":
			if !seen[en.EntityID] {
				seen[en.EntityID] = true
				ids = append(ids, en.EntityID)
			}
		case "organisation":
			orgs = append(orgs, en.EntityID)
		}
	}
	if len(orgs) == 0 {
		return ids, nil
	}
	more, err := e.cfg.Source.ServicesOfOrganisations(ctx, orgs)
	for _, id := range more {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, err
}
