package directory

import (
	"context"
	"database/sql"
	"strings"

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
// a hash of every organisation and capacity row. Categories and sessions
// are gathered for all the cards at once, as arrays: one json_agg per card
// made PostgreSQL build a hash of the taxonomy and a JSON object per row
// for every card, and Go decode them by reflection, which together cost as
// much as the rest of the query and its answer.
func (s *Store) ResultCards(ctx context.Context, ids []string) ([]ResultCard, error) {
	const q = `
WITH want AS (SELECT DISTINCT unnest($1::uuid[]) AS id),
cats AS (
    SELECT sc.service_id, array_agg(t.id ORDER BY t.name, t.id) AS ids,
           array_agg(t.code ORDER BY t.name, t.id) AS codes, array_agg(t.name ORDER BY t.name, t.id) AS names
    FROM want JOIN service_categories sc ON sc.service_id = want.id JOIN taxonomy_terms t ON t.id = sc.term_id
    GROUP BY sc.service_id),
sessions AS ( -- the aggregates of a group see its rows in the same order
    SELECT x.service_id, array_agg(x.freq) AS freq, array_agg(array_to_string(x.byday, ' ')) AS byday,
           array_agg(to_char(x.opens_at, 'HH24:MI')) AS opens, array_agg(to_char(x.closes_at, 'HH24:MI')) AS closes,
           array_agg(COALESCE(to_char(x.valid_from, 'YYYY-MM-DD'), '')) AS valid_from,
           array_agg(COALESCE(to_char(x.valid_to, 'YYYY-MM-DD'), '')) AS valid_to
    FROM want JOIN schedules x ON x.service_id = want.id
    GROUP BY x.service_id)
SELECT s.id, s.name, s.description, s.organisation_id, o.name AS organisation_name, s.free,
       c.maximum, COALESCE(c.held, 0) AS held, COALESCE(c.paused, false) AS paused, c.resume_on,
       cats.ids, cats.codes, cats.names,
       sessions.freq, sessions.byday, sessions.opens, sessions.closes, sessions.valid_from, sessions.valid_to
FROM want
JOIN services s ON s.id = want.id
JOIN organisations o ON o.id = s.organisation_id
LEFT JOIN service_capacity c ON c.service_id = s.id
LEFT JOIN cats ON cats.service_id = s.id
LEFT JOIN sessions ON sessions.service_id = s.id
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
	var catIDs, catCodes, catNames pq.StringArray
	var freq, byday, opens, closes, from, to pq.StringArray
	cp := &c.Capacity
	err := rows.Scan(&c.ID, &c.Name, &c.Description, &c.OrganisationID, &c.OrganisationName, &c.Free,
		&cp.Maximum, &cp.Held, &cp.Paused, &cp.ResumeOn, &catIDs, &catCodes, &catNames,
		&freq, &byday, &opens, &closes, &from, &to)
	if err != nil {
		return c, err
	}
	cp.ServiceID = c.ID
	c.Categories = make([]Category, len(catIDs))
	for i := range catIDs {
		c.Categories[i] = Category{ID: catIDs[i], Code: catCodes[i], Name: catNames[i]}
	}
	for i := range freq {
		c.Schedules = append(c.Schedules, Schedule{Freq: freq[i], ByDay: strings.Fields(byday[i]),
			OpensAt: opens[i], ClosesAt: closes[i], ValidFrom: from[i], ValidTo: to[i]})
	}
	return c, nil
}
