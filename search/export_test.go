package search

import (
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

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
