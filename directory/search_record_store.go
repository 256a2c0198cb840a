package directory

import (
	"context"
	"database/sql"
	"sort"
	"time"

	"github.com/lib/pq"

	"kith/geo"
	"kith/postgres"
)

type searchRow struct {
	ServiceID    string                          `db:"id"`
	OrgID        string                          `db:"organisation_id"`
	Name         string                          `db:"name"`
	Description  string                          `db:"description"`
	Organisation string                          `db:"organisation"`
	Free         bool                            `db:"free"`
	MinAge       *int                            `db:"min_age"`
	MaxAge       *int                            `db:"max_age"`
	Delivery     pq.StringArray                  `db:"delivery_modes"`
	UpdatedAt    sql.NullTime                    `db:"updated_at"`
	Codes        pq.StringArray                  `db:"codes"`
	Venues       postgres.JSON[[]searchVenueRow] `db:"venues"`
	Sessions     postgres.JSON[[]SearchSession]  `db:"sessions"`
	Maximum      *int                            `db:"maximum"`
	Held         int                             `db:"held"`
	Paused       bool                            `db:"paused"`
	ResumeOn     *time.Time                      `db:"resume_on"`
}

type searchVenueRow struct {
	LocationID    string   `json:"location_id"`
	Lon           float64  `json:"lon"`
	Lat           float64  `json:"lat"`
	Accessibility []string `json:"accessibility"`
}

// searchSelect reads what the index needs of every findable listing:
// published, active, and from a published organisation. Sessions that have
// ended are left out.
const searchSelect = `
SELECT s.id, s.organisation_id, s.name, s.description, o.name AS organisation, s.free,
       s.min_age, s.max_age, s.delivery_modes, s.updated_at,
       c.maximum, COALESCE(c.held, 0) AS held, COALESCE(c.paused, false) AS paused, c.resume_on,
       ARRAY(SELECT t.code FROM service_categories sc JOIN taxonomy_terms t ON t.id = sc.term_id
             WHERE sc.service_id = s.id) AS codes,
       COALESCE((SELECT json_agg(json_build_object('location_id', l.id, 'lon', l.lon, 'lat', l.lat,
                 'accessibility', l.accessibility))
                 FROM service_at_location sal JOIN locations l ON l.id = sal.location_id
                 WHERE sal.service_id = s.id AND l.lon IS NOT NULL), '[]') AS venues,
       COALESCE((SELECT json_agg(json_build_object('Freq', x.freq, 'ByDay', x.byday,
                 'OpensAt', to_char(x.opens_at, 'HH24:MI'), 'ClosesAt', to_char(x.closes_at, 'HH24:MI')))
                 FROM schedules x WHERE x.service_id = s.id
                 AND (x.valid_to IS NULL OR x.valid_to >= current_date)), '[]') AS sessions
FROM services s JOIN organisations o ON o.id = s.organisation_id
LEFT JOIN service_capacity c ON c.service_id = s.id
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
	var rows []searchRow
	if err := s.db.SelectContext(ctx, &rows, q, args...); err != nil {
		return nil, postgres.MapError(err)
	}
	out := make([]SearchRecord, len(rows))
	for i, r := range rows {
		out[i] = r.record(terms)
	}
	return out, nil
}

func (r searchRow) record(terms termIndex) SearchRecord {
	rec := SearchRecord{
		ServiceID: r.ServiceID, OrgID: r.OrgID, Name: r.Name, Description: r.Description,
		Organisation: r.Organisation, Free: r.Free, MinAge: r.MinAge, MaxAge: r.MaxAge,
		Delivery: nonNil(r.Delivery), UpdatedAt: r.UpdatedAt.Time, Sessions: nonNil(r.Sessions.V),
		Capacity: Capacity{ServiceID: r.ServiceID, Maximum: r.Maximum, Held: r.Held, Paused: r.Paused, ResumeOn: r.ResumeOn},
	}
	rec.Categories, rec.CategoryNames = terms.withAncestors(r.Codes)
	for _, v := range r.Venues.V {
		p, err := geo.LonLat(v.Lon, v.Lat)
		if err != nil {
			continue // the table's checks make this unreachable; never index a bad point
		}
		rec.Venues = append(rec.Venues, SearchVenue{LocationID: v.LocationID, Point: p, Accessibility: nonNil(v.Accessibility)})
	}
	return rec
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
