package search

import (
	"context"
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
func SetLoadPageSize(t testing.TB, n int) {
	old := loadPageSize
	loadPageSize = n
	t.Cleanup(func() { loadPageSize = old })
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
