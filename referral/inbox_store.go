package referral

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"kith/directory"
)

const inboxSelect = taskColumns + `, c.referral_id, p.name AS person_name, p.contact_by, p.phone, p.email, p.address,
       COALESCE(k.given, false) AS consent_given, COALESCE(k.given_at, c.created_at) AS consent_given_at` + taskJoins + `
JOIN referrals r ON r.id = c.referral_id
JOIN people p ON p.id = r.person_id
LEFT JOIN LATERAL (SELECT given, given_at FROM consents WHERE referral_id = r.id AND kind = 'share_services'
                   ORDER BY given_at DESC, id DESC LIMIT 1) k ON true`

type inboxRow struct {
	InboxItem
	PersonInput
	ReferralID string `db:"referral_id"`
	Given      bool   `db:"consent_given"`
}

// item is the row as the VCSE may see it. Withdrawing consent to share
// withdraws the person's name and contact details from the service too.
func (r inboxRow) item(now time.Time) InboxItem {
	it := r.InboxItem
	it.Task = r.Task.local(now)
	it.ConsentGivenAt = london(it.ConsentGivenAt)
	it.ContactRoute, it.Shared = r.PersonInput.ContactRoute(), Shared
	if !r.Given {
		it.PersonName, it.ContactRoute, it.Shared = "", "", []string{}
	}
	return it
}

func (s *Store) selectInbox(ctx context.Context, tx *sqlx.Tx, where string, args ...any) ([]inboxRow, error) {
	var rows []inboxRow
	err := tx.SelectContext(ctx, &rows, inboxSelect+where, args...)
	return rows, err
}

// Inbox lists the connections sent to an organisation's services, newest
// first, with only the person data a VCSE may see: its editors see their
// own organisation's, admins anyone's.
func (s *Store) Inbox(ctx context.Context, f InboxFilter) (InboxPage, error) {
	a := s.actNow(ctx)
	switch {
	case a.user.Is(directory.RoleVCSEEditor):
		f.OrganisationID = *a.user.OrganisationID
	case !a.user.Is(directory.RoleAdmin):
		return InboxPage{}, denied(a.user)
	}
	page := InboxPage{Items: []InboxItem{}}
	err := s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		ids, total, err := inboxPage(ctx, tx, f, a.at)
		if err != nil || len(ids) == 0 {
			return err
		}
		rows, err := s.selectInbox(ctx, tx, ` WHERE c.id = ANY($1) ORDER BY c.created_at DESC, c.id`, pq.Array(ids))
		if err != nil {
			return err
		}
		var seen []string
		for _, r := range rows {
			page.Items = append(page.Items, r.item(a.at))
			seen = append(seen, r.ReferralID)
		}
		page.Total = total
		return audit(ctx, tx, a, actionRead, "inbox", seen...)
	})
	return page, err
}

// inboxPage picks the ids of one page of an inbox, and how many there are
// in all, from the connections and services alone: only that page is then
// read with the people it concerns, so an inbox costs its page, not the
// organisation's whole history of connections.
func inboxPage(ctx context.Context, tx *sqlx.Tx, f InboxFilter, now time.Time) ([]string, int, error) {
	const q = `
SELECT c.id, COUNT(*) OVER () AS total
FROM connections c
JOIN services s ON s.id = c.service_id
LEFT JOIN service_capacity sc ON sc.service_id = c.service_id
WHERE ($2 = '' OR s.organisation_id = NULLIF($2, '')::uuid) AND ($3 = '' OR c.service_id = NULLIF($3, '')::uuid)
  AND ($4 = '' OR c.status = $4) AND (NOT $5 OR ` + overdueSQL + `)
ORDER BY c.created_at DESC, c.id LIMIT $6 OFFSET $7`
	var rows []struct {
		ID    string `db:"id"`
		Total int    `db:"total"`
	}
	err := tx.SelectContext(ctx, &rows, q, pq.Array(overdueCutoffs(now)), f.OrganisationID, f.ServiceID,
		string(f.Status), f.Overdue, f.Limit, f.Offset)
	if err != nil || len(rows) == 0 {
		return nil, 0, err
	}
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	return ids, rows[0].Total, nil
}

// InboxItem returns one connection as the VCSE receiving it sees it.
func (s *Store) InboxItem(ctx context.Context, id string) (InboxItem, error) {
	var out InboxItem
	err := s.withConnection(ctx, id, actionRead, "connection", func(tx *sqlx.Tx, _ connState, _ Side, _ act) error {
		rows, err := s.selectInbox(ctx, tx, ` WHERE c.id = $1`, id)
		if err == nil {
			out = rows[0].item(s.now())
		}
		return err
	})
	return out, err
}

// Connection returns one connection as the team holding the referral sees
// it; the VCSE's view of it is InboxItem.
func (s *Store) Connection(ctx context.Context, id string) (Connection, error) {
	var out Connection
	err := s.withConnection(ctx, id, actionRead, "connection", func(tx *sqlx.Tx, _ connState, side Side, _ act) error {
		if side&SideReferrer == 0 {
			return directory.ErrForbidden
		}
		var err error
		out, err = s.loadConnection(ctx, tx, id)
		return err
	})
	return out, err
}
