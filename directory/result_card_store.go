package directory

import (
	"context"
	"database/sql"
	"fmt"
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
// find now (published and active), in no particular order. Description is
// left empty unless withDescription: only explaining a text match reads
// it, and it is most of a card's bytes.
//
// A card is one row of result_cards, which triggers keep in step with the
// listing, its organisation, categories and sessions in the transaction of
// every write (migrations/0011_result_cards.sql), and its capacity. Reading
// those five tables for every page of results cost PostgreSQL more than
// twice as much: 0.36 ms against 0.15 ms for 20 cards.
func (s *Store) ResultCards(ctx context.Context, ids []string, withDescription bool) ([]ResultCard, error) {
	const q = `
SELECT c.service_id, c.name, CASE WHEN $2 THEN c.description ELSE '' END, c.organisation_id, c.organisation_name,
       c.free, c.categories, c.sessions, k.maximum, k.held, k.paused, k.resume_on
FROM result_cards c
LEFT JOIN service_capacity k ON k.service_id = c.service_id
WHERE c.service_id = ANY($1::uuid[]) AND c.findable`
	rows, err := s.db.Lookups().QueryContext(ctx, q, pq.Array(ids), withDescription)
	if err != nil {
		return nil, postgres.MapError(err)
	}
	defer rows.Close()
	list := make([]ResultCard, 0, len(ids))
	var r cardRow
	for rows.Next() {
		if err := r.scan(rows); err != nil {
			return nil, postgres.MapError(err)
		}
		c, err := r.card()
		if err != nil {
			return nil, err
		}
		list = append(list, c)
	}
	return list, postgres.MapError(rows.Err())
}

// The fields of each category and each session in a card's arrays.
const (
	categoryFields = 3 // id, code, name
	sessionFields  = 6 // freq, days, opens, closes, valid from, valid to
)

// cardRow is one row of the cards query, reused from row to row.
type cardRow struct {
	id, name, description, orgID, orgName string
	free                                  bool
	categories, sessions                  postgres.TextArray
	maximum, held                         sql.NullInt64
	paused                                sql.NullBool
	resumeOn                              sql.NullTime
}

func (r *cardRow) scan(rows *sql.Rows) error {
	return rows.Scan(&r.id, &r.name, &r.description, &r.orgID, &r.orgName, &r.free, &r.categories, &r.sessions,
		&r.maximum, &r.held, &r.paused, &r.resumeOn)
}

// card reads the row's flat arrays a whole category or session at a time;
// a length that is not a whole number of them means the table and this
// code disagree about their shape, and no card is better than a wrong one.
func (r *cardRow) card() (ResultCard, error) {
	if len(r.categories)%categoryFields != 0 || len(r.sessions)%sessionFields != 0 {
		return ResultCard{}, fmt.Errorf("directory: the result card of %s has %d category and %d session fields",
			r.id, len(r.categories), len(r.sessions))
	}
	c := ResultCard{ID: r.id, Name: r.name, Description: r.description, OrganisationID: r.orgID,
		OrganisationName: r.orgName, Free: r.free, Categories: make([]Category, 0, len(r.categories)/categoryFields)}
	for f := r.categories; len(f) > 0; f = f[categoryFields:] {
		c.Categories = append(c.Categories, Category{ID: f[0], Code: f[1], Name: f[2]})
	}
	for f := r.sessions; len(f) > 0; f = f[sessionFields:] {
		c.Schedules = append(c.Schedules, Schedule{Freq: f[0], ByDay: strings.Fields(f[1]),
			OpensAt: f[2], ClosesAt: f[3], ValidFrom: f[4], ValidTo: f[5]})
	}
	c.Capacity = Capacity{ServiceID: c.ID, Held: int(r.held.Int64), Paused: r.paused.Bool}
	if r.maximum.Valid {
		m := int(r.maximum.Int64)
		c.Capacity.Maximum = &m
	}
	if r.resumeOn.Valid {
		t := r.resumeOn.Time
		c.Capacity.ResumeOn = &t
	}
	return c, nil
}
