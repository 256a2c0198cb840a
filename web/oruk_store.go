package web

import (
	"context"
	"time"

	"github.com/lib/pq"

	"kith/directory"
	"kith/postgres"
)

// feedStore reads the ORUK feed's pages. The feed is a read model of its
// own: its filters (ages, days, times, distance from a postcode, area
// coverage) exist nowhere else, and each list page is one query with its
// total counted by COUNT(*) OVER (), so it lives beside the feed rather
// than in directory.
type feedStore struct{ db *postgres.DB }

func (s *server) feed() feedStore { return feedStore{db: s.dir.DB()} }

// feedVisible is what the feed publishes, as anonymous callers see the
// directory: published listings of published organisations, less those
// that have closed for good.
const feedVisible = `s.published AND o.published AND s.status <> 'defunct'`

// feedFilters narrows by the ORUK parameters $1–$11; an empty or NULL one
// does not narrow. A term matches its own services and its children's;
// times and days match any session still running.
const feedFilters = `
  AND ($1 = '' OR s.id = NULLIF($1, '')::uuid)
  AND ($2 = '' OR s.organisation_id = NULLIF($2, '')::uuid)
  AND NOT EXISTS (SELECT 1 FROM unnest($3::text[]) w
                  WHERE concat_ws(' ', s.name, s.description, o.name) NOT ILIKE '%' || w || '%')
  AND ($4 = '' OR EXISTS (SELECT 1 FROM service_categories sc JOIN taxonomy_terms t ON t.id = sc.term_id
                          WHERE sc.service_id = s.id AND NULLIF($4, '')::uuid IN (t.id, t.parent_id)))
  AND ($5 = '' OR EXISTS (SELECT 1 FROM service_categories sc JOIN taxonomy_terms t ON t.id = sc.term_id
                          WHERE sc.service_id = s.id AND t.taxonomy_id = NULLIF($5, '')::uuid))
  AND ($6::timestamptz IS NULL OR s.updated_at >= $6::timestamptz)
  AND ($7::float8 IS NULL OR COALESCE(s.min_age, 0) >= $7::float8)
  AND ($8::float8 IS NULL OR COALESCE(s.max_age, 130) <= $8::float8)
  AND ($9 = '' AND $10 = '' AND $11 = '' OR EXISTS (
      SELECT 1 FROM schedules x WHERE x.service_id = s.id
        AND (x.valid_to IS NULL OR x.valid_to >= current_date)
        AND ($9 = '' OR EXISTS (SELECT 1 FROM unnest(x.byday) d WHERE right(d, 2) = $9))
        AND ($10 = '' OR x.opens_at >= NULLIF($10, '')::time)
        AND ($11 = '' OR x.closes_at <= NULLIF($11, '')::time)))`

// publicPoint is where a venue l may be said to be: a hidden address only
// to two decimal places, as the directory shows it, so that distances
// cannot be used to close in on it.
const publicPoint = `
CROSS JOIN LATERAL (SELECT CASE WHEN l.hide_address THEN round(l.lat::numeric, 2)::float8 ELSE l.lat END AS lat,
                           CASE WHEN l.hide_address THEN round(l.lon::numeric, 2)::float8 ELSE l.lon END AS lon) p`

// withinReach holds when the venue's public point is within $14 metres of
// ($12, $13), by the haversine formula on the mean Earth radius.
const withinReach = `p.lat IS NOT NULL AND 12742017.6 * asin(least(1, sqrt(
    power(sin(radians(p.lat - $12::float8) / 2), 2) +
    cos(radians($12::float8)) * cos(radians(p.lat)) * power(sin(radians(p.lon - $13::float8) / 2), 2)))) <= $14::float8`

// filterArgs are $1–$11 of feedFilters.
func (f feedQuery) filterArgs() []any {
	var after *time.Time
	if f.modifiedAfter != nil {
		t := f.modifiedAfter.UTC()
		after = &t
	}
	return []any{f.serviceID, f.orgID, pq.Array(f.words), f.termID, f.taxonomyID, after,
		f.minAge, f.maxAge, f.day, f.startTime, f.endTime}
}

// nearArgs are $12–$14: the postcode's point and the reach, NULL when the
// query names no postcode.
func (f feedQuery) nearArgs() []any {
	if f.near == nil {
		return []any{nil, nil, nil}
	}
	return []any{f.near.Point.Lat(), f.near.Point.Lon(), f.proximity}
}

// feedService is a listing's own fields and its organisation's: one row of
// a page of services.
type feedService struct {
	ID              string    `db:"id"`
	OrganisationID  string    `db:"organisation_id"`
	Name            string    `db:"name"`
	AlternateName   string    `db:"alternate_name"`
	Description     string    `db:"description"`
	URL             string    `db:"url"`
	Email           string    `db:"email"`
	Status          string    `db:"status"`
	MinAge          *int      `db:"min_age"`
	MaxAge          *int      `db:"max_age"`
	Eligibility     string    `db:"eligibility"`
	Free            bool      `db:"free"`
	FeesDescription string    `db:"fees_description"`
	UpdatedAt       time.Time `db:"updated_at"`
	OrgName         string    `db:"org_name"`
	OrgDescription  string    `db:"org_description"`
	OrgEmail        string    `db:"org_email"`
	OrgURL          string    `db:"org_url"`
	Total           int       `db:"total"`
}

func (r feedService) count() int { return r.Total }

const feedServiceColumns = `
s.id, s.organisation_id, s.name, s.alternate_name, s.description, s.url, s.email, s.status, s.min_age,
s.max_age, s.eligibility, s.free, s.fees_description, s.updated_at, o.name AS org_name,
o.description AS org_description, o.email AS org_email, o.url AS org_url, COUNT(*) OVER () AS total`

// serviceFrom filters services; near a postcode, a service is in reach
// when one of its venues is, or when it covers the postcode's local
// authority ($15) as a service area.
const serviceFrom = `
FROM services s JOIN organisations o ON o.id = s.organisation_id
WHERE ` + feedVisible + feedFilters + `
  AND ($12::float8 IS NULL
       OR EXISTS (SELECT 1 FROM service_at_location x JOIN locations l ON l.id = x.location_id ` + publicPoint + `
                  WHERE x.service_id = s.id AND ` + withinReach + `)
       OR EXISTS (SELECT 1 FROM service_areas a WHERE a.service_id = s.id AND a.area_code = ANY($15::text[])))`

// services returns one page of listings by name.
func (st feedStore) services(ctx context.Context, f feedQuery) ([]feedService, int, error) {
	const q = `SELECT` + feedServiceColumns + serviceFrom + ` ORDER BY s.name, s.id LIMIT $16 OFFSET $17`
	const count = `SELECT count(*)` + serviceFrom
	args := append(append(f.filterArgs(), f.nearArgs()...), pq.Array(localAuthorities(f)))
	return selectPage[feedService](ctx, st.db, q, count, args, f.perPage, f.offset())
}

// feedLink is a service at a location: the venue's fields and the
// service's, one row of a page of service_at_locations.
type feedLink struct {
	LinkID        string         `db:"link_id"`
	LocationID    string         `db:"location_id"`
	LocName       string         `db:"location_name"`
	LocDesc       string         `db:"location_description"`
	Address1      string         `db:"address_1"`
	Address2      string         `db:"address_2"`
	City          string         `db:"city"`
	Region        string         `db:"region"`
	Postcode      string         `db:"postcode"`
	Country       string         `db:"country"`
	Lon           *float64       `db:"lon"`
	Lat           *float64       `db:"lat"`
	HideAddress   bool           `db:"hide_address"`
	Accessibility pq.StringArray `db:"accessibility"`
	Transport     string         `db:"transport"`
	feedService
}

func (r feedLink) location() directory.Location {
	return directory.Location{ID: r.LocationID, Name: r.LocName, Description: r.LocDesc, Address1: r.Address1,
		Address2: r.Address2, City: r.City, Region: r.Region, Postcode: r.Postcode, Country: r.Country,
		Lon: r.Lon, Lat: r.Lat, HideAddress: r.HideAddress, Accessibility: r.Accessibility, Transport: r.Transport}
}

// linkFrom filters services at locations: near a postcode, by the venue's
// own distance; $15 picks one link by id.
const linkFrom = `
FROM service_at_location x JOIN locations l ON l.id = x.location_id ` + publicPoint + `
JOIN services s ON s.id = x.service_id JOIN organisations o ON o.id = s.organisation_id
WHERE ` + feedVisible + feedFilters + `
  AND ($12::float8 IS NULL OR ` + withinReach + `)
  AND ($15 = '' OR x.id = NULLIF($15, '')::uuid)`

// links returns one page of services at locations, by service then venue.
func (st feedStore) links(ctx context.Context, f feedQuery, linkID string) ([]feedLink, int, error) {
	const q = `
SELECT x.id AS link_id, l.id AS location_id, l.name AS location_name, l.description AS location_description,
       l.address_1, l.address_2, l.city, l.region, l.postcode, l.country, l.lon, l.lat, l.hide_address,
       l.accessibility, l.transport,` + feedServiceColumns + linkFrom + `
ORDER BY s.name, s.id, l.name, x.id LIMIT $16 OFFSET $17`
	const count = `SELECT count(*)` + linkFrom
	args := append(append(f.filterArgs(), f.nearArgs()...), linkID)
	return selectPage[feedLink](ctx, st.db, q, count, args, f.perPage, f.offset())
}

// linkIDs maps each of the services' venues to the id of the link between
// them, which service_at_locations are known by.
func (st feedStore) linkIDs(ctx context.Context, serviceIDs []string) (map[[2]string]string, error) {
	const q = `SELECT id, service_id, location_id FROM service_at_location WHERE service_id = ANY($1::uuid[])`
	var rows []struct {
		ID         string `db:"id"`
		ServiceID  string `db:"service_id"`
		LocationID string `db:"location_id"`
	}
	if err := st.db.SelectContext(ctx, &rows, q, pq.Array(serviceIDs)); err != nil {
		return nil, postgres.MapError(err)
	}
	out := make(map[[2]string]string, len(rows))
	for _, r := range rows {
		out[[2]string{r.ServiceID, r.LocationID}] = r.ID
	}
	return out, nil
}

// feedTaxonomy is a taxonomy as a page row.
type feedTaxonomy struct {
	directory.Taxonomy
	Total int `db:"total"`
}

func (r feedTaxonomy) count() int { return r.Total }

// taxonomies returns one page of vocabularies by name; id picks one.
func (st feedStore) taxonomies(ctx context.Context, f feedQuery, id string) ([]feedTaxonomy, int, error) {
	const from = ` FROM taxonomies WHERE ($1 = '' OR id = NULLIF($1, '')::uuid)`
	const q = `SELECT id, name, description, uri, version, COUNT(*) OVER () AS total` + from +
		` ORDER BY name, id LIMIT $2 OFFSET $3`
	return selectPage[feedTaxonomy](ctx, st.db, q, `SELECT count(*)`+from, []any{id}, f.perPage, f.offset())
}

// feedTerm is a taxonomy term with its vocabulary's name and address.
type feedTerm struct {
	directory.Term
	TaxonomyName string `db:"taxonomy_name"`
	TaxonomyURI  string `db:"taxonomy_uri"`
	Total        int    `db:"total"`
}

func (r feedTerm) count() int { return r.Total }

// termFrom filters terms: one by id ($1), by taxonomy ($2), by parent ($3),
// or only those at the top ($4).
const termFrom = `
FROM taxonomy_terms t JOIN taxonomies v ON v.id = t.taxonomy_id
WHERE ($1 = '' OR t.id = NULLIF($1, '')::uuid)
  AND ($2 = '' OR t.taxonomy_id = NULLIF($2, '')::uuid)
  AND ($3 = '' OR t.parent_id = NULLIF($3, '')::uuid)
  AND (NOT $4 OR t.parent_id IS NULL)`

// terms returns one page of taxonomy terms, parents before their children.
func (st feedStore) terms(ctx context.Context, f feedQuery, id string) ([]feedTerm, int, error) {
	const q = `
SELECT t.id, t.taxonomy_id, t.parent_id, t.code, t.name, t.description, v.name AS taxonomy_name,
       v.uri AS taxonomy_uri, COUNT(*) OVER () AS total` + termFrom + `
ORDER BY t.parent_id IS NOT NULL, t.name, t.id LIMIT $5 OFFSET $6`
	args := []any{id, f.taxonomyID, f.parentID, f.topOnly}
	return selectPage[feedTerm](ctx, st.db, q, `SELECT count(*)`+termFrom, args, f.perPage, f.offset())
}

// counted is a page row that carries its query's COUNT(*) OVER ().
type counted interface{ count() int }

// selectPage runs a page query (args, then limit and offset) and returns
// its rows and the total. Past the last page the window has no rows to
// carry the total, so countQ counts instead.
func selectPage[T counted](ctx context.Context, db *postgres.DB, q, countQ string, args []any, limit, offset int) ([]T, int, error) {
	var rows []T
	if err := db.SelectContext(ctx, &rows, q, append(args, limit, offset)...); err != nil {
		return nil, 0, postgres.MapError(err)
	}
	if len(rows) > 0 {
		return rows, rows[0].count(), nil
	}
	total := 0
	if offset > 0 {
		if err := db.GetContext(ctx, &total, countQ, args...); err != nil {
			return nil, 0, postgres.MapError(err)
		}
	}
	return rows, total, nil
}
