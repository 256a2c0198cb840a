package referral

import (
	"context"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"kith/directory"
	"kith/postgres"
)

// audit records, in the caller's transaction, that a did action to what for
// the people of each referral in ids: the access and its record commit or
// fail together.
func audit(ctx context.Context, tx *sqlx.Tx, a act, action, what string, ids ...string) error {
	if len(ids) == 0 {
		return nil
	}
	const q = `
INSERT INTO person_audit (referral_id, actor_id, actor_role, action, what, route, at)
SELECT id, NULLIF($2, '')::uuid, $3, $4, $5, $6, $7 FROM unnest($1::uuid[]) AS id`
	_, err := tx.ExecContext(ctx, q, pq.Array(ids), a.by(), a.role(), action, what, a.route, a.at)
	return err
}

// Audit lists who read or changed the person data of a referral, newest
// first; admins only, since the trail itself names people's workers.
func (s *Store) Audit(ctx context.Context, referralID string) ([]AuditEntry, error) {
	if u := directory.UserFrom(ctx); !u.Is(directory.RoleAdmin) {
		return nil, denied(u)
	}
	const q = `
SELECT a.id, a.referral_id, a.actor_id, COALESCE(u.name, '') AS actor_name, a.actor_role, a.action,
       a.what, a.route, a.at
FROM person_audit a LEFT JOIN users u ON u.id = a.actor_id
WHERE a.referral_id = $1 ORDER BY a.id DESC`
	var out []AuditEntry
	if err := s.db.SelectContext(ctx, &out, q, referralID); err != nil {
		return nil, postgres.MapError(err)
	}
	for i := range out {
		out[i].At = london(out[i].At)
	}
	return nonNil(out), nil
}
