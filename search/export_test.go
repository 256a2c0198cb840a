package search

import (
	"context"

	"github.com/blevesearch/bleve/v2"
)

// Guard runs fn as the live index's bleve would run a search, so that a
// test can make it panic, fault or fail the way a damaged index does.
func (e *Engine) Guard(ctx context.Context, fn func() error) error {
	_, err := e.guard(ctx, func() (*bleve.SearchResult, error) { return nil, fn() })
	return err
}
