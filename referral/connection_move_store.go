package referral

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jmoiron/sqlx"

	"kith/directory"
)

// connState is what permission checks and the workflow need to know about
// a connection.
type connState struct {
	ID         string           `db:"id"`
	ReferralID string           `db:"referral_id"`
	TeamID     string           `db:"team_id"`
	ServiceID  string           `db:"service_id"`
	OrgID      string           `db:"organisation_id"`
	Status     ConnectionStatus `db:"status"`
}

func readConnState(ctx context.Context, tx *sqlx.Tx, id string, lock bool) (connState, error) {
	q := `
SELECT c.id, c.referral_id, r.team_id, c.service_id, s.organisation_id, c.status
FROM connections c JOIN referrals r ON r.id = c.referral_id JOIN services s ON s.id = c.service_id
WHERE c.id = $1`
	if lock {
		q += ` FOR UPDATE OF c`
	}
	var cs connState
	return cs, notFound(tx.GetContext(ctx, &cs, q, id))
}

// sideOf is which sides of connection cs u acts for: the team holding the
// referral, the organisation running the service, or (admins) both.
func sideOf(u *directory.User, cs connState) Side {
	var side Side
	if holds(u, cs.TeamID) {
		side |= SideReferrer
	}
	if u.EditsOrganisation(cs.OrgID) {
		side |= SideProvider
	}
	return side
}

// withConnection runs fn in one transaction on connection id once the acting
// user is known to be on one of its sides, and audits the access to the
// person's data as action on what. Anyone else is refused.
func (s *Store) withConnection(ctx context.Context, id, action, what string, fn func(*sqlx.Tx, connState, Side, act) error) error {
	a := s.actNow(ctx)
	if a.user == nil {
		return directory.ErrUnauthenticated
	}
	return s.db.KeyTx(ctx, func(tx *sqlx.Tx) error {
		cs, err := readConnState(ctx, tx, id, action != actionRead)
		if err != nil {
			return err
		}
		side := sideOf(a.user, cs)
		if side == 0 {
			return directory.ErrForbidden
		}
		if err := fn(tx, cs, side, a); err != nil {
			return err
		}
		return audit(ctx, tx, a, action, what, cs.ReferralID)
	})
}

// MoveConnection changes a connection's status if the workflow lets the
// acting user's side make that move. A move that ends the connection gives
// its place back, and the longest-waiting connection on the service's
// waiting list is promoted into it. A refused move changes nothing.
func (s *Store) MoveConnection(ctx context.Context, id string, m ConnectionMove) (Task, error) {
	var out Task
	err := s.withConnection(ctx, id, actionChange, "connection", func(tx *sqlx.Tx, cs connState, side Side, a act) error {
		if err := m.Validate(); err != nil {
			return err
		}
		if !cs.Status.CanMove(m.Status, side) {
			return refuseMove(cs, m.Status)
		}
		if err := moveConnection(ctx, tx, cs, m, a); err != nil {
			return err
		}
		if err := s.release(ctx, tx, cs, m.Status, a); err != nil {
			return err
		}
		c, err := s.loadConnection(ctx, tx, id)
		out = c.Task
		return err
	})
	return out, err
}

// refuseMove says why a move was refused: one that is the other side's to
// make is forbidden; one the workflow does not have is a conflict.
func refuseMove(cs connState, to ConnectionStatus) error {
	if cs.Status.CanMove(to, SideReferrer|SideProvider) {
		return directory.Errorf(directory.ErrForbidden, "only the other side of the connection can make it %s", to)
	}
	return cannotMove("connection", cs.Status, to)
}

func moveConnection(ctx context.Context, tx *sqlx.Tx, cs connState, m ConnectionMove, a act) error {
	const q = `
UPDATE connections SET status = $2, status_reason = $3,
    requested_at = CASE WHEN $2 = 'requested' THEN $4 ELSE requested_at END,
    responded_at = CASE WHEN status = 'requested' AND $2 IN ('accepted', 'rejected') THEN $4 ELSE responded_at END,
    started_at = CASE WHEN $2 = 'in_progress' THEN $4 ELSE started_at END,
    ended_at = CASE WHEN $5 THEN $4 ELSE ended_at END
WHERE id = $1`
	if _, err := tx.ExecContext(ctx, q, cs.ID, m.Status, m.Reason, a.at, m.Status.Ended()); err != nil {
		return err
	}
	return insertConnectionEvent(ctx, tx, cs.ID, cs.Status, m, a)
}

// release gives back the place (or waiting-list spot) of a connection that
// has just ended, and offers a freed place to the waiting list.
func (s *Store) release(ctx context.Context, tx *sqlx.Tx, cs connState, to ConnectionStatus, a act) error {
	if !to.Ended() {
		return nil
	}
	waitlisted := cs.Status == ConnectionWaitlisted
	if err := s.dir.Release(ctx, tx, cs.ServiceID, waitlisted); err != nil {
		return err
	}
	if waitlisted {
		return nil
	}
	return s.promote(ctx, tx, cs.ServiceID, a)
}

// promote moves the longest-waiting connection of a service from the waiting
// list into a place, if the service can take someone now; otherwise it
// waits on. Connections being changed by someone else are skipped rather
// than waited for, so two releases never deadlock over the list.
func (s *Store) promote(ctx context.Context, tx *sqlx.Tx, serviceID string, a act) error {
	const q = `SELECT id FROM connections WHERE service_id = $1 AND status = 'waitlisted'
ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`
	var id string
	err := tx.GetContext(ctx, &id, q, serviceID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	r, err := s.dir.Reserve(ctx, tx, serviceID, s.ready)
	var refusal *directory.Refusal
	switch {
	case errors.As(err, &refusal):
		return nil
	case err != nil:
		return err
	case r.Waitlisted:
		return s.dir.Release(ctx, tx, serviceID, true) // still no place: undo the extra spot
	}
	if err := s.dir.Release(ctx, tx, serviceID, true); err != nil {
		return err
	}
	return s.promoted(ctx, tx, id, a)
}

// promoted records that Kith itself moved connection id off the waiting
// list.
func (s *Store) promoted(ctx context.Context, tx *sqlx.Tx, id string, a act) error {
	cs, err := readConnState(ctx, tx, id, false)
	if err != nil {
		return err
	}
	sys := act{user: directory.SystemUser(), at: a.at, route: a.route}
	m := ConnectionMove{Status: ConnectionRequested, Note: "a place came free"}
	if err := moveConnection(ctx, tx, cs, m, sys); err != nil {
		return err
	}
	return audit(ctx, tx, sys, actionChange, "connection", cs.ReferralID)
}
