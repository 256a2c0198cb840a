package directory

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"kith/postgres"
)

// record writes a version for a change and applies it when the author may
// publish: an admin's change goes live at once; a change to something not yet
// published is applied as a draft; a VCSE editor's change to a published
// listing waits, and the published listing stays as it was.
func (s *Store) record(ctx context.Context, tx *sqlx.Tx, entity, id string, published bool,
	payload any, changed []string, apply func(publish bool) error) (*Version, error) {
	u := UserFrom(ctx)
	state := VersionPending
	switch {
	case u.Is(RoleAdmin):
		state = VersionApproved
		if err := apply(true); err != nil {
			return nil, err
		}
	case !published:
		if err := apply(false); err != nil {
			return nil, err
		}
	}
	if state == VersionPending {
		const supersede = `UPDATE listing_versions SET state = 'superseded'
WHERE entity = $1 AND entity_id = $2 AND state = 'pending'`
		if _, err := tx.ExecContext(ctx, supersede, entity, id); err != nil {
			return nil, err
		}
	}
	return insertVersion(ctx, tx, u, entity, id, state, payload, changed, s.now())
}

func insertVersion(ctx context.Context, tx *sqlx.Tx, u *User, entity, id, state string,
	payload any, changed []string, now time.Time) (*Version, error) {
	body, err := json.Marshal(payload)
	if err != nil {
		return nil, err
	}
	reviewer, reviewed := "", (*time.Time)(nil)
	if state == VersionApproved {
		reviewer, reviewed = u.ID, &now
	}
	const q = `
INSERT INTO listing_versions (entity, entity_id, state, payload, changed, author_id, created_at, reviewer_id, reviewed_at)
VALUES ($1, $2, $3, $4, $5, NULLIF($6, '')::uuid, $7, NULLIF($8, '')::uuid, $9)
RETURNING id`
	v := &Version{Entity: entity, EntityID: id, State: state, Payload: body, Changed: changed,
		AuthorID: optional(u.ID), AuthorEmail: &u.Email, CreatedAt: now.UTC(), ReviewerID: optional(reviewer), ReviewedAt: reviewed}
	err = tx.GetContext(ctx, &v.ID, q, entity, id, state, body, pq.Array(changed), u.ID, now, reviewer, reviewed)
	return v, err
}

type versionRow struct {
	Version
	ChangedCol pq.StringArray `db:"changed"`
	Total      int            `db:"total"`
}

const versionSelect = `
SELECT v.id, v.entity, v.entity_id, v.state, v.payload, v.changed, v.author_id, a.email AS author_email,
       v.created_at, v.reviewer_id, v.reviewed_at, v.review_note, COUNT(*) OVER () AS total
FROM listing_versions v LEFT JOIN users a ON a.id = v.author_id`

func (s *Store) selectVersions(ctx context.Context, db sqlx.QueryerContext, q string, args ...any) ([]Version, int, error) {
	var rows []versionRow
	if err := sqlx.SelectContext(ctx, db, &rows, q, args...); err != nil {
		return nil, 0, postgres.MapError(err)
	}
	out := make([]Version, len(rows))
	total := 0
	for i, r := range rows {
		out[i] = r.Version
		out[i].Changed = nonNil(r.ChangedCol)
		total = r.Total
	}
	return out, total, nil
}

// History lists every version of one listing, newest first. Only people who
// may edit or moderate the listing see it.
func (s *Store) History(ctx context.Context, entity, id string) ([]Version, error) {
	org, err := s.ownerOf(ctx, s.db.DB, entity, id)
	if err != nil {
		return nil, err
	}
	if u := UserFrom(ctx); !u.EditsOrganisation(org) && !u.Moderates() {
		return nil, forbiddenOrAnonymous(u)
	}
	q := versionSelect + ` WHERE v.entity = $1 AND v.entity_id = $2 ORDER BY v.created_at DESC, v.id`
	vs, _, err := s.selectVersions(ctx, s.db, q, entity, id)
	return vs, err
}

// LatestVersions returns the newest recorded version of an organisation's
// details and of each of its listings, keyed by entity id, so the
// organisation's editors can see which changes still wait for a reviewer
// and why one was turned down.
func (s *Store) LatestVersions(ctx context.Context, orgID string) (map[string]Version, error) {
	if u := UserFrom(ctx); !u.EditsOrganisation(orgID) && !u.Moderates() {
		return nil, forbiddenOrAnonymous(u)
	}
	const q = versionSelect + `
WHERE v.id IN (
    SELECT DISTINCT ON (x.entity, x.entity_id) x.id FROM listing_versions x
    WHERE (x.entity = 'organisation' AND x.entity_id = $1)
       OR (x.entity = 'service' AND x.entity_id IN (SELECT id FROM services WHERE organisation_id = $1))
    ORDER BY x.entity, x.entity_id, x.created_at DESC, x.id DESC)`
	vs, _, err := s.selectVersions(ctx, s.db, q, orgID)
	if err != nil {
		return nil, err
	}
	out := make(map[string]Version, len(vs))
	for _, v := range vs {
		out[v.EntityID] = v
	}
	return out, nil
}

// PendingVersions is the moderation queue, oldest first.
func (s *Store) PendingVersions(ctx context.Context, limit, offset int) ([]Version, int, error) {
	if u := UserFrom(ctx); !u.Moderates() {
		return nil, 0, forbiddenOrAnonymous(u)
	}
	q := versionSelect + ` WHERE v.state = 'pending' ORDER BY v.created_at, v.id LIMIT $1 OFFSET $2`
	return s.selectVersions(ctx, s.db, q, limit, offset)
}

// ownerOf returns the organisation that owns a listing.
func (s *Store) ownerOf(ctx context.Context, db sqlx.QueryerContext, entity, id string) (string, error) {
	q := `SELECT id FROM organisations WHERE id = $1`
	if entity == "service" {
		q = `SELECT organisation_id FROM services WHERE id = $1`
	}
	var org string
	err := sqlx.GetContext(ctx, db, &org, q, id)
	return org, postgres.MapError(err)
}

func forbiddenOrAnonymous(u *User) error {
	if u == nil {
		return ErrUnauthenticated
	}
	return ErrForbidden
}

// ReviewVersion approves or rejects a pending version. Approving applies the
// proposal and publishes the listing; rejecting needs a reason for the editor.
func (s *Store) ReviewVersion(ctx context.Context, versionID string, approve bool, note string) (*Version, error) {
	u := UserFrom(ctx)
	if !u.Moderates() {
		return nil, forbiddenOrAnonymous(u)
	}
	if !approve && strings.TrimSpace(note) == "" {
		return nil, Problems{"note": "say why the change is rejected, so the editor can fix it"}
	}
	var out *Version
	err := s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		if ok, err := lockRow(ctx, tx, "listing_versions", versionID); err != nil || !ok {
			return cmpOr(err, ErrNotFound)
		}
		vs, _, err := s.selectVersions(ctx, tx, versionSelect+` WHERE v.id = $1`, versionID)
		if err != nil {
			return err
		}
		v := vs[0]
		if v.State != VersionPending {
			return Errorf(ErrConflict, "this version is already %s", v.State)
		}
		if approve {
			if err := s.applyVersion(ctx, tx, v); err != nil {
				return err
			}
		}
		out, err = finishReview(ctx, tx, v, u, approve, note, s.now())
		return err
	})
	return out, err
}

func finishReview(ctx context.Context, tx *sqlx.Tx, v Version, u *User, approve bool, note string, now time.Time) (*Version, error) {
	v.State = VersionRejected
	if approve {
		v.State = VersionApproved
	}
	v.ReviewerID, v.ReviewNote = optional(u.ID), note
	t := now.UTC()
	v.ReviewedAt = &t
	const q = `UPDATE listing_versions SET state = $2, reviewer_id = NULLIF($3, '')::uuid, reviewed_at = $4, review_note = $5
WHERE id = $1`
	_, err := tx.ExecContext(ctx, q, v.ID, v.State, u.ID, t, note)
	return &v, err
}

// applyVersion makes a pending proposal the published listing.
func (s *Store) applyVersion(ctx context.Context, tx *sqlx.Tx, v Version) error {
	switch v.Entity {
	case "service":
		var in ServiceInput
		if err := json.Unmarshal(v.Payload, &in); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := checkCategories(ctx, tx, in.Categories); err != nil {
			return err
		}
		return s.applyService(ctx, tx, v.EntityID, in, true)
	case "organisation":
		var in OrganisationInput
		if err := json.Unmarshal(v.Payload, &in); err != nil {
			return err
		}
		return s.applyOrganisation(ctx, tx, v.EntityID, in, true)
	}
	return fmt.Errorf("unknown entity %q", v.Entity)
}

// cmpOr returns err, or fallback when err is nil.
func cmpOr(err, fallback error) error {
	if err != nil {
		return err
	}
	return fallback
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
