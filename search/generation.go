package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// Keys bleve keeps beside the documents: the mapping version the index was
// built under, and the last outbox change it holds.
var (
	versionKey = []byte("kith:mapping_version")
	cursorKey  = []byte("kith:outbox_seq")
)

// generation is one index on disk. A rebuild writes a new generation next to
// the live one and swaps it in, so search never goes offline.
type generation struct {
	dir      string
	idx      bleve.Index
	closed   chan struct{} // closed with the index, ending a merge in progress
	closing  sync.Once
	suspect  atomic.Bool // a search failed inside bleve: check the files
	panicked atomic.Bool // a search panicked inside bleve: search it no more
	damaged  atomic.Bool // being replaced because it is damaged
}

func newGenerationOf(dir string, idx bleve.Index) *generation {
	return &generation{dir: dir, idx: idx, closed: make(chan struct{})}
}

// ErrInUse means another process holds the index directory.
var ErrInUse = errors.New("search: the index directory is in use by another process")

// lockRoot takes the index directory for this process. Several kith
// processes may share one data directory; each keeps its own index, so the
// second takes base.2, the third base.3, and so on.
func lockRoot(base string) (root string, unlock func(), err error) {
	for n := 1; n <= 64; n++ {
		root = base
		if n > 1 {
			root = fmt.Sprintf("%s.%d", base, n)
		}
		unlock, err = lockDir(root)
		if !errors.Is(err, ErrInUse) {
			return root, unlock, err
		}
	}
	return "", nil, err
}

// lockDir takes root for this process alone, or fails with ErrInUse.
func lockDir(root string) (func(), error) {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(root, "LOCK"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, ErrInUse
	}
	return func() { f.Close() }, nil
}

// openCurrent opens the generation named in root/CURRENT and returns its
// outbox cursor. Any problem (missing, another mapping version, unreadable)
// is an error: the caller rebuilds.
func openCurrent(root string) (*generation, int64, error) {
	name, err := os.ReadFile(filepath.Join(root, "CURRENT"))
	if err != nil {
		return nil, 0, fmt.Errorf("no index yet: %w", err)
	}
	dir := filepath.Join(root, filepath.Base(string(name)))
	idx, err := openChecked(dir)
	if err != nil {
		return nil, 0, fmt.Errorf("index unreadable: %w", err)
	}
	g := newGenerationOf(dir, idx)
	version, err := idx.GetInternal(versionKey)
	if err != nil || string(version) != strconv.Itoa(MappingVersion) {
		g.discard()
		return nil, 0, fmt.Errorf("index built under mapping version %q, want %d", version, MappingVersion)
	}
	raw, err := idx.GetInternal(cursorKey)
	cursor, perr := strconv.ParseInt(string(raw), 10, 64)
	if err != nil || perr != nil {
		g.discard()
		return nil, 0, errors.New("index has no outbox position")
	}
	return g, cursor, nil
}

// newGeneration creates an empty index in a fresh directory under root.
func newGeneration(root string) (*generation, error) {
	dir := filepath.Join(root, fmt.Sprintf("gen-%d", time.Now().UnixNano()))
	// unsafe_batch skips waiting for each batch to reach disk; the index is
	// derived data and a crash only means a rebuild or a replay.
	idx, err := bleve.NewUsing(dir, newMapping(), scorch.Name, scorch.Name, map[string]any{"unsafe_batch": true})
	if err != nil {
		return nil, fmt.Errorf("search: create index: %w", err)
	}
	return newGenerationOf(dir, idx), nil
}

// seal records the mapping version and cursor and, once bleve has them
// and every document on disk, makes g the generation opened at next start.
// Batches return before bleve writes them (unsafe_batch), and closing does
// not write what is pending, so without the wait a restart soon after a
// rebuild would find the index incomplete and rebuild it again.
func (g *generation) seal(ctx context.Context, root string, cursor int64) error {
	b := g.idx.NewBatch()
	b.SetInternal(versionKey, []byte(strconv.Itoa(MappingVersion)))
	b.SetInternal(cursorKey, []byte(strconv.FormatInt(cursor, 10)))
	persisted := make(chan error, 1)
	b.SetPersistedCallback(func(err error) { persisted <- err })
	if err := g.idx.Batch(b); err != nil {
		return err
	}
	if err := g.waitPersisted(ctx, persisted); err != nil {
		return err
	}
	tmp := filepath.Join(root, "CURRENT.tmp")
	if err := os.WriteFile(tmp, []byte(filepath.Base(g.dir)), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(root, "CURRENT"))
}

// waitPersisted waits for bleve's word that a batch is on disk. bleve
// retries a failed write for ever without calling back, so its background
// failures end the wait too.
func (g *generation) waitPersisted(ctx context.Context, persisted <-chan error) error {
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-persisted:
			return err
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
			if err := g.backgroundFailure(); err != nil {
				return err
			}
		}
	}
}

// mergeSegments merges g's segments into as few as scorch will (one, up to
// ten at a time), unless g closes first. Scorch merges only segments on
// disk, and its persister writes a rebuild's last pages in the background,
// so it waits for them first (a while at most).
func (g *generation) mergeSegments() error {
	adv, err := g.idx.Advanced()
	if err != nil {
		return err
	}
	sc, ok := adv.(*scorch.Scorch)
	if !ok {
		return errNotScorch
	}
	for wait := 0; sc.StatsMap()["num_root_memorysegments"] != uint64(0) && wait < 600; wait++ {
		select {
		case <-g.closed:
			return nil
		case <-time.After(50 * time.Millisecond):
		}
	}
	if err := sc.ForceMerge(context.Background(), &mergeplan.SingleSegmentMergePlanOptions); err != nil {
		return err
	}
	g.waitRootPersisted(sc)
	return nil
}

// waitRootPersisted waits (a while at most) for scorch to record its
// merged segment on disk: closing does not, so an index closed straight
// after a merge opened again with its segments unmerged.
func (g *generation) waitRootPersisted(sc *scorch.Scorch) {
	st, ok := sc.Stats().(*scorch.Stats)
	for wait := 0; ok && atomic.LoadUint64(&st.LastPersistedEpoch) < atomic.LoadUint64(&st.CurRootEpoch) && wait < 600; wait++ {
		select {
		case <-g.closed:
			return
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// discard closes g and deletes it from disk.
func (g *generation) discard() {
	g.close()
	os.RemoveAll(g.dir)
}

// close closes g's index, in the background when it has failed: bleve can
// hang for ever closing an index whose writer died mid-write, holding its
// bolt lock, and no caller may hang with it.
func (g *generation) close() error {
	g.closing.Do(func() { close(g.closed) })
	if g.damaged.Load() || g.panicked.Load() || g.backgroundFailure() != nil {
		go g.idx.Close()
		return nil
	}
	return g.idx.Close()
}
