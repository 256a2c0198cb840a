package directory

import (
	"context"

	"github.com/jmoiron/sqlx"

	"kith/postgres"
)

// enqueue records that entity id changed, in the caller's transaction, so the
// search index follows PostgreSQL exactly: no commit, no index change.
func enqueue(ctx context.Context, tx *sqlx.Tx, entity, id string) error {
	const q = `INSERT INTO outbox (entity, entity_id) VALUES ($1, $2)`
	_, err := tx.ExecContext(ctx, q, entity, id)
	return err
}

// OutboxHead returns the newest change's sequence number (0 when none).
func (s *Store) OutboxHead(ctx context.Context) (int64, error) {
	const q = `SELECT COALESCE(max(seq), 0) FROM outbox`
	var seq int64
	err := s.db.GetContext(ctx, &seq, q)
	return seq, postgres.MapError(err)
}

// OutboxAfter returns up to limit changes with a sequence number above seq,
// oldest first.
func (s *Store) OutboxAfter(ctx context.Context, seq int64, limit int) ([]OutboxEntry, error) {
	const q = `SELECT seq, entity, entity_id FROM outbox WHERE seq > $1 ORDER BY seq LIMIT $2`
	var out []OutboxEntry
	err := s.db.SelectContext(ctx, &out, q, seq, limit)
	return out, postgres.MapError(err)
}

// RequestReindex asks every running search index to rebuild itself from
// PostgreSQL; admins only.
func (s *Store) RequestReindex(ctx context.Context) error {
	if u := UserFrom(ctx); !u.Is(RoleAdmin) {
		return forbiddenOrAnonymous(u)
	}
	const q = `INSERT INTO outbox (entity, entity_id) VALUES ('reindex', '00000000-0000-0000-0000-000000000000')`
	_, err := s.db.ExecContext(ctx, q)
	return postgres.MapError(err)
}

// SearchableCount is how many listings search should hold.
func (s *Store) SearchableCount(ctx context.Context) (int, error) {
	const q = `SELECT count(*) FROM services s JOIN organisations o ON o.id = s.organisation_id
WHERE s.published AND s.status = 'active' AND o.published`
	var n int
	err := s.db.GetContext(ctx, &n, q)
	return n, postgres.MapError(err)
}
