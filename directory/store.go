package directory

import (
	"time"

	"kith/postgres"
)

// Store reads and writes the directory in PostgreSQL.
type Store struct {
	db    *postgres.DB
	now   func() time.Time
	cards *statement // ResultCards, on every search request
}

// NewStore returns a Store on db using the wall clock.
func NewStore(db *postgres.DB) *Store {
	return &Store{db: db, now: time.Now, cards: &statement{}}
}

// DB returns the pool the store runs on, for packages that extend the
// directory inside the same transactions.
func (s *Store) DB() *postgres.DB { return s.db }

// WithClock returns a store on the same database that reads time from now,
// so tests can move the clock past expiries and week boundaries.
func (s *Store) WithClock(now func() time.Time) *Store {
	c := *s
	c.now = now
	return &c
}
