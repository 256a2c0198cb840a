package directory

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/jmoiron/sqlx"

	"kith/postgres"
)

// statement is a query prepared on first use and kept, for queries that run
// on every search request: PostgreSQL parsing and planning such a query
// each time cost about a third of answering it. A failed preparation is
// tried again on the next call.
type statement struct {
	mu   sync.Mutex
	stmt atomic.Pointer[sqlx.Stmt]
}

// prepared returns q prepared on db; q must be the same on every call.
func (p *statement) prepared(ctx context.Context, db *postgres.DB, q string) (*sqlx.Stmt, error) {
	if stmt := p.stmt.Load(); stmt != nil {
		return stmt, nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if stmt := p.stmt.Load(); stmt != nil {
		return stmt, nil
	}
	stmt, err := db.PreparexContext(ctx, q)
	if err != nil {
		return nil, postgres.MapError(err)
	}
	p.stmt.Store(stmt)
	return stmt, nil
}
