package geo

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"github.com/paulmach/orb"
)

// Point is a WGS84 position. It wraps orb.Point, so the order is (lon, lat)
// like orb, GeoJSON and bleve; the fields are hidden so that the only way to
// get a Point is through a constructor that has checked it, and nobody can
// write Point{lat, lon} by habit. The zero value is (0, 0), a valid point.
type Point struct{ p orb.Point }

// LonLat builds a Point. The argument order is deliberately in the name: UK
// people say "lat, long", code here says lon first.
func LonLat(lon, lat float64) (Point, error) {
	switch {
	case math.IsNaN(lon) || math.IsInf(lon, 0):
		return Point{}, fmt.Errorf("%w: longitude is not a finite number", ErrBadCoordinates)
	case math.IsNaN(lat) || math.IsInf(lat, 0):
		return Point{}, fmt.Errorf("%w: latitude is not a finite number", ErrBadCoordinates)
	case lat < -90 || lat > 90:
		return Point{}, fmt.Errorf("%w: latitude %g is outside -90 to 90", ErrBadCoordinates, lat)
	case lon < -180 || lon > 180:
		return Point{}, fmt.Errorf("%w: longitude %g is outside -180 to 180", ErrBadCoordinates, lon)
	}
	return Point{orb.Point{lon, lat}}, nil
}

// MustLonLat is LonLat for constants in code and tests; it panics on a bad
// point, which there can only be a typo.
func MustLonLat(lon, lat float64) Point {
	p, err := LonLat(lon, lat)
	if err != nil {
		panic(err)
	}
	return p
}

// Lon returns the longitude in degrees.
func (p Point) Lon() float64 { return p.p[0] }

// Lat returns the latitude in degrees.
func (p Point) Lat() float64 { return p.p[1] }

// Orb returns the point as orb uses it, for geometry and GeoJSON.
func (p Point) Orb() orb.Point { return p.p }

// MarshalJSON writes {"lon":…,"lat":…}. Named fields, not a bare pair,
// because a bare pair is exactly where lat and lon get swapped; and without
// this the hidden fields would encode as {}.
func (p Point) MarshalJSON() ([]byte, error) {
	lon := strconv.FormatFloat(p.Lon(), 'f', -1, 64)
	lat := strconv.FormatFloat(p.Lat(), 'f', -1, 64)
	return []byte(`{"lon":` + lon + `,"lat":` + lat + `}`), nil
}

// UnmarshalJSON reads the same shape and checks it as LonLat does, so a
// Point from a request body is as trustworthy as one built in code.
func (p *Point) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil // encoding/json's convention: null leaves the value alone
	}
	var v struct {
		Lon *float64 `json:"lon"`
		Lat *float64 `json:"lat"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("%w: %v", ErrBadCoordinates, err)
	}
	if v.Lon == nil || v.Lat == nil {
		return fmt.Errorf("%w: a point needs both \"lon\" and \"lat\"", ErrBadCoordinates)
	}
	q, err := LonLat(*v.Lon, *v.Lat)
	if err == nil {
		*p = q
	}
	return err
}

// meanEarthRadiusKm is the IUGG mean radius. orb's haversine uses the
// equatorial radius, which reads about 0.1% long at UK latitudes; the mean
// radius halves that error, and people compare our distances with maps.
const meanEarthRadiusKm = 6371.0088

// DistanceKm is the great-circle (haversine) distance. Within the ~1,000 km
// of England its error against the ellipsoid is under 0.5%, which is far
// below the size of a postcode, so nothing costlier is warranted.
func DistanceKm(a, b Point) float64 {
	φ1, φ2 := radians(a.Lat()), radians(b.Lat())
	dφ, dλ := φ2-φ1, radians(b.Lon()-a.Lon())
	h := sq(math.Sin(dφ/2)) + math.Cos(φ1)*math.Cos(φ2)*sq(math.Sin(dλ/2))
	return 2 * meanEarthRadiusKm * math.Asin(math.Sqrt(min(h, 1)))
}

func radians(deg float64) float64 { return deg * math.Pi / 180 }
func degrees(rad float64) float64 { return rad * 180 / math.Pi }
func sq(x float64) float64        { return x * x }
