package search

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"

	"kith/directory"
)

// Source is where search reads the directory: PostgreSQL through
// directory.Store, which satisfies it.
type Source interface {
	OutboxHead(ctx context.Context) (int64, error)
	OutboxAfter(ctx context.Context, seq int64, limit int) ([]directory.OutboxEntry, error)
	SearchRecords(ctx context.Context, ids []string) ([]directory.SearchRecord, error)
	ServicesOfOrganisations(ctx context.Context, orgIDs []string) ([]string, error)
	ReindexRequestedAfter(ctx context.Context, seq int64) (bool, error)
	EachSearchRecord(ctx context.Context, size int, fn func([]directory.SearchRecord) error) error
}

// Assurer tells which organisations may receive referrals, and until when.
// Without one, search knows nothing of assurance.
type Assurer interface {
	ReferralReadyUntil(ctx context.Context, orgIDs []string) (map[string]time.Time, error)
}

// Config is what an Engine needs.
type Config struct {
	Dir     string // index directory; each process takes its own under it
	Source  Source
	Assurer Assurer
	Logger  *slog.Logger
	Now     func() time.Time
}

// ErrNotReady answers text searches while the first index is being built.
var ErrNotReady = errors.New("the search index is being built; try again shortly")

// ErrIndexFailed answers a text search that failed inside the index, which
// is then checked and, if damaged, rebuilt.
var ErrIndexFailed = errors.New("the search index failed and is being checked; try again shortly")

// Engine answers searches and keeps its index in step with the outbox.
type Engine struct {
	cfg    Config
	root   string
	unlock func()

	writeMu  sync.Mutex // one writer at a time: the follower or a rebuild
	alias    bleve.IndexAlias
	gen      atomic.Pointer[generation]
	tbl      atomic.Pointer[table]
	cursor   atomic.Int64
	ready    atomic.Bool // the bleve index holds every document
	gaps     map[int64]time.Time
	segments *segmentCache  // maps from bleve's document numbers to facts
	merging  sync.WaitGroup // a rebuild's segment merge, in the background
}

// Open loads the facts of every findable service and opens the index on
// disk. A missing, outdated or unreadable index is left for Run to rebuild;
// until then text searches answer ErrNotReady and everything else works.
func Open(ctx context.Context, cfg Config) (*Engine, error) {
	root, unlock, err := lockRoot(cfg.Dir)
	if err != nil {
		return nil, err
	}
	e := newEngine(cfg, root, unlock)
	g, cursor, err := e.openTrusted(ctx)
	if err != nil {
		e.cfg.Logger.Info("search index will be rebuilt", "dir", root, "reason", err)
	}
	removeStaleGenerations(root, g)
	tbl, head, err := e.load(ctx, nil, nil)
	if err != nil {
		e.unlock()
		return nil, err
	}
	e.tbl.Store(tbl)
	if g == nil {
		e.cursor.Store(head)
		return e, nil
	}
	e.alias.Add(g.idx)
	e.gen.Store(g)
	e.cursor.Store(cursor)
	e.ready.Store(true)
	return e, nil
}

// openTrusted opens the current generation unless it must be rebuilt:
// because it is damaged, or because a rebuild was asked for after its
// position in the outbox, as kith reindex and kith restore do.
func (e *Engine) openTrusted(ctx context.Context) (*generation, int64, error) {
	g, cursor, err := openCurrent(e.root)
	if err != nil {
		return nil, 0, err
	}
	asked, err := e.cfg.Source.ReindexRequestedAfter(ctx, cursor)
	if err == nil && asked {
		err = errors.New("a rebuild was asked for after the index's position")
	}
	if err != nil {
		g.discard()
		return nil, 0, err
	}
	return g, cursor, nil
}

// removeStaleGenerations deletes what a crashed rebuild left behind.
func removeStaleGenerations(root string, keep *generation) {
	dirs, _ := filepath.Glob(filepath.Join(root, "gen-*"))
	for _, d := range dirs {
		if keep == nil || d != keep.dir {
			os.RemoveAll(d)
		}
	}
}

// loadPage is one page of records with its organisations' assurance.
type loadPage struct {
	recs  []directory.SearchRecord
	until map[string]time.Time
}

// load streams every findable service from the source into a new table and,
// when g is not nil, into g's index. It returns the outbox position read
// before streaming began, from which changes must be replayed. Reading the
// next page from PostgreSQL overlaps indexing this one, so both cores work.
func (e *Engine) load(ctx context.Context, g *generation, progress func(int)) (*table, int64, error) {
	head, err := e.cfg.Source.OutboxHead(ctx)
	if err != nil {
		return nil, 0, err
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	pages := make(chan loadPage, 2)
	read := make(chan error, 1)
	go func() {
		defer close(pages)
		read <- e.cfg.Source.EachSearchRecord(ctx, loadPageSize, func(recs []directory.SearchRecord) error {
			until, err := e.assurance(ctx, recs)
			if err != nil {
				return err
			}
			select {
			case pages <- loadPage{recs, until}:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	tbl, err := e.index(pages, g, progress)
	cancel()
	for range pages {
	}
	// Cancelling our own reader is how a failed index stops it; a cancelled
	// caller means the load is incomplete and must not be used.
	return tbl, head, errors.Join(err, ignoreCancel(<-read), parent.Err())
}

// loadPageSize is how many services are read and indexed at a time. Each
// page becomes one bleve segment until the rebuild's segments are merged;
// memory grows with the pages in flight (two batches of 25,000 took a
// rebuild at 100,000 services past 2 GB).
var loadPageSize = 10000

// indexWorkers is how many pages bleve indexes at once: each batch builds
// its segment on one core after analysis, so two keep both cores busy.
const indexWorkers = 2

// index makes a table of the pages and, when g is not nil, indexes them in g.
func (e *Engine) index(pages <-chan loadPage, g *generation, progress func(int)) (*table, error) {
	var all []*facts
	put := func(p loadPage) {
		for _, r := range p.recs {
			all = append(all, factsOf(r, p.until[r.OrgID]))
		}
	}
	if g == nil {
		for p := range pages {
			put(p)
		}
		return newTableOf(all), nil
	}
	batches, failed := make(chan loadPage), make(chan struct{})
	var fail sync.Once
	errs := make([]error, indexWorkers)
	var wg sync.WaitGroup
	count := counter{progress: progress}
	for w := range indexWorkers {
		wg.Go(func() {
			for p := range batches {
				if errs[w] = indexPage(g, p); errs[w] != nil {
					fail.Do(func() { close(failed) })
					return
				}
				count.add(len(p.recs))
			}
		})
	}
	feed(pages, batches, failed, put)
	close(batches)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return newTableOf(all), nil
}

// feed hands each page on after put, until the pages end or indexing fails.
func feed(pages <-chan loadPage, batches chan<- loadPage, failed <-chan struct{}, put func(loadPage)) {
	for p := range pages {
		put(p)
		select {
		case batches <- p:
		case <-failed:
			return
		}
	}
}

func indexPage(g *generation, p loadPage) error {
	batch := g.idx.NewBatch()
	for _, r := range p.recs {
		if err := batch.Index(r.ServiceID, toIndexDoc(r, p.until[r.OrgID])); err != nil {
			return err
		}
	}
	return g.idx.Batch(batch)
}

// counter tells progress how many services are indexed, one call at a time.
type counter struct {
	mu       sync.Mutex
	n        int
	progress func(int)
}

func (c *counter) add(n int) {
	if c.progress == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n += n
	c.progress(c.n)
}

func ignoreCancel(err error) error {
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

// assurance asks the Assurer about the organisations of recs.
func (e *Engine) assurance(ctx context.Context, recs []directory.SearchRecord) (map[string]time.Time, error) {
	if e.cfg.Assurer == nil {
		return map[string]time.Time{}, nil
	}
	orgs := make([]string, 0, len(recs))
	seen := map[string]bool{}
	for _, r := range recs {
		if !seen[r.OrgID] {
			seen[r.OrgID] = true
			orgs = append(orgs, r.OrgID)
		}
	}
	return e.cfg.Assurer.ReferralReadyUntil(ctx, orgs)
}

// Rebuild builds a fresh index from the source beside the live one and swaps
// it in; searches keep being answered from the old one meanwhile. progress,
// if not nil, is told how many services have been indexed.
func (e *Engine) Rebuild(ctx context.Context, progress func(int)) error {
	e.writeMu.Lock()
	defer e.writeMu.Unlock()
	return e.rebuildLocked(ctx, progress)
}

func (e *Engine) rebuildLocked(ctx context.Context, progress func(int)) error {
	if err := e.relock(); err != nil {
		return fmt.Errorf("search: rebuild: %w", err)
	}
	g, err := newGeneration(e.root)
	if err != nil {
		return err
	}
	tbl, head, err := e.load(ctx, g, progress)
	if err == nil {
		err = g.seal(ctx, e.root, head)
	}
	if err != nil {
		g.discard()
		return fmt.Errorf("search: rebuild: %w", err)
	}
	old := e.gen.Swap(g)
	if old != nil {
		e.alias.Swap([]bleve.Index{g.idx}, []bleve.Index{old.idx})
		old.discard()
	} else {
		e.alias.Add(g.idx)
	}
	e.tbl.Store(tbl)
	e.cursor.Store(head)
	e.ready.Store(true)
	e.cfg.Logger.Info("search index rebuilt", "services", tbl.len(), "outbox_seq", head)
	e.merging.Go(func() { e.mergeSegments(g) })
	return nil
}

// mergeSegments merges a fresh generation's segments, one per page, into
// one, while searches carry on over the old ones. A text query opens every
// segment: at 100,000 services, one segment instead of ten made text
// queries about a sixth cheaper.
func (e *Engine) mergeSegments(g *generation) {
	if err := g.mergeSegments(); err != nil {
		e.cfg.Logger.Warn("search index segments not merged", "err", err)
	}
}

// Reindex rebuilds the index in cfg.Dir from the source, as `kith reindex`
// does when no server is running; it fails with ErrInUse when one holds the
// directory (ask the servers to rebuild through the outbox instead).
func Reindex(ctx context.Context, cfg Config, progress func(int)) error {
	unlock, err := lockDir(cfg.Dir)
	if err != nil {
		return err
	}
	e := newEngine(cfg, cfg.Dir, unlock)
	defer e.Close()
	if old, _, err := openCurrent(cfg.Dir); err == nil {
		e.gen.Store(old)
		e.alias.Add(old.idx)
	}
	e.writeMu.Lock()
	defer e.writeMu.Unlock()
	if err := e.rebuildLocked(ctx, progress); err != nil {
		return err
	}
	e.merging.Wait() // a server opening the index later should find it merged
	return nil
}

func newEngine(cfg Config, root string, unlock func()) *Engine {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Engine{cfg: cfg, root: root, unlock: unlock, alias: bleve.NewIndexAlias(),
		gaps: map[int64]time.Time{}, segments: newSegmentCache()}
}

// Ready reports whether text search is available, for /readyz.
func (e *Engine) Ready(context.Context) error {
	if !e.ready.Load() {
		return ErrNotReady
	}
	return nil
}

// Cursor is the last outbox change the index holds.
func (e *Engine) Cursor() int64 { return e.cursor.Load() }

// Close releases the index.
func (e *Engine) Close() error {
	e.writeMu.Lock()
	defer e.writeMu.Unlock()
	var err error
	if g := e.gen.Swap(nil); g != nil {
		err = g.close()
	}
	e.merging.Wait() // a merge ends when its index closes
	if e.unlock != nil {
		e.unlock()
		e.unlock = nil
	}
	return err
}

// Len is the number of findable services.
func (e *Engine) Len() int {
	t := e.tbl.Load()
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.len()
}
