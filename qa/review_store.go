package qa

import (
	"context"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"kith/directory"
)

// Review verifies or rejects a submitted response; reviewers and admins only,
// and never their own work. Rejecting needs a reason the editor can act on;
// a note on verifying is optional. Verifying fixes when the evidence lapses.
func (s *Store) Review(ctx context.Context, responseID string, verify bool, note string) (Response, error) {
	u, err := reviewer(ctx)
	if err != nil {
		return Response{}, err
	}
	note = strings.TrimSpace(note)
	if !verify && note == "" {
		return Response{}, directory.Problems{"reason": "say why, so the organisation can put it right"}
	}
	err = s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		r, err := s.lockResponse(ctx, tx, responseID)
		if err != nil {
			return err
		}
		if err := checkReviewer(ctx, tx, r, u); err != nil {
			return err
		}
		state, expires := StateRejected, (*time.Time)(nil)
		if verify {
			t, err := s.expiry(ctx, tx, r)
			if err != nil {
				return err
			}
			state, expires = StateVerified, &t
		}
		const q = `
UPDATE qa_responses SET state = $2, reviewed_by = NULLIF($3, '')::uuid, reviewed_at = $4, review_note = $5, expires_at = $6
WHERE id = $1`
		if _, err := tx.ExecContext(ctx, q, r.ID, state, u.ID, s.now().UTC(), note, expires); err != nil {
			return err
		}
		return s.recordChange(ctx, tx, event{org: r.OrganisationID, response: r.ID, key: r.ItemKey, action: state, note: note})
	})
	if err != nil {
		return Response{}, err
	}
	return response(ctx, s.db, responseID)
}

// lockResponse reads a response after locking its organisation, so it cannot
// change until the transaction ends.
func (s *Store) lockResponse(ctx context.Context, tx *sqlx.Tx, id string) (Response, error) {
	var org string
	if err := tx.GetContext(ctx, &org, `SELECT organisation_id FROM qa_responses WHERE id = $1`, id); err != nil {
		return Response{}, notFound(err)
	}
	if err := lockOrganisation(ctx, tx, org); err != nil {
		return Response{}, err
	}
	return response(ctx, tx, id)
}

// checkReviewer refuses a review of anything but a waiting submission, and by
// anyone who wrote, uploaded or submitted any part of it.
func checkReviewer(ctx context.Context, tx *sqlx.Tx, r Response, u *directory.User) error {
	if r.State != StateSubmitted {
		return directory.Errorf(directory.ErrConflict, "this response is %s, not waiting for review", r.State)
	}
	const q = `SELECT EXISTS (SELECT 1 FROM qa_events WHERE response_id = $1 AND actor_id = NULLIF($2, '')::uuid
                         AND action IN ('saved', 'uploaded', 'submitted'))`
	var own bool
	if err := tx.GetContext(ctx, &own, q, r.ID, u.ID); err != nil {
		return err
	}
	if own {
		return directory.Errorf(directory.ErrForbidden, "you cannot review evidence you provided yourself")
	}
	return nil
}

// expiry is when r's evidence lapses, by the rules of the version it was
// submitted under; evidence already out of date cannot be verified.
func (s *Store) expiry(ctx context.Context, tx *sqlx.Tx, r Response) (time.Time, error) {
	tpls, err := templatesByID(ctx, tx, []string{r.TemplateID})
	if err != nil {
		return time.Time{}, err
	}
	it, _ := tpls[r.TemplateID].Item(r.ItemKey)
	expires := it.ExpiresAt(r.date(), *r.SubmittedAt)
	if !expires.After(s.now()) {
		return time.Time{}, directory.Errorf(directory.ErrConflict,
			"this evidence lapsed on %s; reject it and ask for current evidence", expires.Format(dateLayout))
	}
	return expires, nil
}
