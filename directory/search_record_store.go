package directory

import (
	"context"
	"database/sql"
	"sort"
	"strings"

	"github.com/lib/pq"

	"kith/geo"
	"kith/postgres"
)

// searchSelect reads what the index needs of every findable listing:
// published, active, and from a published organisation. Sessions that have
// ended are left out. Venues and sessions come as arrays, a column per
// field: a JSON object per venue and session, decoded by reflection, was
// most of the Go work of reading 100,000 listings for a rebuild.
const searchSelect = `
SELECT s.id, s.organisation_id, s.name, s.description, o.name AS organisation, s.free,
       s.min_age, s.max_age, s.delivery_modes, s.updated_at,
       c.maximum, COALESCE(c.held, 0) AS held, COALESCE(c.paused, false) AS paused, c.resume_on,
       ARRAY(SELECT t.code FROM service_categories sc JOIN taxonomy_terms t ON t.id = sc.term_id
             WHERE sc.service_id = s.id) AS codes,
       v.ids, v.lons, v.lats, v.access, x.freq, x.byday, x.opens, x.closes
FROM services s JOIN organisations o ON o.id = s.organisation_id
LEFT JOIN service_capacity c ON c.service_id = s.id
LEFT JOIN LATERAL ( -- the aggregates of a group see its rows in the same order
    SELECT array_agg(l.id) AS ids, array_agg(l.lon) AS lons, array_agg(l.lat) AS lats,
           array_agg(array_to_string(l.accessibility, ' ')) AS access
    FROM service_at_location sal JOIN locations l ON l.id = sal.location_id
    WHERE sal.service_id = s.id AND l.lon IS NOT NULL) v ON true
LEFT JOIN LATERAL (
    SELECT array_agg(x.freq) AS freq, array_agg(array_to_string(x.byday, ' ')) AS byday,
           array_agg(to_char(x.opens_at, 'HH24:MI')) AS opens, array_agg(to_char(x.closes_at, 'HH24:MI')) AS closes
    FROM schedules x WHERE x.service_id = s.id AND (x.valid_to IS NULL OR x.valid_to >= current_date)) x ON true
WHERE s.published AND s.status = 'active' AND o.published`

// SearchRecords returns the records of the given services that are findable;
// an id missing from the answer is one search must forget.
func (s *Store) SearchRecords(ctx context.Context, ids []string) ([]SearchRecord, error) {
	terms, err := s.termIndex(ctx)
	if err != nil {
		return nil, err
	}
	return s.searchRecords(ctx, terms, searchSelect+` AND s.id = ANY($1::uuid[])`, pq.Array(ids))
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
// order, for building an index from scratch.
func (s *Store) EachSearchRecord(ctx context.Context, size int, fn func([]SearchRecord) error) error {
	const q = searchSelect + ` AND s.id > $1::uuid ORDER BY s.id LIMIT $2`
	terms, err := s.termIndex(ctx)
	if err != nil {
		return err
	}
	after := "00000000-0000-0000-0000-000000000000"
	for {
		page, err := s.searchRecords(ctx, terms, q, after, size)
		if err != nil || len(page) == 0 {
			return err
		}
		if err := fn(page); err != nil {
			return err
		}
		after = page[len(page)-1].ServiceID
	}
}

func (s *Store) searchRecords(ctx context.Context, terms termIndex, q string, args ...any) ([]SearchRecord, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, postgres.MapError(err)
	}
	defer rows.Close()
	var out []SearchRecord
	for rows.Next() {
		rec, err := scanSearchRecord(rows, terms)
		if err != nil {
			return nil, postgres.MapError(err)
		}
		out = append(out, rec)
	}
	return out, postgres.MapError(rows.Err())
}

// scanSearchRecord reads one row of searchSelect.
func scanSearchRecord(rows *sql.Rows, terms termIndex) (SearchRecord, error) {
	var r SearchRecord
	var updated sql.NullTime
	var codes, venueIDs, access, freq, byday, opens, closes pq.StringArray
	var lons, lats pq.Float64Array
	cp := &r.Capacity
	err := rows.Scan(&r.ServiceID, &r.OrgID, &r.Name, &r.Description, &r.Organisation, &r.Free,
		&r.MinAge, &r.MaxAge, (*pq.StringArray)(&r.Delivery), &updated,
		&cp.Maximum, &cp.Held, &cp.Paused, &cp.ResumeOn, &codes,
		&venueIDs, &lons, &lats, &access, &freq, &byday, &opens, &closes)
	if err != nil {
		return r, err
	}
	r.Delivery, r.UpdatedAt, cp.ServiceID = nonNil(r.Delivery), updated.Time, r.ServiceID
	r.Categories, r.CategoryNames = terms.withAncestors(codes)
	for i := range venueIDs {
		p, err := geo.LonLat(lons[i], lats[i])
		if err != nil {
			continue // the table's checks make this unreachable; never index a bad point
		}
		r.Venues = append(r.Venues, SearchVenue{LocationID: venueIDs[i], Point: p, Accessibility: strings.Fields(access[i])})
	}
	r.Sessions = make([]SearchSession, len(freq))
	for i := range freq {
		r.Sessions[i] = SearchSession{Freq: freq[i], ByDay: strings.Fields(byday[i]), OpensAt: opens[i], ClosesAt: closes[i]}
	}
	return r, nil
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
