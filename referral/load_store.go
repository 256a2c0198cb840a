package referral

import (
	"context"
	"time"

	"github.com/lib/pq"

	"kith/directory"
	"kith/postgres"
)

// loadSelect gathers a service's load. Parameters: $1 overdue cutoffs, $2
// the service, $3 the first Monday shown, $4 statuses that hold a place.
const loadSelect = `
WITH recent AS (
    SELECT c.*, (c.created_at AT TIME ZONE 'Europe/London')::date AS day FROM connections c
    WHERE c.service_id = $2 AND (c.created_at AT TIME ZONE 'Europe/London')::date >= $3::date)
SELECT
    (SELECT json_agg(json_build_object('week', to_char(w, 'YYYY-MM-DD'),
            'received', (SELECT count(*) FROM recent WHERE day >= w AND day < w + 7)) ORDER BY w)
     FROM (SELECT $3::date + 7 * i AS w FROM generate_series(0, 11) i) weeks) AS weeks,
    (SELECT count(*) FROM connections WHERE service_id = $2 AND status = ANY($4)) AS active,
    (SELECT count(*) FROM connections WHERE service_id = $2 AND status = 'waitlisted') AS waiting,
    (SELECT count(*) FROM connections c LEFT JOIN service_capacity sc ON sc.service_id = c.service_id
     WHERE c.service_id = $2 AND ` + overdueSQL + `) AS overdue,
    (SELECT count(*) FROM recent WHERE responded_at IS NOT NULL) AS answered,
    (SELECT count(*) FROM recent WHERE responded_at IS NOT NULL AND status <> 'rejected') AS accepted,
    (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM responded_at - requested_at) / 3600)
     FROM recent WHERE responded_at IS NOT NULL) AS median_response_hours,
    (SELECT count(*) FROM recent WHERE started_at IS NOT NULL) AS attended,
    (SELECT count(*) FROM recent WHERE status = 'failed' AND status_reason = 'did_not_attend') AS did_not_attend`

// ServiceLoad returns a service's referral load over the last twelve weeks,
// to the organisation's editors, link workers, admins and commissioners
// (who see small numbers withheld).
func (s *Store) ServiceLoad(ctx context.Context, serviceID string) (Load, error) {
	u := directory.UserFrom(ctx)
	var org string
	err := s.db.GetContext(ctx, &org, `SELECT organisation_id FROM services WHERE id = $1`, serviceID)
	if err != nil {
		return Load{}, notFound(err)
	}
	if !u.EditsOrganisation(org) && !u.Is(directory.RoleLinkWorker, directory.RoleCommissioner) {
		return Load{}, denied(u)
	}
	now := s.now()
	first := today(now).AddDate(0, 0, -7*(loadWeeks-1)-(int(today(now).Weekday())+6)%7)
	var f loadFacts
	err = s.db.GetContext(ctx, &f, loadSelect, pq.Array(overdueCutoffs(now)), serviceID, first.Format(time.DateOnly),
		pq.Array(names(ConnectionStatuses, ConnectionStatus.Holds)))
	if err != nil {
		return Load{}, postgres.MapError(err)
	}
	return f.load(serviceID, u.Is(directory.RoleCommissioner)), nil
}
