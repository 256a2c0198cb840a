package search

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// The index is derived data that people and disks can damage: deleted
// while a server runs, or corrupt when it starts. Damage found at start
// means a rebuild before text search is offered; damage found while
// running means a rebuild beside the live index, which keeps answering
// from what it holds in memory until the new one is swapped in.

// openChecked opens the index in dir and proves it readable. bleve panics,
// or faults through its memory-mapped files, on some damaged segments
// instead of returning an error, and opens others whose damage would only
// show in a search, so every segment's checksum is checked as well. A
// panic may leave bleve's files open; that is a one-off leak at start,
// and the directory is deleted anyway.
func openChecked(dir string) (idx bleve.Index, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			idx, err = nil, fmt.Errorf("bleve failed reading it: %v", r)
		}
	}()
	idx, err = bleve.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := checkSegments(idx); err != nil {
		idx.Close()
		return nil, err
	}
	return idx, nil
}

// checkSegments verifies the CRC-32 that ends every segment file the
// index uses (zap writes it over all the bytes before it).
func checkSegments(idx bleve.Index) error {
	s, err := scorchOf(idx)
	if err != nil {
		return err
	}
	r, err := s.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return fmt.Errorf("unexpected bleve reader %T", r)
	}
	for _, ss := range snap.Segments() {
		if f, ok := ss.Segment().(interface{ Path() string }); ok {
			if err := checkCRC(f.Path()); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkCRC(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if fi.Size() < 4 {
		return fmt.Errorf("segment %s: too short", filepath.Base(path))
	}
	sum := crc32.NewIEEE()
	if _, err := io.CopyN(sum, f, fi.Size()-4); err != nil {
		return err
	}
	var want uint32
	if err := binary.Read(f, binary.BigEndian, &want); err != nil {
		return err
	}
	if sum.Sum32() != want {
		return fmt.Errorf("segment %s: checksum mismatch", filepath.Base(path))
	}
	return nil
}

func scorchOf(idx bleve.Index) (*scorch.Scorch, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, err
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil, fmt.Errorf("unexpected bleve index %T", adv)
	}
	return s, nil
}

// damage says why the live generation cannot be kept, or nil. It must be
// called with writeMu held, so a rebuild is not half-way through
// replacing CURRENT.
func (e *Engine) damage() error {
	g := e.gen.Load()
	if g == nil {
		return nil
	}
	if g.panicked.Load() {
		return errors.New("a search panicked inside bleve")
	}
	if err := g.backgroundFailure(); err != nil {
		return err
	}
	if g.suspect.Swap(false) {
		if err := checkSegments(g.idx); err != nil {
			return err
		}
	}
	name, err := os.ReadFile(filepath.Join(e.root, "CURRENT"))
	if err != nil || string(name) != filepath.Base(g.dir) {
		return fmt.Errorf("%s no longer names it", filepath.Join(e.root, "CURRENT"))
	}
	if _, err := os.Stat(filepath.Join(g.dir, "index_meta.json")); err != nil {
		return err
	}
	return nil
}

// backgroundFailure says whether bleve has failed writing or merging g.
// A persist that cannot write (its directory deleted, say) is retried at
// once and for ever, spinning a core until the index is closed.
func (g *generation) backgroundFailure() error {
	s, err := scorchOf(g.idx)
	if err != nil {
		return nil
	}
	if st, ok := s.Stats().(*scorch.Stats); ok && atomic.LoadUint64(&st.TotOnErrors) > 0 {
		return errors.New("bleve failed writing or merging it in the background")
	}
	return nil
}

// guard runs fn, a search in the live generation's bleve index, and turns
// a panic or memory fault there, or an error that is not the caller giving
// up, into ErrIndexFailed. A damaged index causes those. A panic may leave
// bleve's locks held, so that generation is searched no more and is
// rebuilt; after an error the follower checks its checksums first, so that
// a query bleve merely dislikes cannot make a server rebuild.
func (e *Engine) guard(ctx context.Context, fn func() (*bleve.SearchResult, error)) (res *bleve.SearchResult, err error) {
	g := e.gen.Load()
	switch {
	case g == nil:
		return nil, ErrNotReady
	case g.panicked.Load():
		return nil, ErrIndexFailed
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		r := recover()
		if r == nil && (err == nil || ctx.Err() != nil) {
			return
		}
		if r != nil {
			g.panicked.Store(true)
		} else {
			g.suspect.Store(true)
		}
		e.cfg.Logger.Error("search failed inside bleve; the index will be checked", "err", err, "panic", r)
		res, err = nil, ErrIndexFailed
	}()
	return fn()
}

// relock takes the index directory again when it was deleted under this
// process: the lock's file went with it, and a second process could
// otherwise take the directory too.
func (e *Engine) relock() error {
	if _, err := os.Stat(filepath.Join(e.root, "LOCK")); err == nil {
		return nil
	}
	unlock, err := lockDir(e.root)
	if err != nil {
		return err
	}
	if e.unlock != nil {
		e.unlock()
	}
	e.unlock = unlock
	return nil
}
