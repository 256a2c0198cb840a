package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
)

// DB is a pool of connections to one PostgreSQL database.
type DB struct {
	*sqlx.DB
}

// Open connects to dsn, retrying while the server is still starting up, and
// returns once a ping succeeds or ctx ends. Its connections keep the
// statements they run prepared (stmtcache.go).
func Open(ctx context.Context, dsn string) (*DB, error) {
	c, err := newConnector(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	db := sqlx.NewDb(sql.OpenDB(c), "postgres")
	db.SetMaxOpenConns(32)
	db.SetMaxIdleConns(16)
	db.SetConnMaxIdleTime(5 * time.Minute)
	backoff := 100 * time.Millisecond
	for {
		err = db.PingContext(ctx)
		if err == nil {
			return &DB{db}, nil
		}
		select {
		case <-ctx.Done():
			db.Close()
			return nil, fmt.Errorf("postgres: connect: %w", errors.Join(MapError(err), ctx.Err()))
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, 2*time.Second)
	}
}

// Tx runs fn in a transaction, committing when it returns nil and rolling back
// otherwise. Errors come back mapped to kinds.
func (db *DB) Tx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return MapError(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return MapError(err)
	}
	return MapError(tx.Commit())
}

// Ready reports whether the database answers within the context's deadline.
func (db *DB) Ready(ctx context.Context) error {
	return MapError(db.PingContext(ctx))
}

// SwapDatabase returns dsn (a URL or key=value string) naming database name
// instead, for tools that make databases beside the one they were given.
func SwapDatabase(dsn, name string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		if u, err := url.Parse(dsn); err == nil {
			u.Path = "/" + name
			return u.String()
		}
	}
	var kept []string
	for _, f := range strings.Fields(dsn) {
		if !strings.HasPrefix(f, "dbname=") {
			kept = append(kept, f)
		}
	}
	return strings.Join(append(kept, "dbname="+name), " ")
}
