package referral

import (
	"context"
	"time"

	"kith/directory"
	"kith/postgres"
)

// Store reads and writes the link-worker workflow in PostgreSQL.
type Store struct {
	db    *postgres.DB
	dir   *directory.Store
	ready directory.Readiness
	now   func() time.Time
}

// NewStore returns a Store on db. Connections reserve places through dir and
// ask ready (the qa store) whether an organisation may receive referrals.
// now is the clock every deadline and flag is computed against; dir is made
// to read it too, so weekly caps and response targets agree with it.
func NewStore(db *postgres.DB, dir *directory.Store, ready directory.Readiness, now func() time.Time) *Store {
	return &Store{db: db, dir: dir.WithClock(now), ready: ready, now: now}
}

// act is one thing done to person data: by whom, when and through which
// route. Requests take it from the context and the clock; the demo makes
// its own with past times.
type act struct {
	user  *directory.User
	at    time.Time
	route string
}

func (s *Store) actNow(ctx context.Context) act {
	return act{user: directory.UserFrom(ctx), at: s.now().UTC(), route: routeFrom(ctx)}
}

// by is the acting user's id, empty for the system and anonymous callers.
func (a act) by() string {
	if a.user == nil {
		return ""
	}
	return a.user.ID
}

// holds reports whether u may see and change the referrals of team: its
// link workers, and admins.
func holds(u *directory.User, team string) bool {
	if u.Is(directory.RoleAdmin) {
		return true
	}
	return u.Is(directory.RoleLinkWorker) && u.TeamID != nil && *u.TeamID == team
}

// london shows a stored UTC time in England's time zone.
func london(t time.Time) time.Time { return t.In(directory.London) }

func londonPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	l := london(*t)
	return &l
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
