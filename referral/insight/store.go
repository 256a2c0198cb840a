package insight

import (
	"context"
	"time"

	"github.com/lib/pq"

	"kith/directory"
	"kith/geo"
	"kith/postgres"
	"kith/qa"
)

// Store reads the aggregates commissioners see and keeps the community
// development log, in PostgreSQL.
type Store struct {
	db  *postgres.DB
	qa  *qa.Store
	now func() time.Time
}

// NewStore returns a Store on db. assurance decides which services are
// referral-ready; now is the clock periods default from and capacity is
// read against.
func NewStore(db *postgres.DB, assurance *qa.Store, now func() time.Time) *Store {
	return &Store{db: db, qa: assurance, now: now}
}

// denied is the error for a caller who may not do something: anonymous
// callers are asked to sign in, others are refused.
func denied(u *directory.User) error {
	if u == nil {
		return directory.ErrUnauthenticated
	}
	return directory.ErrForbidden
}

// viewer is the commissioner or admin asking for aggregates, and the local
// authority they are confined to (nil for every area). Nobody else sees
// them: link workers and VCSEs have their own, person-level, views.
func viewer(ctx context.Context) (*Area, error) {
	u := directory.UserFrom(ctx)
	if !u.Is(directory.RoleCommissioner, directory.RoleAdmin) {
		return nil, denied(u)
	}
	if u.AreaCode == "" {
		return nil, nil
	}
	name, _ := geo.LocalAuthority(u.AreaCode)
	return &Area{Code: u.AreaCode, Name: name}, nil
}

// filter is a query resolved against the database: the period as instants,
// the category's terms (nil for every need) and the viewer's authority (""
// for all). The reports' queries take them as $1 to $4, in that order; the
// gap analysis's, which read all of England, take the first three.
type filter struct {
	q        Query
	scope    *Area
	category *Category
}

func (f filter) args() []any {
	var terms []string
	if f.category != nil {
		terms = f.category.IDs
	}
	return []any{f.q.Period.start(), f.q.Period.end(), pq.Array(terms), f.scope.code()}
}

// resolve checks who is asking and looks the category up.
func (s *Store) resolve(ctx context.Context, q Query) (filter, error) {
	scope, err := viewer(ctx)
	if err != nil {
		return filter{}, err
	}
	cat, err := s.category(ctx, q.Category)
	return filter{q: q, scope: scope, category: cat}, err
}

// category finds a need and every term below it; nil for every need.
func (s *Store) category(ctx context.Context, code string) (*Category, error) {
	if code == "" {
		return nil, nil
	}
	const q = `
WITH RECURSIVE below AS (
    SELECT id, name, 0 AS depth FROM taxonomy_terms WHERE code = $1
    UNION ALL
    SELECT t.id, t.name, b.depth + 1 FROM taxonomy_terms t JOIN below b ON t.parent_id = b.id WHERE b.depth < 16)
SELECT id, name FROM below ORDER BY depth`
	var rows []struct {
		ID   string `db:"id"`
		Name string `db:"name"`
	}
	if err := s.db.SelectContext(ctx, &rows, q, code); err != nil {
		return nil, postgres.MapError(err)
	}
	if len(rows) == 0 {
		return nil, directory.Problems{"category": "is not a need in the taxonomy"}
	}
	c := &Category{Code: code, Name: rows[0].Name}
	for _, r := range rows {
		c.IDs = append(c.IDs, r.ID)
	}
	return c, nil
}
