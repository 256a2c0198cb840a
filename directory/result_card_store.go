package directory

import (
	"context"
	"database/sql"

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

// ResultCards returns the cards of the given listings that the public may
// find now (published and active), in no particular order. It starts from
// the ids, so that each card is a few index lookups rather than a share of
// a hash of every organisation and capacity row.
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
FROM unnest($1::uuid[]) AS want(id)
JOIN services s ON s.id = want.id
JOIN organisations o ON o.id = s.organisation_id
LEFT JOIN service_capacity c ON c.service_id = s.id
WHERE s.published AND s.status = 'active' AND o.published`
	rows, err := s.db.Lookups().QueryContext(ctx, q, pq.Array(ids))
	if err != nil {
		return nil, postgres.MapError(err)
	}
	defer rows.Close()
	out := make([]ResultCard, 0, len(ids))
	for rows.Next() {
		c, err := scanCard(rows)
		if err != nil {
			return nil, postgres.MapError(err)
		}
		out = append(out, c)
	}
	return out, postgres.MapError(rows.Err())
}

// scanCard reads one card straight into place: a page of results is read
// on every search, and scanning through a struct of columns by reflection
// and copying it over allocated a quarter of a search's memory.
func scanCard(rows *sql.Rows) (ResultCard, error) {
	var c ResultCard
	var cats postgres.JSON[[]Category]
	var scheds postgres.JSON[[]Schedule]
	cp := &c.Capacity
	err := rows.Scan(&c.ID, &c.Name, &c.Description, &c.OrganisationID, &c.OrganisationName, &c.Free,
		&cp.Maximum, &cp.Held, &cp.Paused, &cp.ResumeOn, &cats, &scheds)
	cp.ServiceID, c.Categories, c.Schedules = c.ID, nonNil(cats.V), scheds.V
	return c, err
}
