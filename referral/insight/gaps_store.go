package insight

import (
	"context"
	"errors"
	"slices"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"kith/directory"
	"kith/geo"
	"kith/postgres"
	"kith/qa"
)

// Gaps runs the gap analysis for commissioners and admins. Demand is read
// for all of England, whatever the viewer's scope, because services near a
// boundary serve people on both sides of it; only the areas shown are
// confined to the viewer's authority.
func (s *Store) Gaps(ctx context.Context, q Query) (Gaps, error) {
	f, err := s.resolve(ctx, q)
	if err != nil {
		return Gaps{}, err
	}
	// The three reads are independent, so they run at once, each on its
	// own connection: the answer waits for the slowest, not the sum.
	var rows []demandRow
	var supply []supplyRow
	var ready map[string]bool
	err = together(
		func() (err error) { rows, err = s.demand(ctx, f); return err },
		func() (err error) { supply, err = s.supply(ctx, f); return err },
		func() (err error) { ready, err = s.referralReady(ctx, f); return err })
	if err != nil {
		return Gaps{}, err
	}
	now := s.now()
	g := analyse(q, f.scope, rows, suppliers(supply, ready), now)
	g.Category = f.category
	return g, nil
}

// together runs fns at once and waits for them all.
func together(fns ...func() error) error {
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Go(func() { errs[i] = fn() })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// demandSelect counts, by the LSOA people live in, referrals received in
// the period with a need in the category, and unmet needs in the category
// recorded in the period.
const demandSelect = `
SELECT lsoa, lad, sum(referrals)::int AS referrals, sum(unmet)::int AS unmet
FROM (SELECT f.lsoa, f.lad, count(*) AS referrals, 0 AS unmet
      FROM referral_facts f
      WHERE f.received_at >= $1 AND f.received_at < $2 AND ` + hasNeed + `
      GROUP BY f.lsoa, f.lad
      UNION ALL
      SELECT u.lsoa, u.lad, 0, count(*)
      FROM unmet_needs u
      WHERE u.recorded_at >= $1 AND u.recorded_at < $2 AND ($3::uuid[] IS NULL OR u.term_id = ANY($3))
      GROUP BY u.lsoa, u.lad) d
GROUP BY lsoa, lad`

// hasNeed is true for a referral (f) with a need in the category ($3).
const hasNeed = `($3::uuid[] IS NULL OR EXISTS (SELECT 1 FROM referral_needs n
                 WHERE n.referral_id = f.referral_id AND n.term_id = ANY($3)))`

func (s *Store) demand(ctx context.Context, f filter) ([]demandRow, error) {
	var rows []demandRow
	err := s.db.SelectContext(ctx, &rows, demandSelect, f.args()[:3]...)
	return rows, postgres.MapError(err)
}

// candidates are the services people could be connected to for the
// category ($1): published, active, from a published organisation.
const candidates = `
FROM services s JOIN organisations o ON o.id = s.organisation_id
WHERE s.published AND s.status = 'active' AND o.published
  AND ($1::uuid[] IS NULL OR EXISTS (SELECT 1 FROM service_categories sc
                                     WHERE sc.service_id = s.id AND sc.term_id = ANY($1)))`

// supplySelect reads the candidates with their venues, capacity, and the
// requests each answered in the period ($2, $3).
const supplySelect = `
SELECT s.id, s.organisation_id, s.delivery_modes, c.maximum, COALESCE(c.held, 0) AS held,
       COALESCE(c.paused, false) AS paused, c.resume_on,
       COALESCE(v.lons, '{}') AS lons, COALESCE(v.lats, '{}') AS lats,
       COALESCE(x.no_capacity, 0) AS no_capacity, COALESCE(x.answered, 0) AS answered
FROM (SELECT s.id, s.organisation_id, s.delivery_modes ` + candidates + `) s
LEFT JOIN service_capacity c ON c.service_id = s.id
LEFT JOIN LATERAL (SELECT array_agg(l.lon) AS lons, array_agg(l.lat) AS lats
                   FROM service_at_location sal JOIN locations l ON l.id = sal.location_id
                   WHERE sal.service_id = s.id AND l.lon IS NOT NULL) v ON true
LEFT JOIN (SELECT service_id,
                  count(*) FILTER (WHERE status = 'rejected' AND status_reason = 'no_capacity') AS no_capacity,
                  count(*) FILTER (WHERE responded_at IS NOT NULL OR status = 'rejected') AS answered
           FROM connections WHERE created_at >= $2 AND created_at < $3
           GROUP BY service_id) x ON x.service_id = s.id`

type supplyRow struct {
	ID         string          `db:"id"`
	OrgID      string          `db:"organisation_id"`
	Delivery   pq.StringArray  `db:"delivery_modes"`
	Maximum    *int            `db:"maximum"`
	Held       int             `db:"held"`
	Paused     bool            `db:"paused"`
	ResumeOn   *time.Time      `db:"resume_on"`
	Lons       pq.Float64Array `db:"lons"`
	Lats       pq.Float64Array `db:"lats"`
	NoCapacity int             `db:"no_capacity"`
	Answered   int             `db:"answered"`
}

func (s *Store) supply(ctx context.Context, f filter) ([]supplyRow, error) {
	var rows []supplyRow
	err := s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		// PostgreSQL would compile this plan (JIT) for its row estimates,
		// which takes longer than running it does.
		if _, err := tx.ExecContext(ctx, `SET LOCAL jit = off`); err != nil {
			return err
		}
		args := f.args()
		return tx.SelectContext(ctx, &rows, supplySelect, args[2], args[0], args[1])
	})
	return rows, err
}

// suppliers are the candidates whose organisation may receive referrals
// now (quality assured at the referral tier).
func suppliers(rows []supplyRow, ready map[string]bool) []supplier {
	out := make([]supplier, 0, len(rows))
	for _, r := range rows {
		if ready[r.OrgID] {
			out = append(out, r.supplier())
		}
	}
	return out
}

func (r supplyRow) supplier() supplier {
	s := supplier{noCapacity: r.NoCapacity, answered: r.Answered,
		remote:   slices.Contains(r.Delivery, "online") || slices.Contains(r.Delivery, "phone"),
		capacity: directory.Capacity{ServiceID: r.ID, Maximum: r.Maximum, Held: r.Held, Paused: r.Paused, ResumeOn: r.ResumeOn}}
	for k := range min(len(r.Lons), len(r.Lats)) {
		if p, err := geo.LonLat(r.Lons[k], r.Lats[k]); err == nil {
			s.venues = append(s.venues, p)
		}
	}
	return s
}

// referralReady asks quality assurance, once for all the organisations
// running candidates, which may be sent referrals now.
func (s *Store) referralReady(ctx context.Context, f filter) (map[string]bool, error) {
	var ids []string
	const q = `SELECT DISTINCT s.organisation_id ` + candidates
	if err := s.db.SelectContext(ctx, &ids, q, f.args()[2]); err != nil {
		return nil, postgres.MapError(err)
	}
	statuses, err := s.qa.Statuses(ctx, ids)
	if err != nil {
		return nil, err
	}
	ready := make(map[string]bool, len(statuses))
	for id, a := range statuses {
		ready[id] = a.At(qa.TierReferral).Status.Assured()
	}
	return ready, nil
}
