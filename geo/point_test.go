package geo_test

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"kith/geo"
)

func TestLonLat(t *testing.T) {
	tests := []struct {
		name     string
		lon, lat float64
		ok       bool
	}{
		{"sunderland", -1.382, 54.906, true},
		{"origin", 0, 0, true},
		{"corners", 180, -90, true},
		{"other corner", -180, 90, true},
		{"lat too big", 0, 90.0001, false},
		{"lat too small", 0, -91, false},
		{"lon too big", 180.5, 0, false},
		{"swapped by mistake", 54.906, -1.382, true}, // in range: cannot be caught here
		{"NaN lon", math.NaN(), 0, false},
		{"NaN lat", 0, math.NaN(), false},
		{"Inf lat", 0, math.Inf(1), false},
		{"-Inf lon", math.Inf(-1), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := geo.LonLat(tt.lon, tt.lat)
			if tt.ok != (err == nil) {
				t.Fatalf("LonLat(%v, %v) error = %v, want ok=%v", tt.lon, tt.lat, err, tt.ok)
			}
			if !tt.ok {
				if !errors.Is(err, geo.ErrBadCoordinates) {
					t.Errorf("error %v is not ErrBadCoordinates", err)
				}
				return
			}
			if p.Lon() != tt.lon || p.Lat() != tt.lat || p.Orb()[0] != tt.lon || p.Orb()[1] != tt.lat {
				t.Errorf("got lon=%v lat=%v orb=%v", p.Lon(), p.Lat(), p.Orb())
			}
		})
	}
}

func TestMustLonLatPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustLonLat(0, 100) did not panic")
		}
	}()
	geo.MustLonLat(0, 100)
}

var (
	sunderland = geo.MustLonLat(-1.3833, 54.9061) // city centre
	newcastle  = geo.MustLonLat(-1.6178, 54.9783) // city centre
	london     = geo.MustLonLat(-0.1276, 51.5072)
	edinburgh  = geo.MustLonLat(-3.1883, 55.9533)
)

func TestDistanceKm(t *testing.T) {
	tests := []struct {
		name      string
		a, b      geo.Point
		want, tol float64
	}{
		{"Sunderland–Newcastle", sunderland, newcastle, 17, 2},
		{"London–Edinburgh", london, edinburgh, 534, 3},
		{"same point", sunderland, sunderland, 0, 1e-9},
		{"one degree of latitude", geo.MustLonLat(0, 0), geo.MustLonLat(0, 1), 111.19, 0.01},
		{"antipodes", geo.MustLonLat(0, 0), geo.MustLonLat(180, 0), math.Pi * 6371.0088, 1e-6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := geo.DistanceKm(tt.a, tt.b)
			if math.Abs(got-tt.want) > tt.tol {
				t.Errorf("DistanceKm = %.3f, want %.3f ± %v", got, tt.want, tt.tol)
			}
			if back := geo.DistanceKm(tt.b, tt.a); math.Abs(back-got) > 1e-9 {
				t.Errorf("not symmetric: %v vs %v", got, back)
			}
		})
	}
}

func TestBoundKmIsASuperset(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	centres := []geo.Point{sunderland, geo.MustLonLat(-5.7, 50.07), geo.MustLonLat(1.76, 52.47), geo.MustLonLat(20, 70)}
	for _, c := range centres {
		for _, km := range []float64{0.5, 5, 25, 100} {
			b := geo.BoundKm(c, km)
			if !b.Contains(c) {
				t.Fatalf("BoundKm(%v, %v) = %+v misses its own centre", c, km, b)
			}
			for range 2000 {
				p := randomNear(rng, c, km)
				if geo.DistanceKm(c, p) <= km && !b.Contains(p) {
					t.Fatalf("BoundKm(%v, %v) = %+v misses %v at %.4f km", c.Orb(), km, b, p.Orb(), geo.DistanceKm(c, p))
				}
			}
		}
	}
}

// randomNear draws points from a box a little larger than the circle, so
// that many land just inside and just outside its edge.
func randomNear(rng *rand.Rand, c geo.Point, km float64) geo.Point {
	dLat := km / 111 * 1.2
	dLon := dLat / math.Cos(c.Lat()*math.Pi/180)
	lat := math.Max(-90, math.Min(90, c.Lat()+(rng.Float64()*2-1)*dLat))
	lon := math.Max(-180, math.Min(180, c.Lon()+(rng.Float64()*2-1)*dLon))
	return geo.MustLonLat(lon, lat)
}

func TestBoundKmEdges(t *testing.T) {
	tests := []struct {
		name string
		p    geo.Point
		km   float64
		want geo.Bound
	}{
		{"zero radius", sunderland, 0, geo.Bound{MinLon: -1.3833, MinLat: 54.9061, MaxLon: -1.3833, MaxLat: 54.9061}},
		{"negative radius", sunderland, -5, geo.Bound{MinLon: -1.3833, MinLat: 54.9061, MaxLon: -1.3833, MaxLat: 54.9061}},
		{"NaN radius", sunderland, math.NaN(), geo.Bound{MinLon: -1.3833, MinLat: 54.9061, MaxLon: -1.3833, MaxLat: 54.9061}},
		{"whole world", sunderland, math.Inf(1), geo.Bound{MinLon: -180, MinLat: -90, MaxLon: 180, MaxLat: 90}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := geo.BoundKm(tt.p, tt.km); got != tt.want {
				t.Errorf("BoundKm = %+v, want %+v", got, tt.want)
			}
		})
	}
	pole := geo.BoundKm(geo.MustLonLat(10, 89.9), 50)
	if pole.MinLon != -180 || pole.MaxLon != 180 || pole.MaxLat != 90 {
		t.Errorf("near the pole: %+v, want all longitudes up to 90", pole)
	}
	dateline := geo.BoundKm(geo.MustLonLat(179.99, 0), 10)
	if dateline.MinLon != -180 || dateline.MaxLon != 180 {
		t.Errorf("across the antimeridian: %+v, want all longitudes", dateline)
	}
	if o := geo.BoundKm(sunderland, 10).Orb(); !o.Contains(sunderland.Orb()) {
		t.Errorf("Orb() bound %v misses the centre", o)
	}
}

func TestPointJSON(t *testing.T) {
	b, err := json.Marshal(struct{ At geo.Point }{sunderland})
	if err != nil || string(b) != `{"At":{"lon":-1.3833,"lat":54.9061}}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	var back struct{ At geo.Point }
	if err := json.Unmarshal(b, &back); err != nil || back.At != sunderland {
		t.Fatalf("Unmarshal(%s) = %v, %v", b, back.At.Orb(), err)
	}
	for _, bad := range []string{`{"lon":0}`, `{"lat":0}`, `{"lon":0,"lat":91}`, `[0,0]`, `{"lon":"x","lat":0}`} {
		var p geo.Point
		if err := json.Unmarshal([]byte(bad), &p); !errors.Is(err, geo.ErrBadCoordinates) {
			t.Errorf("Unmarshal(%s) error = %v, want ErrBadCoordinates", bad, err)
		}
	}
	p := sunderland
	if err := json.Unmarshal([]byte("null"), &p); err != nil || p != sunderland {
		t.Errorf("Unmarshal(null) changed the point to %v, %v", p.Orb(), err)
	}
}
