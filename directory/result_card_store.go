package directory

import (
	"context"
	"time"

	"github.com/lib/pq"

	"kith/postgres"
)

// ResultCard is what a search result shows of a listing, read in one light
// query: a page of results must stay cheap however busy the server is.
type ResultCard struct {
	ID               string
	Name             string
	Description      string
	OrganisationID   string
	OrganisationName string
	Free             bool
	Categories       []Category
	Schedules        []Schedule
	Capacity         Capacity // zero when the service has set none
}

type cardRow struct {
	ID               string                    `db:"id"`
	Name             string                    `db:"name"`
	Description      string                    `db:"description"`
	OrganisationID   string                    `db:"organisation_id"`
	OrganisationName string                    `db:"organisation_name"`
	Free             bool                      `db:"free"`
	Categories       postgres.JSON[[]Category] `db:"categories"`
	Schedules        postgres.JSON[[]Schedule] `db:"schedules"`
	Maximum          *int                      `db:"maximum"`
	Held             int                       `db:"held"`
	Paused           bool                      `db:"paused"`
	ResumeOn         *time.Time                `db:"resume_on"`
}

// ResultCards returns the cards of the given listings that the public may
// find now (published and active), in no particular order.
func (s *Store) ResultCards(ctx context.Context, ids []string) ([]ResultCard, error) {
	const q = `
SELECT s.id, s.name, s.description, s.organisation_id, o.name AS organisation_name, s.free,
       c.maximum, COALESCE(c.held, 0) AS held, COALESCE(c.paused, false) AS paused, c.resume_on,
       COALESCE((SELECT json_agg(json_build_object('id', t.id, 'code', t.code, 'name', t.name) ORDER BY t.name)
                 FROM service_categories sc JOIN taxonomy_terms t ON t.id = sc.term_id
                 WHERE sc.service_id = s.id), '[]') AS categories,
       COALESCE((SELECT json_agg(json_build_object('freq', x.freq, 'byday', x.byday,
                 'opens_at', to_char(x.opens_at, 'HH24:MI'), 'closes_at', to_char(x.closes_at, 'HH24:MI'),
                 'valid_from', x.valid_from, 'valid_to', x.valid_to))
                 FROM schedules x WHERE x.service_id = s.id), '[]') AS schedules
FROM services s JOIN organisations o ON o.id = s.organisation_id
LEFT JOIN service_capacity c ON c.service_id = s.id
WHERE s.id = ANY($1::uuid[]) AND s.published AND s.status = 'active' AND o.published`
	stmt, err := s.cards.prepared(ctx, s.db, q)
	if err != nil {
		return nil, err
	}
	var rows []cardRow
	if err := stmt.SelectContext(ctx, &rows, pq.Array(ids)); err != nil {
		return nil, postgres.MapError(err)
	}
	out := make([]ResultCard, len(rows))
	for i, r := range rows {
		out[i] = ResultCard{ID: r.ID, Name: r.Name, Description: r.Description, OrganisationID: r.OrganisationID,
			OrganisationName: r.OrganisationName, Free: r.Free, Categories: nonNil(r.Categories.V),
			Schedules: r.Schedules.V,
			Capacity:  Capacity{ServiceID: r.ID, Maximum: r.Maximum, Held: r.Held, Paused: r.Paused, ResumeOn: r.ResumeOn}}
	}
	return out, nil
}
