package search

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// Guard runs fn as the live index's bleve would run a search, so that a
// test can make it panic, fault or fail the way a damaged index does.
func (e *Engine) Guard(ctx context.Context, fn func() error) error {
	_, err := e.guard(ctx, func() (*bleve.SearchResult, error) { return nil, fn() })
	return err
}

// SetLoadPageSize makes rebuilds read and index n services at a time until
// the test ends, so a small fixture spans several pages.
func SetLoadPageSize(t testing.TB, n int) { setForTest(t, &loadPageSize, n) }

// setForTest sets *p to v until the test ends.
func setForTest[T any](t testing.TB, p *T, v T) {
	old := *p
	*p = v
	t.Cleanup(func() { *p = old })
}

// SegmentCount is how many segments the engine's index has now.
func SegmentCount(e *Engine) (int, error) {
	adv, err := e.gen.Load().idx.Advanced()
	if err != nil {
		return 0, err
	}
	r, err := adv.Reader()
	if err != nil {
		return 0, err
	}
	defer r.Close()
	return len(r.(*scorch.IndexSnapshot).Segments()), nil
}

// FaultOnTruncatedMap returns a function that reads a memory-mapped file
// past its end, as bleve does when a segment is truncated under it: a
// SIGBUS, which kills the process unless it is turned into a panic.
func FaultOnTruncatedMap(t *testing.T) func() error {
	path := filepath.Join(t.TempDir(), "segment")
	if err := os.WriteFile(path, make([]byte, 4096), 0o644); err != nil {
		t.Fatal(err)
	}
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	mem, err := syscall.Mmap(int(file.Fd()), 0, 4096, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Munmap(mem) })
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	return func() error {
		sink = mem[100]
		return nil
	}
}

// sink keeps the compiler from dropping the read.
var sink byte
