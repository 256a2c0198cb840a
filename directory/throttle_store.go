package directory

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/lib/pq"

	"kith/postgres"
)

// Sign-ins are throttled per account and per client address: after too many
// failures in a window, further attempts are refused, right password or not,
// until the window ends. The counts live in PostgreSQL, so every kith process
// behind a load balancer shares them. The address limit is looser because
// many people can share one address (an office behind NAT).
const (
	LoginWindow        = 15 * time.Minute
	MaxAccountFailures = 5
	MaxAddressFailures = 50
)

// Throttled refuses a sign-in; RetryAfter is how long until the window ends.
type Throttled struct{ RetryAfter time.Duration }

func (e *Throttled) Error() string {
	return fmt.Sprintf("too many sign-in attempts; try again in %s", e.RetryAfter.Round(time.Second))
}

// throttleKey names an account or address without storing it.
func throttleKey(kind, value string) []byte {
	h := sha256.Sum256([]byte(kind + "\x00" + strings.ToLower(strings.TrimSpace(value))))
	return h[:]
}

// LoginFrom is Login for a client at addr, throttled per account and per
// address. A success clears the account's failures but not the address's,
// so guessing at many accounts from one place is not reset by signing in to
// one's own.
func (s *Store) LoginFrom(ctx context.Context, addr, email, password string) (string, User, error) {
	account, from := throttleKey("account", email), throttleKey("address", addr)
	if err := s.throttled(ctx, account, from); err != nil {
		return "", User{}, err
	}
	token, u, err := s.Login(ctx, email, password)
	switch {
	case errors.Is(err, ErrUnauthenticated):
		if ferr := s.loginFailed(ctx, account, from); ferr != nil {
			return "", User{}, ferr
		}
	case err == nil:
		_, err = s.db.ExecContext(ctx, `DELETE FROM login_throttle WHERE key_hash = $1`, account)
		err = postgres.MapError(err)
	}
	return token, u, err
}

// throttled returns a *Throttled when the account or the address has used up
// its failures in the current window.
func (s *Store) throttled(ctx context.Context, account, from []byte) error {
	const q = `
SELECT max(window_start) FROM login_throttle
WHERE window_start > $3 AND ((key_hash = $1 AND failures >= $4) OR (key_hash = $2 AND failures >= $5))`
	now := s.now().UTC()
	var start *time.Time
	err := s.db.GetContext(ctx, &start, q, account, from, now.Add(-LoginWindow), MaxAccountFailures, MaxAddressFailures)
	if err != nil {
		return postgres.MapError(err)
	}
	if start == nil {
		return nil
	}
	return &Throttled{RetryAfter: start.Add(LoginWindow).Sub(now)}
}

// loginFailed counts a failure against each key, starting a new window for
// keys whose window has ended, and forgets windows that have ended.
func (s *Store) loginFailed(ctx context.Context, keys ...[]byte) error {
	const q = `
WITH gone AS (DELETE FROM login_throttle WHERE window_start <= $3 AND NOT key_hash = ANY($1))
INSERT INTO login_throttle (key_hash, window_start, failures)
SELECT k, $2, 1 FROM unnest($1::bytea[]) AS k
ON CONFLICT (key_hash) DO UPDATE SET
    failures = CASE WHEN login_throttle.window_start <= $3 THEN 1 ELSE login_throttle.failures + 1 END,
    window_start = CASE WHEN login_throttle.window_start <= $3 THEN $2 ELSE login_throttle.window_start END`
	now := s.now().UTC()
	_, err := s.db.ExecContext(ctx, q, pq.ByteaArray(keys), now, now.Add(-LoginWindow))
	return postgres.MapError(err)
}
