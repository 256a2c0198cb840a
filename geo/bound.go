package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// Bound is a longitude/latitude box. It exists for the cheap first cut of a
// radius search (an index range scan, or a comparison per row) before the
// exact DistanceKm check; on its own it over-selects the corners.
type Bound struct {
	MinLon, MinLat, MaxLon, MaxLat float64
}

// Contains reports whether p lies in the box, edges included.
func (b Bound) Contains(p Point) bool {
	return p.Lon() >= b.MinLon && p.Lon() <= b.MaxLon && p.Lat() >= b.MinLat && p.Lat() <= b.MaxLat
}

// Orb returns the box as an orb.Bound.
func (b Bound) Orb() orb.Bound {
	return orb.Bound{Min: orb.Point{b.MinLon, b.MinLat}, Max: orb.Point{b.MaxLon, b.MaxLat}}
}

// BoundKm returns a box holding every point within km of p (by DistanceKm).
// It is always a superset, never a subset, because a filter that drops a
// real match is a silent bug while an extra candidate only costs one
// distance check. So the longitude half-width uses the spherical-cap formula
// (not km/cos(lat), which is too narrow away from the centre latitude), and a
// box that would reach a pole or cross the antimeridian widens to all
// longitudes instead of wrapping. km that is not positive gives the point's
// own degenerate box.
func BoundKm(p Point, km float64) Bound {
	if !(km > 0) {
		return Bound{p.Lon(), p.Lat(), p.Lon(), p.Lat()}
	}
	// Pad by a part in a billion so that rounding cannot leave a point at
	// exactly km outside.
	r := km / meanEarthRadiusKm * (1 + 1e-9)
	if r >= math.Pi {
		return Bound{-180, -90, 180, 90}
	}
	lat := radians(p.Lat())
	minLat, maxLat := lat-r, lat+r
	if minLat <= -math.Pi/2 || maxLat >= math.Pi/2 {
		return Bound{-180, degrees(max(minLat, -math.Pi/2)), 180, degrees(min(maxLat, math.Pi/2))}
	}
	dLon := degrees(math.Asin(math.Sin(r) / math.Cos(lat)))
	minLon, maxLon := p.Lon()-dLon, p.Lon()+dLon
	if minLon < -180 || maxLon > 180 {
		minLon, maxLon = -180, 180
	}
	return Bound{minLon, degrees(minLat), maxLon, degrees(maxLat)}
}
