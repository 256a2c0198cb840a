package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"syscall"

	"github.com/lib/pq"
	"github.com/lib/pq/pqerror"
)

// The kinds of failure the storage layer reports. The domain packages re-export
// them, and the web layer maps each kind to one HTTP status in one table.
var (
	ErrNotFound    = errors.New("not found")
	ErrConflict    = errors.New("conflict")
	ErrInvalid     = errors.New("invalid")
	ErrUnavailable = errors.New("database unavailable")
)

// Error carries the kind of a database failure plus what PostgreSQL said, so a
// caller can both branch on the kind and log the detail.
type Error struct {
	Kind       error
	Constraint string
	Err        error
}

func (e *Error) Error() string {
	if e.Constraint != "" {
		return fmt.Sprintf("%v (%s): %v", e.Kind, e.Constraint, e.Err)
	}
	return fmt.Sprintf("%v: %v", e.Kind, e.Err)
}

func (e *Error) Unwrap() []error { return []error{e.Kind, e.Err} }

// classKinds maps SQLSTATE classes (the first two characters) to kinds.
var classKinds = map[pqerror.Class]error{
	"08": ErrUnavailable, // connection exception
	"53": ErrUnavailable, // insufficient resources
	"57": ErrUnavailable, // operator intervention (shutdown, cancel)
	"22": ErrInvalid,     // data exception
}

// codeKinds maps individual SQLSTATE codes that need a kind of their own.
var codeKinds = map[pqerror.Code]error{
	"23505": ErrConflict, // unique_violation
	"23P01": ErrConflict, // exclusion_violation
	"40001": ErrConflict, // serialization_failure
	"40P01": ErrConflict, // deadlock_detected
	"23503": ErrInvalid,  // foreign_key_violation: a reference to nothing
	"23502": ErrInvalid,  // not_null_violation
	"23514": ErrInvalid,  // check_violation
}

// MapError translates driver errors into kinds once, so no other package needs
// to know SQLSTATE codes. Errors it does not recognise pass through unchanged.
func MapError(err error) error {
	var mapped *Error
	if err == nil || errors.As(err, &mapped) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return &Error{Kind: ErrNotFound, Err: err}
	}
	var pe *pq.Error
	if errors.As(err, &pe) {
		kind := codeKinds[pe.Code]
		if kind == nil {
			kind = classKinds[pe.Code.Class()]
		}
		if kind != nil {
			return &Error{Kind: kind, Constraint: pe.Constraint, Err: err}
		}
		return err
	}
	if isConnectionError(err) {
		return &Error{Kind: ErrUnavailable, Err: err}
	}
	return err
}

func isConnectionError(err error) bool {
	if errors.Is(err, driver.ErrBadConn) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) {
		return true
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var ne net.Error
	return errors.As(err, &ne)
}
