package referral

import (
	"context"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"kith/directory"
	"kith/postgres"
)

// caseloadSelect computes each flag once, in f, so the list shows and
// filters by the same definition. Parameters: $1 overdue cutoffs, $2–$4 the
// first-contact, quiet and twelve-week thresholds, $5 open statuses, $14
// whether flagged cases come first.
const caseloadSelect = `
SELECT r.id, p.name AS person_name, r.status, r.urgency, r.team_id, r.link_worker_id,
       COALESCE(w.name, '') AS link_worker_name, r.received_at, r.first_contact_at, c.contacts, c.last_contact_at,
       to_jsonb(f) AS flags, COUNT(*) OVER () AS total
FROM referrals r JOIN people p ON p.id = r.person_id LEFT JOIN users w ON w.id = r.link_worker_id` +
	contactCounts + `
CROSS JOIN LATERAL (SELECT
    r.status IN ('received', 'accepted') AND r.first_contact_at IS NULL AND r.received_at < $2
        AS overdue_first_contact,
    r.status = ANY($5) AND COALESCE(c.last_contact_at, r.received_at) < $3 AS no_contact_21_days,
    r.status = ANY($5) AND r.received_at < $4 AS past_12_weeks,
    EXISTS (SELECT 1 FROM connections c LEFT JOIN service_capacity sc ON sc.service_id = c.service_id
            WHERE c.referral_id = r.id AND ` + overdueSQL + `) AS connection_overdue) f
WHERE r.team_id = $6 AND ($7 = '' OR r.link_worker_id = NULLIF($7, '')::uuid)
  AND (NOT $8 OR r.link_worker_id IS NULL)
  AND (r.status = $9 OR ($9 = '' AND r.status <> ALL($10)))
  AND ($11 = '' OR (to_jsonb(f) ->> $11)::boolean)
ORDER BY $14 AND f.overdue_first_contact DESC,
         $14 AND (f.no_contact_21_days OR f.connection_overdue) DESC,
         $14 AND f.past_12_weeks DESC,
         r.urgency <> 'routine' DESC, r.received_at, r.id
LIMIT $12 OFFSET $13`

type caseRow struct {
	Case
	FlagsCol postgres.JSON[map[string]bool] `db:"flags"`
	Total    int                            `db:"total"`
}

// Caseload lists a team's referrals, urgent and oldest first (flagged ones
// before them when asked), with the flags that say who needs attention. Its
// link workers and admins may.
func (s *Store) Caseload(ctx context.Context, f CaseloadFilter) (CaseloadPage, error) {
	a := s.actNow(ctx)
	if !holds(a.user, f.TeamID) {
		return CaseloadPage{}, denied(a.user)
	}
	if err := f.Validate(); err != nil {
		return CaseloadPage{}, err
	}
	page := CaseloadPage{Items: []Case{}}
	err := s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		var rows []caseRow
		err := tx.SelectContext(ctx, &rows, caseloadSelect, pq.Array(overdueCutoffs(a.at)),
			a.at.Add(-firstContactWithin), a.at.Add(-contactEvery), a.at.Add(-usualSupport), pq.Array(names(Statuses, Status.Open)),
			f.TeamID, f.LinkWorkerID, f.Unassigned, string(f.Status), pq.Array(names(Statuses, Status.Ended)), f.Flag,
			f.Limit, f.Offset, f.AttentionFirst)
		if err != nil {
			return err
		}
		var ids []string
		for _, r := range rows {
			page.Items, page.Total = append(page.Items, r.local()), r.Total
			ids = append(ids, r.ID)
		}
		return audit(ctx, tx, a, actionRead, "caseload", ids...)
	})
	return page, err
}

func (r caseRow) local() Case {
	c := r.Case
	if c.FirstContactAt != nil {
		d := daysBetween(c.ReceivedAt, *c.FirstContactAt)
		c.DaysToContact = &d
	}
	c.ReceivedAt, c.FirstContactAt, c.LastContactAt = london(c.ReceivedAt), londonPtr(c.FirstContactAt), londonPtr(c.LastContactAt)
	c.Flags = []string{}
	for _, f := range Flags {
		if r.FlagsCol.V[f] {
			c.Flags = append(c.Flags, f)
		}
	}
	return c
}

// Assign gives a referral to a link worker of its team; an empty id leaves
// it unassigned.
func (s *Store) Assign(ctx context.Context, id, workerID string) (Referral, error) {
	p := directory.Problems{}
	p.UUID("link_worker_id", workerID, false)
	if err := p.Err(); err != nil {
		return Referral{}, err
	}
	var out Referral
	err := s.withReferral(ctx, id, actionChange, "assignment", func(tx *sqlx.Tx, st state, _ act) error {
		if err := checkWorker(ctx, tx, st.TeamID, workerID); err != nil {
			return err
		}
		const q = `UPDATE referrals SET link_worker_id = NULLIF($2, '')::uuid WHERE id = $1`
		if _, err := tx.ExecContext(ctx, q, id, workerID); err != nil {
			return err
		}
		var err error
		out, err = loadReferral(ctx, tx, id)
		return err
	})
	return out, err
}
