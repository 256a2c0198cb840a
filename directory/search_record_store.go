package directory

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/lib/pq"

	"kith/geo"
	"kith/postgres"
)

// searchListings reads the findable listings (published, active, from a
// published organisation) themselves; searchParts reads their categories,
// venues and sessions that have not ended, as rows told apart by part, in
// the order they are attached. Gathering the parts into arrays a listing,
// in a subquery each, cost PostgreSQL 270 ms a page of 10,000 listings
// against 60 ms for the listings and 85 ms for their parts read as rows by
// a range of ids, and Go parsing the arrays more than reading the rows.
const searchListings = `
SELECT s.id, s.organisation_id, s.name, s.description, o.name AS organisation, s.free,
       s.min_age, s.max_age, s.delivery_modes, s.updated_at,
       c.maximum, COALESCE(c.held, 0) AS held, COALESCE(c.paused, false) AS paused, c.resume_on
FROM services s JOIN organisations o ON o.id = s.organisation_id
LEFT JOIN service_capacity c ON c.service_id = s.id
WHERE s.published AND s.status = 'active' AND o.published`

// searchParts takes the condition on a part's service id (%[1]s). A part
// row is (part, service id, key, a, b, c, d, lon, lat): a category's code;
// a venue's id and accessibility, with its point; a session's id,
// frequency, days, opening and closing times.
const searchParts = `
SELECT 1 AS part, sc.service_id, t.code, '', '', '', '', 0::float8, 0::float8
FROM service_categories sc JOIN taxonomy_terms t ON t.id = sc.term_id
WHERE sc.service_id %[1]s
UNION ALL
SELECT 2, sal.service_id, l.id::text, array_to_string(l.accessibility, ' '), '', '', '', l.lon, l.lat
FROM service_at_location sal JOIN locations l ON l.id = sal.location_id
WHERE sal.service_id %[1]s AND l.lon IS NOT NULL
UNION ALL
SELECT 3, x.service_id, x.id::text, x.freq, array_to_string(x.byday, ' '),
       to_char(x.opens_at, 'HH24:MI'), to_char(x.closes_at, 'HH24:MI'), 0, 0
FROM schedules x
WHERE x.service_id %[1]s AND (x.valid_to IS NULL OR x.valid_to >= current_date)
ORDER BY 1, 2, 3`

var (
	partsOfIDs     = fmt.Sprintf(searchParts, "= ANY($1::uuid[])")
	partsInIDRange = fmt.Sprintf(searchParts, "BETWEEN $1::uuid AND $2::uuid")
)

// SearchRecords returns the records of the given services that are findable;
// an id missing from the answer is one search must forget.
func (s *Store) SearchRecords(ctx context.Context, ids []string) ([]SearchRecord, error) {
	terms, err := s.termIndex(ctx)
	if err != nil {
		return nil, err
	}
	recs, err := s.searchListings(ctx, searchListings+` AND s.id = ANY($1::uuid[])`, pq.Array(ids))
	if err != nil || len(recs) == 0 {
		return recs, err
	}
	return recs, s.attachParts(ctx, terms, recs, partsOfIDs, pq.Array(ids))
}

// ServicesOfOrganisations lists every service id (findable or not) of the
// given organisations, for changes that touch all of an organisation's listings.
func (s *Store) ServicesOfOrganisations(ctx context.Context, orgIDs []string) ([]string, error) {
	const q = `SELECT id FROM services WHERE organisation_id = ANY($1::uuid[])`
	var ids []string
	err := s.db.SelectContext(ctx, &ids, q, pq.Array(orgIDs))
	return ids, postgres.MapError(err)
}

// EachSearchRecord streams every findable listing in pages of size, in id
// order, for building an index from scratch. A page's parts are read by
// the range of its ids, which may hold listings that are not findable, or
// the last of the page before; their parts are passed over.
func (s *Store) EachSearchRecord(ctx context.Context, size int, fn func([]SearchRecord) error) error {
	const q = searchListings + ` AND s.id > $1::uuid ORDER BY s.id LIMIT $2`
	terms, err := s.termIndex(ctx)
	if err != nil {
		return err
	}
	after := "00000000-0000-0000-0000-000000000000"
	for {
		page, err := s.searchListings(ctx, q, after, size)
		if err != nil || len(page) == 0 {
			return err
		}
		last := page[len(page)-1].ServiceID
		if err := s.attachParts(ctx, terms, page, partsInIDRange, after, last); err != nil {
			return err
		}
		if err := fn(page); err != nil {
			return err
		}
		after = last
	}
}

func (s *Store) searchListings(ctx context.Context, q string, args ...any) ([]SearchRecord, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, postgres.MapError(err)
	}
	defer rows.Close()
	var out []SearchRecord
	for rows.Next() {
		var r SearchRecord
		var updated sql.NullTime
		cp := &r.Capacity
		err := rows.Scan(&r.ServiceID, &r.OrgID, &r.Name, &r.Description, &r.Organisation, &r.Free,
			&r.MinAge, &r.MaxAge, (*pq.StringArray)(&r.Delivery), &updated,
			&cp.Maximum, &cp.Held, &cp.Paused, &cp.ResumeOn)
		if err != nil {
			return nil, postgres.MapError(err)
		}
		r.Delivery, r.UpdatedAt, cp.ServiceID = nonNil(r.Delivery), updated.Time, r.ServiceID
		out = append(out, r)
	}
	return out, postgres.MapError(rows.Err())
}

// attachParts reads the parts of recs with q and args and gives each
// record its own; categories gain their ancestors and names.
func (s *Store) attachParts(ctx context.Context, terms termIndex, recs []SearchRecord, q string, args ...any) error {
	byID := make(map[string]*SearchRecord, len(recs))
	for i := range recs {
		byID[recs[i].ServiceID] = &recs[i]
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return postgres.MapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var p searchPart
		if err := rows.Scan(&p.part, &p.serviceID, &p.key, &p.a, &p.b, &p.c, &p.d, &p.lon, &p.lat); err != nil {
			return postgres.MapError(err)
		}
		if r := byID[p.serviceID]; r != nil {
			p.attach(r)
		}
	}
	if err := rows.Err(); err != nil {
		return postgres.MapError(err)
	}
	for i := range recs {
		recs[i].Categories, recs[i].CategoryNames = terms.withAncestors(recs[i].Categories)
	}
	return nil
}

// searchPart is one row of searchParts.
type searchPart struct {
	part           int
	serviceID, key string
	a, b, c, d     string
	lon, lat       float64
}

func (p *searchPart) attach(r *SearchRecord) {
	switch p.part {
	case 1:
		r.Categories = append(r.Categories, p.key)
	case 2:
		pt, err := geo.LonLat(p.lon, p.lat)
		if err != nil {
			return // the table's checks make this unreachable; never index a bad point
		}
		r.Venues = append(r.Venues, SearchVenue{LocationID: p.key, Point: pt, Accessibility: strings.Fields(p.a)})
	case 3:
		r.Sessions = append(r.Sessions, SearchSession{Freq: p.a, ByDay: strings.Fields(p.b), OpensAt: p.c, ClosesAt: p.d})
	}
}

// termIndex maps a category code to its name and parent code.
type termIndex map[string]struct{ name, parent string }

func (s *Store) termIndex(ctx context.Context) (termIndex, error) {
	const q = `SELECT t.code, t.name, COALESCE(p.code, '') AS parent
FROM taxonomy_terms t LEFT JOIN taxonomy_terms p ON p.id = t.parent_id`
	var rows []struct {
		Code   string `db:"code"`
		Name   string `db:"name"`
		Parent string `db:"parent"`
	}
	if err := s.db.SelectContext(ctx, &rows, q); err != nil {
		return nil, postgres.MapError(err)
	}
	idx := termIndex{}
	for _, r := range rows {
		idx[r.Code] = struct{ name, parent string }{r.Name, r.Parent}
	}
	return idx, nil
}

// withAncestors returns codes plus every ancestor's code, and their names.
func (t termIndex) withAncestors(codes []string) ([]string, []string) {
	seen := map[string]bool{}
	for _, c := range codes {
		for depth := 0; c != "" && !seen[c] && depth < 16; depth++ {
			seen[c] = true
			c = t[c].parent
		}
	}
	out := make([]string, 0, len(seen))
	for c := range seen {
		out = append(out, c)
	}
	sort.Strings(out)
	names := make([]string, len(out))
	for i, c := range out {
		names[i] = t[c].name
	}
	return out, names
}
