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

// DB is a pool of connections to one PostgreSQL database, and a small
// second pool for lookups by key (see Lookups).
type DB struct {
	*sqlx.DB
	lookups *sqlx.DB
}

// Open connects to dsn, retrying while the server is still starting up, and
// returns once a ping succeeds or ctx ends. Its connections keep the
// statements they run prepared (stmtcache.go).
func Open(ctx context.Context, dsn string) (*DB, error) {
	main, err := openPool(dsn, customPlans, 32)
	if err != nil {
		return nil, err
	}
	backoff := 100 * time.Millisecond
	for {
		err = main.PingContext(ctx)
		if err == nil {
			break
		}
		select {
		case <-ctx.Done():
			main.Close()
			return nil, fmt.Errorf("postgres: connect: %w", errors.Join(MapError(err), ctx.Err()))
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, 2*time.Second)
	}
	lookups, err := openPool(dsn, genericPlans, 16)
	if err != nil {
		main.Close()
		return nil, err
	}
	return &DB{DB: main, lookups: lookups}, nil
}

func openPool(dsn string, plans planMode, size int) (*sqlx.DB, error) {
	c, err := newConnector(dsn, plans)
	if err != nil {
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	db := sqlx.NewDb(sql.OpenDB(c), "postgres")
	db.SetMaxOpenConns(size)
	// Every connection may stay open between requests: with fewer idle
	// than open, a busy pool closed a connection after each burst and
	// opened another (a new PostgreSQL backend, its authentication and its
	// prepared statements) for the next. Idle ones still close in time.
	db.SetMaxIdleConns(size)
	db.SetConnMaxIdleTime(5 * time.Minute)
	return db, nil
}

// Lookups is the pool for the hottest reads whose plan cannot depend on the
// values asked for: a row, or a page of rows, by key. Its connections let
// PostgreSQL plan such a statement once and reuse the plan, where the main
// pool's connections plan every execution afresh, as a query filtered by
// optional parameters or ranges needs. Planning those lookups each time
// cost more than running them (docs/RELIABILITY.md).
func (db *DB) Lookups() *sqlx.DB { return db.lookups }

// Close closes both pools.
func (db *DB) Close() error { return errors.Join(db.lookups.Close(), db.DB.Close()) }

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

// KeyTx is Tx for a transaction whose every statement finds its rows by
// key (a referral by its id, a connection, a service's capacity), so that
// no plan can depend on the values: PostgreSQL may then reuse each
// statement's generic plan within it, as on the Lookups pool, instead of
// planning every execution afresh.
func (db *DB) KeyTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	return db.Tx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `SET LOCAL plan_cache_mode = `+string(chosenPlans)); err != nil {
			return err
		}
		return fn(tx)
	})
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
