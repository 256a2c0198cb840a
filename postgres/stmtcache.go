package postgres

import (
	"container/list"
	"context"
	"database/sql/driver"
	"errors"
	"net"
	"strings"
	"sync/atomic"

	"github.com/lib/pq"
)

// lib/pq sends every query that has parameters as an unnamed statement:
// one round trip to parse and plan it, another to run it, every time. Most
// of Kith's queries are short lookups by id, for which parsing and planning
// cost more than running, and under load the extra round trip costs a
// context switch on both sides. So each connection prepares a
// parameterised query the first time it sees it and from then on runs it by
// name: one round trip, and PostgreSQL plans it once it has seen it a few
// times, on connections that allow it (planMode). Queries without
// parameters still go as simple queries, which may hold several statements.

// maxStatements bounds the statements each connection keeps prepared; the
// least recently used is closed to make room.
const maxStatements = 256

// planMode is how a connection's prepared statements are planned: afresh
// on every execution (custom); as PostgreSQL sees fit, which for most
// statements whose plan does not depend on their values means once
// (chosen); or once, always (generic), for the lookups by key alone, where
// PostgreSQL would otherwise keep planning a list of ids afresh because
// its generic estimate assumes more of them.
type planMode string

const (
	customPlans  planMode = "force_custom_plan"
	chosenPlans  planMode = "auto"
	genericPlans planMode = "force_generic_plan"
)

// connector opens lib/pq connections that keep their prepared statements.
type connector struct {
	pq    *pq.Connector
	plans planMode
}

func newConnector(dsn string, plans planMode) (connector, error) {
	c, err := pq.NewConnector(dsn)
	if err != nil {
		return connector{}, err
	}
	c.Dialer(socketDialer{})
	return connector{c, plans}, nil
}

func (c connector) Connect(ctx context.Context) (driver.Conn, error) {
	d := &dialing{ctx: ctx}
	cn, err := c.pq.Connect(context.WithValue(ctx, dialingKey{}, d))
	if err != nil {
		return nil, d.end(err)
	}
	if err := d.end(c.setUp(d.ctxFree(), cn)); err != nil {
		cn.Close()
		return nil, err
	}
	return &cachingConn{pqConn: cn.(pqConn), sock: d.sock, stmts: map[string]*list.Element{}, order: list.New()}, nil
}

// setUp checks a new connection and sets its plan mode. A statement whose
// context ends is abandoned by closing its connection (watch.go), not by a
// cancel request, so PostgreSQL 14 and later are asked to look for a
// closed client once a second while a statement runs, and stop it.
func (c connector) setUp(ctx context.Context, cn driver.Conn) error {
	inner, ok := cn.(pqConn)
	if !ok {
		return errors.New("postgres: lib/pq connection lacks the interfaces Kith relies on")
	}
	_, err := inner.ExecContext(ctx, `SET plan_cache_mode = `+string(c.plans)+`;
SELECT set_config('client_connection_check_interval', '1s', false)
WHERE current_setting('server_version_num')::int >= 140000`, nil)
	return err
}

func (c connector) Driver() driver.Driver { return c.pq.Driver() }

// pqConn is what a lib/pq connection offers database/sql; cachingConn
// passes all of it through but queries with parameters.
type pqConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.QueryerContext
	driver.ExecerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
	driver.NamedValueChecker
}

// cachingConn is used by one goroutine at a time (database/sql sees to
// that), so its cache needs no lock.
type cachingConn struct {
	pqConn
	sock   net.Conn                 // lib/pq's socket, for watch.go; nil if the dialer did not see it
	broken atomic.Bool              // the socket was poisoned (watch.go)
	stmts  map[string]*list.Element // query → element of order holding a *cached
	order  *list.List               // most recently used first
}

type cached struct {
	query string
	stmt  driver.Stmt
}

func (c *cachingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	w := c.watch(ctx)
	rows, err := viaStatement(c, w.ctx, query, args,
		func() (driver.Rows, error) { return c.pqConn.QueryContext(w.ctx, query, args) },
		func(st driver.Stmt) (driver.Rows, error) {
			return st.(driver.StmtQueryContext).QueryContext(w.ctx, args)
		})
	if err != nil {
		return nil, w.end(err)
	}
	return &watchedRows{Rows: rows, w: w}, nil
}

func (c *cachingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	w := c.watch(ctx)
	res, err := viaStatement(c, w.ctx, query, args,
		func() (driver.Result, error) { return c.pqConn.ExecContext(w.ctx, query, args) },
		func(st driver.Stmt) (driver.Result, error) {
			return st.(driver.StmtExecContext).ExecContext(w.ctx, args)
		})
	return res, w.end(err)
}

func (c *cachingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	w := c.watch(ctx)
	tx, err := c.pqConn.BeginTx(w.ctx, opts)
	if err != nil {
		return nil, w.end(err)
	}
	return watchedTx{Tx: tx, w: w}, nil
}

func (c *cachingConn) Ping(ctx context.Context) error {
	w := c.watch(ctx)
	return w.end(c.pqConn.Ping(w.ctx))
}

// viaStatement runs a query with parameters on the connection's prepared
// statement for it, and one without as a simple query (plain).
func viaStatement[T any](c *cachingConn, ctx context.Context, query string, args []driver.NamedValue,
	plain func() (T, error), run func(driver.Stmt) (T, error)) (T, error) {
	if len(args) == 0 {
		return plain()
	}
	st, err := c.prepared(ctx, query)
	if err != nil {
		var none T
		return none, err
	}
	out, err := run(st)
	c.forgetIfStale(query, err)
	return out, err
}

// prepared returns the connection's statement for query, preparing it
// the first time.
func (c *cachingConn) prepared(ctx context.Context, query string) (driver.Stmt, error) {
	if e, ok := c.stmts[query]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*cached).stmt, nil
	}
	st, err := c.pqConn.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.stmts[query] = c.order.PushFront(&cached{query, st})
	if c.order.Len() > maxStatements {
		c.forget(c.order.Back().Value.(*cached).query)
	}
	return st, nil
}

// forgetIfStale drops a statement whose result columns a migration has
// changed since it was prepared, so that the next use prepares it afresh;
// PostgreSQL itself re-plans statements for every other schema change.
func (c *cachingConn) forgetIfStale(query string, err error) {
	var pe *pq.Error
	if errors.As(err, &pe) && pe.Code == "0A000" && strings.Contains(pe.Message, "cached plan must not change result type") {
		c.forget(query)
	}
}

func (c *cachingConn) forget(query string) {
	e, ok := c.stmts[query]
	if !ok {
		return
	}
	delete(c.stmts, query)
	c.order.Remove(e)
	e.Value.(*cached).stmt.Close()
}
