package postgres

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"time"
)

// A statement's context bounds it through the connection's socket. lib/pq
// watches a context with a goroutine a statement, which on cancellation
// sends PostgreSQL a cancel request and then waits for the statement's
// answer: a server that has stopped answering (a hung host, a stopped
// process) never gives one, so the statement, and the request that ran it,
// hung past any deadline. Instead, each statement arms context.AfterFunc,
// which starts nothing unless the context ends first; then it sets the
// socket's deadline in the past, so the blocked read or write fails at
// once, and marks the connection broken so that database/sql discards it.
// lib/pq is given the context without its cancellation and starts no
// goroutine of its own; PostgreSQL stops an abandoned statement when it
// finds the connection closed (connector.setUp). COPY, which runs on
// lib/pq's own statements, keeps lib/pq's watch.

// dialingKey carries, in the context a connection is opened with, the
// dialing under way.
type dialingKey struct{}

// dialing is a connection being opened: its socket, once dialled, is bound
// by the opening's context for the handshake and set-up, which a frozen
// server would otherwise hold for ever too.
type dialing struct {
	ctx  context.Context
	sock net.Conn
	stop func() bool // nil until armed
}

// ctxFree is the opening's context without its cancellation, for lib/pq,
// once the socket is armed.
func (d *dialing) ctxFree() context.Context {
	if d.stop == nil {
		return d.ctx
	}
	return context.WithoutCancel(d.ctx)
}

// end disarms d and returns err, or the context's end if it poisoned the
// socket, even as the opening succeeded.
func (d *dialing) end(err error) error {
	if d.stop == nil || d.stop() {
		return err
	}
	return fmt.Errorf("postgres: connect: %w: %w", d.ctx.Err(), errors.Join(err, errPoisoned))
}

var errPoisoned = errors.New("connection abandoned")

// socketDialer dials as lib/pq's default dialer does, and arms the socket
// of a connection being opened.
type socketDialer struct{ d net.Dialer }

func (s socketDialer) Dial(network, address string) (net.Conn, error) {
	return s.DialContext(context.Background(), network, address)
}

func (s socketDialer) DialTimeout(network, address string, timeout time.Duration) (net.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return s.DialContext(ctx, network, address)
}

// DialContext's ctx may be lib/pq's, ended as soon as the dial is done, so
// the socket is armed on the opening's own context.
func (s socketDialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	c, err := s.d.DialContext(ctx, network, address)
	if d, ok := ctx.Value(dialingKey{}).(*dialing); ok && err == nil {
		if d.stop != nil { // an earlier host's socket, given up
			d.stop()
		}
		d.sock = c
		if d.ctx.Done() != nil {
			d.stop = context.AfterFunc(d.ctx, func() { c.SetDeadline(time.Unix(1, 0)) })
		}
	}
	return c, err
}

// watch holds one statement (or transaction) to its context.
type watch struct {
	conn  *cachingConn
	ctx   context.Context // for lib/pq: the context without its cancellation
	outer context.Context
	stop  func() bool // nil when nothing is armed
}

// watch arms ctx's end against c's socket, when ctx can end and the socket
// is known; otherwise lib/pq watches ctx itself.
func (c *cachingConn) watch(ctx context.Context) watch {
	if ctx.Done() == nil || c.sock == nil {
		return watch{ctx: ctx, outer: ctx}
	}
	return watch{conn: c, ctx: context.WithoutCancel(ctx), outer: ctx, stop: context.AfterFunc(ctx, c.poison)}
}

// poison makes every read and write on c's socket fail from now on.
func (c *cachingConn) poison() {
	c.broken.Store(true)
	c.sock.SetDeadline(time.Unix(1, 0))
}

// end disarms w and returns err, naming the context's end when that is
// what failed the statement. A connection whose socket was poisoned, even
// just as its statement succeeded, is broken.
func (w watch) end(err error) error {
	if w.stop != nil && !w.stop() {
		w.conn.broken.Store(true)
	}
	if cause := w.outer.Err(); err != nil && cause != nil {
		return fmt.Errorf("%w: %w", cause, err)
	}
	return err
}

// IsValid tells database/sql whether c may be used again.
func (c *cachingConn) IsValid() bool { return !c.broken.Load() && c.pqConn.IsValid() }

// watchedRows disarms its statement's watch when database/sql closes it,
// after the last row has been read.
type watchedRows struct {
	driver.Rows
	w watch
}

func (r *watchedRows) Next(dest []driver.Value) error {
	err := r.Rows.Next(dest)
	if err != nil && err != io.EOF && r.w.outer.Err() != nil {
		return fmt.Errorf("%w: %w", r.w.outer.Err(), err)
	}
	return err
}

func (r *watchedRows) Close() error { return r.w.end(r.Rows.Close()) }

// watchedTx disarms its transaction's watch when it commits or rolls back.
type watchedTx struct {
	driver.Tx
	w watch
}

func (t watchedTx) Commit() error   { return t.w.end(t.Tx.Commit()) }
func (t watchedTx) Rollback() error { return t.w.end(t.Tx.Rollback()) }
