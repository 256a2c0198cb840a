package qa

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"kith/directory"
	"kith/postgres"
)

type organisationFacts struct {
	ID          string     `db:"id"`
	TemplateID  string     `db:"template_id"`
	Started     bool       `db:"started"`
	Confirmed   *time.Time `db:"confirmed_at"`
	Reason      *string    `db:"reason"`
	SuspendedBy *string    `db:"suspended_by"`
	SuspendedAt *time.Time `db:"suspended_at"`
}

// load gathers the facts behind the status of each organisation in ids that
// exists, in three queries however many there are.
func load(ctx context.Context, db sqlx.QueryerContext, ids []string) (map[string]facts, error) {
	const q = `
SELECT o.id,
       COALESCE((SELECT a.template_id FROM qa_assessments a JOIN qa_templates t ON t.id = a.template_id
                 WHERE a.organisation_id = o.id ORDER BY t.version DESC LIMIT 1),
                (SELECT t.id FROM qa_templates t ORDER BY t.version DESC LIMIT 1)) AS template_id,
       EXISTS (SELECT 1 FROM qa_responses r WHERE r.organisation_id = o.id AND r.state <> 'draft')
           OR c.confirmed_at IS NOT NULL AS started,
       c.confirmed_at, s.reason, s.suspended_by, s.suspended_at
FROM organisations o
LEFT JOIN LATERAL (SELECT max(confirmed_at) AS confirmed_at FROM qa_listing_confirmations
                   WHERE organisation_id = o.id) c ON true
LEFT JOIN qa_suspensions s ON s.organisation_id = o.id AND s.lifted_at IS NULL
WHERE o.id = ANY($1::uuid[])`
	var rows []organisationFacts
	if err := sqlx.SelectContext(ctx, db, &rows, q, pq.Array(ids)); err != nil {
		return nil, postgres.MapError(err)
	}
	templates, err := templatesByID(ctx, db, templateIDs(rows))
	if err != nil {
		return nil, err
	}
	verified, err := loadVerified(ctx, db, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[string]facts, len(rows))
	for _, r := range rows {
		f := facts{template: templates[r.TemplateID], verified: verified[r.ID], started: r.Started, confirmed: r.Confirmed}
		if r.Reason != nil {
			f.suspension = &Suspension{Reason: *r.Reason, SuspendedBy: r.SuspendedBy, SuspendedAt: *r.SuspendedAt}
		}
		out[r.ID] = f
	}
	return out, nil
}

func templateIDs(rows []organisationFacts) []string {
	seen := map[string]bool{}
	var ids []string
	for _, r := range rows {
		if !seen[r.TemplateID] {
			seen[r.TemplateID] = true
			ids = append(ids, r.TemplateID)
		}
	}
	return ids
}

// loadVerified returns, per organisation and item key, the most recently
// verified response: a renewal replaces what it renews.
func loadVerified(ctx context.Context, db sqlx.QueryerContext, ids []string) (map[string]map[string]verification, error) {
	const q = `
SELECT DISTINCT ON (organisation_id, item_key) organisation_id, item_key, reviewed_at, expires_at
FROM qa_responses
WHERE organisation_id = ANY($1::uuid[]) AND state = 'verified'
ORDER BY organisation_id, item_key, reviewed_at DESC`
	var rows []struct {
		Org string `db:"organisation_id"`
		Key string `db:"item_key"`
		verification
	}
	if err := sqlx.SelectContext(ctx, db, &rows, q, pq.Array(ids)); err != nil {
		return nil, postgres.MapError(err)
	}
	out := map[string]map[string]verification{}
	for _, r := range rows {
		if out[r.Org] == nil {
			out[r.Org] = map[string]verification{}
		}
		out[r.Org][r.Key] = r.verification
	}
	return out, nil
}

// Statuses returns the assurance of each organisation in ids that exists, as
// of now, for indexing and lists. It applies no permission check: status is
// public.
func (s *Store) Statuses(ctx context.Context, ids []string) (map[string]Assurance, error) {
	return s.statuses(ctx, s.db, ids)
}

func (s *Store) statuses(ctx context.Context, db sqlx.QueryerContext, ids []string) (map[string]Assurance, error) {
	fs, err := load(ctx, db, ids)
	if err != nil {
		return nil, err
	}
	now := s.now()
	out := make(map[string]Assurance, len(fs))
	for id, f := range fs {
		out[id] = f.assurance(id, now)
	}
	return out, nil
}

// status is the assurance of one organisation, ErrNotFound if there is none.
func (s *Store) status(ctx context.Context, db sqlx.QueryerContext, id string) (Assurance, error) {
	all, err := s.statuses(ctx, db, []string{id})
	if err != nil {
		return Assurance{}, err
	}
	a, ok := all[id]
	if !ok {
		return Assurance{}, directory.ErrNotFound
	}
	return a, nil
}

// Assurance returns the status of an organisation the caller can see.
func (s *Store) Assurance(ctx context.Context, id string) (Assurance, error) {
	if _, err := s.dir.Organisation(ctx, id); err != nil {
		return Assurance{}, err
	}
	return s.status(ctx, s.db, id)
}

// ErrNotReferralReady is the kind of error ReferralReady returns when an
// organisation may not be sent referrals. It is also a directory.ErrConflict.
var ErrNotReferralReady = errors.New("not_referral_ready")

type notReadyError struct{ status Status }

func (e *notReadyError) Error() string { return e.Reason() }

func (e *notReadyError) Unwrap() []error {
	return []error{directory.ErrConflict, ErrNotReferralReady}
}

// Reason is the message a caller sees.
func (e *notReadyError) Reason() string {
	return fmt.Sprintf("not_referral_ready: this organisation's quality assurance for referrals is %s",
		e.status)
}

// ReferralReady returns nil when organisation id may receive referrals now,
// and otherwise an error that is both ErrNotReferralReady and
// directory.ErrConflict. Pass the caller's transaction as db: the check takes
// a share lock on the organisation, so a suspension or review committing
// meanwhile waits until the caller's transaction ends.
func (s *Store) ReferralReady(ctx context.Context, db sqlx.QueryerContext, id string) error {
	var one int
	const q = `SELECT 1 FROM organisations WHERE id = $1 FOR SHARE`
	if err := sqlx.GetContext(ctx, db, &one, q, id); err != nil {
		return notFound(err)
	}
	a, err := s.status(ctx, db, id)
	if err != nil {
		return err
	}
	if st := a.At(TierReferral).Status; !st.Assured() {
		return &notReadyError{status: st}
	}
	return nil
}
