package referral

import (
	"context"
	"errors"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"kith/directory"
	"kith/postgres"
)

// taskColumns reads a connection with its service; a service that has set
// no response target has directory's default of five working days.
const taskColumns = `
SELECT c.id, c.service_id, s.name AS service_name, s.organisation_id, o.name AS organisation_name, c.status,
       c.status_reason, c.reason, c.created_at, c.requested_at, c.responded_at, c.started_at, c.ended_at,
       COALESCE(sc.response_days, 5) AS response_days`

// overdueSQL is true for a connection still waiting for the service's answer
// past its response target; $1 holds overdueCutoffs.
const overdueSQL = `(c.status = 'requested'
    AND (c.requested_at AT TIME ZONE 'Europe/London')::date <= ($1::date[])[COALESCE(sc.response_days, 5)])`

const taskJoins = `
FROM connections c
JOIN services s ON s.id = c.service_id
JOIN organisations o ON o.id = s.organisation_id
LEFT JOIN service_capacity sc ON sc.service_id = c.service_id`

const connectionSelect = taskColumns + `, c.referral_id,
       COALESCE((SELECT json_agg(json_build_object('from', e.from_status, 'to', e.to_status, 'reason', e.reason,
                 'note', e.note, 'by', COALESCE(u.name, ''), 'at', e.at) ORDER BY e.id)
                 FROM connection_events e LEFT JOIN users u ON u.id = e.actor_id
                 WHERE e.connection_id = c.id), '[]') AS history` + taskJoins

type connectionRow struct {
	Connection
	HistoryCol postgres.JSON[[]Event] `db:"history"`
}

func (s *Store) selectConnections(ctx context.Context, tx *sqlx.Tx, where string, args ...any) ([]Connection, error) {
	var rows []connectionRow
	if err := tx.SelectContext(ctx, &rows, connectionSelect+where, args...); err != nil {
		return nil, err
	}
	out := make([]Connection, len(rows))
	for i, r := range rows {
		out[i] = r.Connection
		out[i].Task = r.Task.local(s.now())
		out[i].History = nonNil(r.HistoryCol.V)
		for j := range out[i].History {
			out[i].History[j].At = london(out[i].History[j].At)
		}
	}
	return out, nil
}

func (s *Store) referralConnections(ctx context.Context, tx *sqlx.Tx, referralID string) ([]Connection, error) {
	out, err := s.selectConnections(ctx, tx, ` WHERE c.referral_id = $1 ORDER BY c.created_at, c.id`, referralID)
	return nonNil(out), err
}

// Connections lists the connections made for a referral, oldest first.
func (s *Store) Connections(ctx context.Context, referralID string) ([]Connection, error) {
	var out []Connection
	err := s.withReferral(ctx, referralID, actionRead, "connections", func(tx *sqlx.Tx, _ state, _ act) error {
		var err error
		out, err = s.referralConnections(ctx, tx, referralID)
		return err
	})
	return nonNil(out), err
}

// Connect asks a service to take the person on, reserving one of its places
// (or a waiting-list spot) in the same transaction, so a service is never
// oversubscribed. It refuses with a *directory.Refusal when the referral is
// not open, the person has not agreed to share their details, they are
// already connected there, or the service is full, capped this week, paused
// or not quality assured for referrals. With a key, a retry by the same user
// returns the first answer.
func (s *Store) Connect(ctx context.Context, referralID string, in ConnectionInput, key string) (c Connection, replayed bool, err error) {
	fp := fingerprint(in)
	if err := checkKey(key); err != nil {
		return Connection{}, false, err
	}
	err = s.withReferral(ctx, referralID, actionChange, "connection", func(tx *sqlx.Tx, st state, a act) error {
		if err := in.Validate(); err != nil {
			return err
		}
		replayed, err = once(ctx, tx, a, "connect:"+referralID, key, fp, &c, func() error {
			id, err := s.connect(ctx, tx, st, in, a)
			if err == nil {
				c, err = s.loadConnection(ctx, tx, id)
			}
			return err
		})
		return err
	})
	return c, replayed, err
}

func (s *Store) connect(ctx context.Context, tx *sqlx.Tx, st state, in ConnectionInput, a act) (string, error) {
	if !st.Status.Open() {
		return "", refuse(ReasonNotOpen)
	}
	if err := mayConnect(ctx, tx, st.ID, in.ServiceID); err != nil {
		return "", err
	}
	r, err := s.dir.Reserve(ctx, tx, in.ServiceID, s.ready)
	if errors.Is(err, directory.ErrNotFound) {
		return "", directory.Problems{"service_id": "is not a service in the directory"}
	}
	if err != nil {
		return "", err
	}
	status := ConnectionRequested
	if r.Waitlisted {
		status = ConnectionWaitlisted
	}
	return insertConnection(ctx, tx, st.ID, in, status, a)
}

// mayConnect refuses a connection the person has not agreed to, or one that
// would duplicate an open connection to the same service.
func mayConnect(ctx context.Context, tx *sqlx.Tx, referralID, serviceID string) error {
	const q = `
SELECT COALESCE((SELECT given FROM consents WHERE referral_id = $1 AND kind = 'share_services'
                 ORDER BY given_at DESC, id DESC LIMIT 1), false) AS consented,
       EXISTS (SELECT 1 FROM connections WHERE referral_id = $1 AND service_id = $2
               AND status = ANY($3)) AS connected`
	var row struct {
		Consented bool `db:"consented"`
		Connected bool `db:"connected"`
	}
	if err := tx.GetContext(ctx, &row, q, referralID, serviceID, pq.Array(names(ConnectionStatuses, func(s ConnectionStatus) bool { return !s.Ended() }))); err != nil {
		return err
	}
	switch {
	case !row.Consented:
		return refuse(ReasonNoConsent)
	case row.Connected:
		return refuse(ReasonAlreadyConnected)
	}
	return nil
}

func insertConnection(ctx context.Context, tx *sqlx.Tx, referralID string, in ConnectionInput, status ConnectionStatus, a act) (string, error) {
	const q = `
INSERT INTO connections (referral_id, service_id, status, reason, created_by, created_at, requested_at)
VALUES ($1, $2, $3, $4, NULLIF($5, '')::uuid, $6, CASE WHEN $3 = 'requested' THEN $6::timestamptz END)
RETURNING id`
	var id string
	if err := tx.GetContext(ctx, &id, q, referralID, in.ServiceID, status, in.Reason, a.by(), a.at); err != nil {
		return "", err
	}
	return id, insertConnectionEvent(ctx, tx, id, "", ConnectionMove{Status: status}, a)
}

func insertConnectionEvent(ctx context.Context, tx *sqlx.Tx, id string, from ConnectionStatus, m ConnectionMove, a act) error {
	const q = `
INSERT INTO connection_events (connection_id, from_status, to_status, reason, note, actor_id, at)
VALUES ($1, $2, $3, $4, $5, NULLIF($6, '')::uuid, $7)`
	_, err := tx.ExecContext(ctx, q, id, from, m.Status, m.Reason, m.Note, a.by(), a.at)
	return err
}

func (s *Store) loadConnection(ctx context.Context, tx *sqlx.Tx, id string) (Connection, error) {
	out, err := s.selectConnections(ctx, tx, ` WHERE c.id = $1`, id)
	if err == nil && len(out) == 0 {
		err = directory.ErrNotFound
	}
	if err != nil {
		return Connection{}, err
	}
	return out[0], nil
}
