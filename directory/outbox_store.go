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

// reindexRequest is the outbox entry that makes every index rebuild.
const reindexRequest = `INSERT INTO outbox (entity, entity_id) VALUES ('reindex', '00000000-0000-0000-0000-000000000000')`

// RequestReindex asks every running search index to rebuild itself from
// PostgreSQL; admins only.
func (s *Store) RequestReindex(ctx context.Context) error {
	if u := UserFrom(ctx); !u.Is(RoleAdmin) {
		return forbiddenOrAnonymous(u)
	}
	_, err := s.db.ExecContext(ctx, reindexRequest)
	return postgres.MapError(err)
}

// ReindexRequestedAfter reports whether a rebuild was asked for after
// outbox position seq.
func (s *Store) ReindexRequestedAfter(ctx context.Context, seq int64) (bool, error) {
	const q = `SELECT EXISTS (SELECT 1 FROM outbox WHERE seq > $1 AND entity = 'reindex')`
	var asked bool
	err := s.db.GetContext(ctx, &asked, q, seq)
	return asked, postgres.MapError(err)
}

// restoreJump is how far AfterRestore moves the outbox on: beyond any
// position an index of this database could have reached, since none takes
// a trillion changes between a backup and its restore.
const restoreJump = 1 << 40

// AfterRestore is for a database just restored from a backup. A search
// index keeps its position in the outbox of the database it followed,
// which may be past the backup's, and would then take the restored outbox
// for one it had already applied. So the outbox moves on past any such
// position and asks for a rebuild there, which every index then sees, at
// start or while running. Admins only.
func (s *Store) AfterRestore(ctx context.Context) error {
	if u := UserFrom(ctx); !u.Is(RoleAdmin) {
		return forbiddenOrAnonymous(u)
	}
	const q = `SELECT setval(pg_get_serial_sequence('outbox', 'seq'), (SELECT COALESCE(max(seq), 0) FROM outbox) + $1)`
	return s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, q, restoreJump); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, reindexRequest)
		return err
	})
}

// SearchableCount is how many listings search should hold.
func (s *Store) SearchableCount(ctx context.Context) (int, error) {
	const q = `SELECT count(*) FROM services s JOIN organisations o ON o.id = s.organisation_id
WHERE s.published AND s.status = 'active' AND o.published`
	var n int
	err := s.db.GetContext(ctx, &n, q)
	return n, postgres.MapError(err)
}
