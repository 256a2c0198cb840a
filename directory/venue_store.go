package directory

import (
	"context"

	"github.com/lib/pq"

	"kith/postgres"
)

// Venue is one place a listing meets, as a map marker.
type Venue struct {
	ServiceID string  `db:"service_id"`
	Name      string  `db:"name"`
	Lat       float64 `db:"lat"`
	Lon       float64 `db:"lon"`
}

// Venues returns the mapped venues of the given published listings, in
// order of listing and venue name. It is for maps of search results, so
// search cards stay light and only the page that draws a map pays for it.
// A venue whose address is hidden is placed to about a kilometre, as
// PublicView places it.
func (s *Store) Venues(ctx context.Context, serviceIDs []string) ([]Venue, error) {
	const q = `
SELECT sal.service_id, l.name, l.lat, l.lon, l.hide_address
FROM service_at_location sal
JOIN locations l ON l.id = sal.location_id
JOIN services s ON s.id = sal.service_id
WHERE sal.service_id = ANY($1::uuid[]) AND s.published AND l.lat IS NOT NULL
ORDER BY sal.service_id, l.name, l.id`
	var rows []struct {
		Venue
		Hide bool `db:"hide_address"`
	}
	if err := s.db.SelectContext(ctx, &rows, q, pq.Array(serviceIDs)); err != nil {
		return nil, postgres.MapError(err)
	}
	out := make([]Venue, len(rows))
	for i, r := range rows {
		out[i] = r.Venue
		if r.Hide {
			out[i].Lat, out[i].Lon = *roundCoord(&r.Lat), *roundCoord(&r.Lon)
		}
	}
	return out, nil
}
