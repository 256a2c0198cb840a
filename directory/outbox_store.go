package directory

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// enqueue records that entity id changed, in the caller's transaction, so the
// search index follows PostgreSQL exactly: no commit, no index change.
func enqueue(ctx context.Context, tx *sqlx.Tx, entity, id string) error {
	const q = `INSERT INTO outbox (entity, entity_id) VALUES ($1, $2)`
	_, err := tx.ExecContext(ctx, q, entity, id)
	return err
}
