package postgres

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"strings"
	"syscall"
	"testing"

	"github.com/lib/pq"
)

// TestMapErrorKinds covers the failures a crashed or restarting server
// produces, as seen in TestDatabaseCrashDuringReferralWrites, and that a
// mapped error passes through a second MapError unchanged.
func TestMapErrorKinds(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	tests := []struct {
		name string
		err  error
		kind error
	}{
		{"connection refused", fmt.Errorf("ping: %w", refused), ErrUnavailable},
		{"connection reset", &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}, ErrUnavailable},
		{"bad connection", driver.ErrBadConn, ErrUnavailable},
		{"starting up", &pq.Error{Code: "57P03"}, ErrUnavailable},
		{"shut down", &pq.Error{Code: "57P01"}, ErrUnavailable},
		{"no rows", sql.ErrNoRows, ErrNotFound},
		{"unique", &pq.Error{Code: "23505"}, ErrConflict},
		{"already mapped", MapError(driver.ErrBadConn), ErrUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := MapError(tt.err)
			if !errors.Is(err, tt.kind) {
				t.Fatalf("MapError(%v) = %v, want kind %v", tt.err, err, tt.kind)
			}
			if n := strings.Count(err.Error(), tt.kind.Error()); n != 1 {
				t.Fatalf("%q names its kind %d times", err, n)
			}
		})
	}
}
