package directory

import (
	"context"
	"errors"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"kith/postgres"
)

// Readiness says whether an organisation may receive referrals now. qa.Store
// implements it; cmd wires it in, since directory cannot import qa.
type Readiness interface {
	ReferralReady(ctx context.Context, db sqlx.QueryerContext, orgID string) error
}

var refusalMessages = map[string]string{
	ReasonFull:             "the service has no places left",
	ReasonWeeklyCap:        "the service has taken all the new people it can this week",
	ReasonPaused:           "the service has paused new referrals",
	ReasonNotReferralReady: "the organisation is not quality assured to receive referrals",
}

func refuse(code string) error { return &Refusal{Code: code, Message: refusalMessages[code]} }

const capacityColumns = `SELECT service_id, unit, maximum, weekly_cap, waitlist, held, waiting, week_start,
       week_count, paused, pause_reason, resume_on, response_days, updated_at FROM service_capacity`

const capacitySelect = capacityColumns + ` WHERE service_id = $1`

// Capacity returns a service's capacity; signed-in users only, since
// organisations share these figures with professionals, not the public.
func (s *Store) Capacity(ctx context.Context, serviceID string) (Capacity, error) {
	if UserFrom(ctx) == nil {
		return Capacity{}, ErrUnauthenticated
	}
	if _, err := s.ownerOf(ctx, s.db, "service", serviceID); err != nil {
		return Capacity{}, err
	}
	var c Capacity
	err := s.db.GetContext(ctx, &c, capacitySelect, serviceID)
	if isNoRows(err) {
		return Capacity{ServiceID: serviceID, Unit: "places", ResponseDays: 5}, nil
	}
	return c, postgres.MapError(err)
}

// Capacities returns the capacity of each of the given services that has
// set one, by service id; signed-in users only, as for Capacity.
func (s *Store) Capacities(ctx context.Context, serviceIDs []string) (map[string]Capacity, error) {
	if UserFrom(ctx) == nil {
		return nil, ErrUnauthenticated
	}
	const q = capacityColumns + ` WHERE service_id = ANY($1::uuid[])`
	var rows []Capacity
	if err := s.db.SelectContext(ctx, &rows, q, pq.Array(serviceIDs)); err != nil {
		return nil, postgres.MapError(err)
	}
	out := make(map[string]Capacity, len(rows))
	for _, c := range rows {
		out[c.ServiceID] = c
	}
	return out, nil
}

// SetCapacity sets a service's capacity; the organisation's editors and
// admins may, and it is never moderated. Places held stay held.
func (s *Store) SetCapacity(ctx context.Context, serviceID string, in CapacityInput) (Capacity, error) {
	const q = `
INSERT INTO service_capacity (service_id, unit, maximum, weekly_cap, waitlist, paused, pause_reason, response_days, updated_at)
VALUES ($1, $2, $3, $4, COALESCE($5, 0), NOT COALESCE($6, true), '', COALESCE($7, 5), $8)
ON CONFLICT (service_id) DO UPDATE SET
    unit = EXCLUDED.unit, maximum = EXCLUDED.maximum, weekly_cap = EXCLUDED.weekly_cap,
    waitlist = COALESCE($5, service_capacity.waitlist),
    paused = CASE WHEN $6::boolean IS NULL THEN service_capacity.paused ELSE NOT $6 END,
    pause_reason = CASE WHEN $6::boolean THEN '' ELSE service_capacity.pause_reason END,
    resume_on = CASE WHEN $6::boolean THEN NULL ELSE service_capacity.resume_on END,
    response_days = COALESCE($7, service_capacity.response_days), updated_at = EXCLUDED.updated_at`
	return s.changeCapacity(ctx, serviceID, func(tx *sqlx.Tx) error {
		if err := in.Validate(); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, q, serviceID, in.Unit, in.Maximum, in.WeeklyCap, in.Waitlist,
			in.Accepting, in.ResponseDays, s.now().UTC())
		return err
	})
}

// Pause stops new referrals to a service, keeping those it has.
func (s *Store) Pause(ctx context.Context, serviceID string, in PauseInput) (Capacity, error) {
	const q = `
INSERT INTO service_capacity (service_id, paused, pause_reason, resume_on, updated_at)
VALUES ($1, true, $2, NULLIF($3, '')::date, $4)
ON CONFLICT (service_id) DO UPDATE SET paused = true, pause_reason = EXCLUDED.pause_reason,
    resume_on = EXCLUDED.resume_on, updated_at = EXCLUDED.updated_at`
	return s.changeCapacity(ctx, serviceID, func(tx *sqlx.Tx) error {
		if err := in.Validate(s.now()); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, q, serviceID, in.Reason, in.ResumeOn, s.now().UTC())
		return err
	})
}

// Resume opens a paused service to new referrals again.
func (s *Store) Resume(ctx context.Context, serviceID string) (Capacity, error) {
	const q = `
INSERT INTO service_capacity (service_id, updated_at) VALUES ($1, $2)
ON CONFLICT (service_id) DO UPDATE SET paused = false, pause_reason = '', resume_on = NULL,
    updated_at = EXCLUDED.updated_at`
	return s.changeCapacity(ctx, serviceID, func(tx *sqlx.Tx) error {
		_, err := tx.ExecContext(ctx, q, serviceID, s.now().UTC())
		return err
	})
}

// changeCapacity checks the caller may manage the service, then runs write
// (which checks its input: only those who may manage the service learn what
// it would accept) and tells search, all in one transaction.
func (s *Store) changeCapacity(ctx context.Context, serviceID string, write func(*sqlx.Tx) error) (Capacity, error) {
	u := UserFrom(ctx)
	if u == nil {
		return Capacity{}, ErrUnauthenticated
	}
	var c Capacity
	err := s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		org, err := s.ownerOf(ctx, tx, "service", serviceID)
		if err != nil {
			return err
		}
		if !u.EditsOrganisation(org) {
			return ErrForbidden
		}
		if err := write(tx); err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &c, capacitySelect, serviceID); err != nil {
			return err
		}
		return enqueue(ctx, tx, "service", serviceID)
	})
	return c, err
}

// Reserve takes a place (or a waiting-list spot) at a service for a new
// connection, inside the caller's transaction. The capacity row stays locked
// until that transaction ends, so concurrent callers queue and a service is
// never oversubscribed. It refuses with a *Refusal: full, weekly_cap, paused
// or not_referral_ready. A service with no capacity set has no limit.
func (s *Store) Reserve(ctx context.Context, tx *sqlx.Tx, serviceID string, ready Readiness) (Reservation, error) {
	var svc struct {
		Org    string `db:"organisation_id"`
		Active bool   `db:"active"`
	}
	const q = `SELECT organisation_id, (status = 'active' AND published) AS active FROM services WHERE id = $1`
	if err := tx.GetContext(ctx, &svc, q, serviceID); err != nil {
		return Reservation{}, postgres.MapError(err)
	}
	if !svc.Active {
		return Reservation{}, Errorf(ErrConflict, "the service is not active")
	}
	if err := ready.ReferralReady(ctx, tx, svc.Org); err != nil {
		if errors.Is(err, ErrConflict) {
			return Reservation{}, refuse(ReasonNotReferralReady)
		}
		return Reservation{}, err
	}
	var c Capacity
	err := tx.GetContext(ctx, &c, capacitySelect+` FOR UPDATE`, serviceID)
	if isNoRows(err) {
		return Reservation{}, nil
	}
	if err != nil {
		return Reservation{}, err
	}
	return s.take(ctx, tx, c)
}

func (s *Store) take(ctx context.Context, tx *sqlx.Tx, c Capacity) (Reservation, error) {
	now := s.now()
	r, reason := c.Offer(now)
	if reason != "" {
		return r, refuse(reason)
	}
	week := weekStart(now)
	const q = `
UPDATE service_capacity SET held = held + $2, waiting = waiting + $3, week_start = $4,
    week_count = CASE WHEN week_start = $4 THEN week_count + 1 ELSE 1 END
WHERE service_id = $1`
	held, waiting := 1, 0
	if r.Waitlisted {
		held, waiting = 0, 1
	}
	if _, err := tx.ExecContext(ctx, q, c.ServiceID, held, waiting, week); err != nil {
		return r, err
	}
	if left := c.PlacesLeft(); left != nil && *left == 1 && !r.Waitlisted {
		return r, enqueue(ctx, tx, "service", c.ServiceID) // now full: search must stop offering it
	}
	return r, nil
}

// Release gives back a place (or a waiting-list spot) when a connection is
// rejected, cancelled, completed or failed, in the caller's transaction.
func (s *Store) Release(ctx context.Context, tx *sqlx.Tx, serviceID string, waitlisted bool) error {
	var c Capacity
	err := tx.GetContext(ctx, &c, capacitySelect+` FOR UPDATE`, serviceID)
	if isNoRows(err) {
		return nil
	}
	if err != nil {
		return err
	}
	const q = `UPDATE service_capacity SET held = GREATEST(held - $2, 0), waiting = GREATEST(waiting - $3, 0)
WHERE service_id = $1`
	held, waiting := 1, 0
	if waitlisted {
		held, waiting = 0, 1
	}
	if _, err := tx.ExecContext(ctx, q, serviceID, held, waiting); err != nil {
		return err
	}
	if left := c.PlacesLeft(); left != nil && *left == 0 && !waitlisted {
		return enqueue(ctx, tx, "service", serviceID) // was full: search may offer it again
	}
	return nil
}
