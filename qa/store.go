package qa

import (
	"context"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"

	"kith/directory"
	"kith/postgres"
)

// Store reads and writes quality assurance in PostgreSQL.
type Store struct {
	db  *postgres.DB
	dir *directory.Store
	now func() time.Time
}

// NewStore returns a Store on db. now is the clock every status is computed
// against; tests move it to watch evidence lapse.
func NewStore(db *postgres.DB, dir *directory.Store, now func() time.Time) *Store {
	return &Store{db: db, dir: dir, now: now}
}

// denied is the error for a caller who may not do something: anonymous
// callers are asked to sign in, others are refused.
func denied(u *directory.User) error {
	if u == nil {
		return directory.ErrUnauthenticated
	}
	return directory.ErrForbidden
}

// mayView reports whether u may see organisation org's checklist and evidence.
func mayView(u *directory.User, org string) bool {
	return u.EditsOrganisation(org) || u.Moderates()
}

// editor returns the acting user if they may fill in org's checklist.
func editor(ctx context.Context, org string) (*directory.User, error) {
	u := directory.UserFrom(ctx)
	if !u.EditsOrganisation(org) {
		return nil, denied(u)
	}
	return u, nil
}

// reviewer returns the acting user if they may review checklists.
func reviewer(ctx context.Context) (*directory.User, error) {
	u := directory.UserFrom(ctx)
	if !u.Moderates() {
		return nil, denied(u)
	}
	return u, nil
}

// lockOrganisation holds organisation id against concurrent QA changes until
// the transaction ends; ReferralReady's share lock waits for it, so a referral
// never slips past a suspension being committed.
func lockOrganisation(ctx context.Context, tx *sqlx.Tx, id string) error {
	const q = `SELECT 1 FROM organisations WHERE id = $1 FOR NO KEY UPDATE`
	var one int
	return notFound(tx.GetContext(ctx, &one, q, id))
}

// notFound maps a missing row to directory.ErrNotFound and other errors to
// their kinds.
func notFound(err error) error {
	err = postgres.MapError(err)
	if errors.Is(err, directory.ErrNotFound) {
		return directory.ErrNotFound
	}
	return err
}

// event is one step of the workflow, for the audit trail.
type event struct {
	org, response, key, action, note string
}

// record appends e, done by the acting user, to the audit trail.
func (s *Store) record(ctx context.Context, tx *sqlx.Tx, e event) error {
	const q = `
INSERT INTO qa_events (organisation_id, response_id, item_key, action, note, actor_id, at)
VALUES (NULLIF($1, '')::uuid, NULLIF($2, '')::uuid, $3, $4, $5, NULLIF($6, '')::uuid, $7)`
	_, err := tx.ExecContext(ctx, q, e.org, e.response, e.key, e.action, e.note, actorID(ctx), s.now().UTC())
	return err
}

// recordChange is record for a step that can change the organisation's
// status: search is told in the same transaction, so it never disagrees with
// a committed change.
func (s *Store) recordChange(ctx context.Context, tx *sqlx.Tx, e event) error {
	if err := s.record(ctx, tx, e); err != nil {
		return err
	}
	return enqueue(ctx, tx, e.org)
}

// enqueue tells search that organisation org's status may have changed.
func enqueue(ctx context.Context, tx *sqlx.Tx, org string) error {
	const q = `INSERT INTO outbox (entity, entity_id) VALUES ('organisation', $1)`
	_, err := tx.ExecContext(ctx, q, org)
	return err
}

// actorID is the acting user's id, empty for the system itself.
func actorID(ctx context.Context) string {
	if u := directory.UserFrom(ctx); u != nil {
		return u.ID
	}
	return ""
}
