package directory

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"kith/postgres"
)

// Error kinds. Storage kinds come from postgres so that one table in the web
// layer can map every kind to an HTTP status.
var (
	ErrNotFound        = postgres.ErrNotFound
	ErrConflict        = postgres.ErrConflict
	ErrInvalid         = postgres.ErrInvalid
	ErrUnavailable     = postgres.ErrUnavailable
	ErrUnauthenticated = errors.New("not signed in")
	ErrForbidden       = errors.New("not allowed")
)

// Problems describes what is wrong with an input, field by field. It is an
// error of kind ErrInvalid.
type Problems map[string]string

func (p Problems) Error() string {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + p[k]
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

func (p Problems) Is(target error) bool { return target == ErrInvalid }

// Add records the first problem found with field.
func (p Problems) Add(field, format string, args ...any) {
	if _, ok := p[field]; !ok {
		p[field] = fmt.Sprintf(format, args...)
	}
}

// Err returns p as an error, or nil when nothing was wrong.
func (p Problems) Err() error {
	if len(p) == 0 {
		return nil
	}
	return p
}

// Merge adds q's problems under prefix (e.g. "locations[0].").
func (p Problems) Merge(prefix string, q Problems) {
	for k, v := range q {
		p.Add(prefix+k, "%s", v)
	}
}

// reasonError is a kind plus a reason meant for the person who asked, such as
// why a request conflicts with the current state.
type reasonError struct {
	kind   error
	reason string
}

func (e *reasonError) Error() string { return e.reason }
func (e *reasonError) Unwrap() error { return e.kind }

// Reason returns the message meant for the caller.
func (e *reasonError) Reason() string { return e.reason }

// Errorf returns an error of kind whose message is safe to show the caller.
func Errorf(kind error, format string, args ...any) error {
	return &reasonError{kind: kind, reason: fmt.Sprintf(format, args...)}
}

// Refusal is a request the current state does not allow, with a reason code
// a client can act on (such as "full"). It is of kind ErrConflict.
type Refusal struct {
	Code    string
	Message string
}

func (r *Refusal) Error() string        { return r.Code + ": " + r.Message }
func (r *Refusal) Is(target error) bool { return target == ErrConflict }
func (r *Refusal) Reason() string       { return r.Message }
func (r *Refusal) ReasonCode() string   { return r.Code }
