package bench

import (
	"context"
	"log/slog"
	"time"

	"kith/directory"
	"kith/search"
)

// kithEngine is the real search.Engine over the bench database, answering
// queries the way the /api/search handler asks them.
type kithEngine struct {
	e *search.Engine
}

func (k kithEngine) Search(ctx context.Context, q *benchQuery) (answer, error) {
	parsed, err := search.ParseQuery(q.values())
	if err != nil {
		return answer{}, err
	}
	res, err := k.e.Search(ctx, parsed)
	if err != nil {
		return answer{}, err
	}
	a := answer{total: res.Total, ids: make([]string, len(res.Hits)), dists: make([]float64, len(res.Hits))}
	for i, h := range res.Hits {
		a.ids[i], a.dists[i] = h.ServiceID, -1
		if h.DistanceKm != nil {
			a.dists[i] = *h.DistanceKm
		}
	}
	return a, nil
}

// buildTimes are the index timings the issue asks for.
type buildTimes struct {
	Cold, Open, Rebuild time.Duration
}

// buildIndex builds Kith's index from PostgreSQL three ways: cold into a
// fresh directory (search.Reindex, as `kith reindex` does), then opening it
// (which loads the in-memory facts), then a rebuild beside the live index
// (Engine.Rebuild, as a running server does on request).
func buildIndex(ctx context.Context, dir string, store *directory.Store, log *slog.Logger) (*search.Engine, buildTimes, error) {
	cfg := search.Config{Dir: dir, Source: store, Logger: log}
	var bt buildTimes
	start := time.Now()
	if err := search.Reindex(ctx, cfg, nil); err != nil {
		return nil, bt, err
	}
	bt.Cold = time.Since(start)
	start = time.Now()
	e, err := search.Open(ctx, cfg)
	if err != nil {
		return nil, bt, err
	}
	bt.Open = time.Since(start)
	start = time.Now()
	if err := e.Rebuild(ctx, nil); err != nil {
		e.Close()
		return nil, bt, err
	}
	bt.Rebuild = time.Since(start)
	return e, bt, nil
}
