package geo

import (
	"math/rand/v2"
	"sort"
	"testing"
)

// The grid must return exactly what a scan of every point returns.
func TestGridWithinMatchesScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var pts []Point
	g := NewGrid(2)
	for i := range 5000 {
		p := MustLonLat(-2.5+rng.Float64()*2, 54+rng.Float64()*1.5)
		pts = append(pts, p)
		g.Add(int32(i), p)
	}
	g.Remove(7, pts[7])
	for _, km := range []float64{0.5, 2, 5, 10, 25, 50} {
		center := MustLonLat(-1.4, 54.9)
		var got, want []int
		g.Within(center, km, func(id int32, _ float64) { got = append(got, int(id)) })
		for i, p := range pts {
			if i != 7 && DistanceKm(center, p) <= km {
				want = append(want, i)
			}
		}
		sort.Ints(got)
		if len(got) != len(want) {
			t.Fatalf("%g km: grid found %d, scan %d", km, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%g km: grid and scan differ at %d", km, i)
			}
		}
	}
}

func TestCellsCoveringHoldsEveryPointInRange(t *testing.T) {
	center := MustLonLat(-1.38, 54.9)
	cells := map[Cell]bool{}
	for _, c := range CellsCovering(BoundKm(center, 5), 1) {
		cells[c] = true
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		p := MustLonLat(-1.38+(rng.Float64()-0.5)*0.2, 54.9+(rng.Float64()-0.5)*0.1)
		if DistanceKm(center, p) <= 5 && !cells[CellOf(p, 1)] {
			t.Fatalf("%v is within 5 km but its cell is not covered", p)
		}
	}
}

func BenchmarkGridWithin5km(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	g := NewGrid(2)
	for i := range 100000 {
		g.Add(int32(i), MustLonLat(-5.5+rng.Float64()*7, 50+rng.Float64()*5.5))
	}
	center := MustLonLat(-1.4, 54.9)
	b.ResetTimer()
	for b.Loop() {
		n := 0
		g.Within(center, 5, func(int32, float64) { n++ })
	}
}

// Every point in range is in one of the squares, and every square's bounds
// hold for each of its points.
func TestSquaresNearBoundEveryPoint(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	g := NewGrid(2)
	var pts []Point
	for i := range 20000 {
		p := MustLonLat(-3+rng.Float64()*3, 53.5+rng.Float64()*2)
		pts = append(pts, p)
		g.Add(int32(i), p)
	}
	center := MustLonLat(-1.5, 54.5)
	for _, km := range []float64{1, 5, 25, 50} {
		seen := map[int32]bool{}
		squares := g.AppendSquaresNear(nil, center, km)
		NearestFirst(squares)
		for last := 0.0; len(squares) > 0; {
			var sq Square
			sq, squares = NextNearest(squares)
			if sq.MinKm < last {
				t.Fatalf("%g km: squares not nearest first", km)
			}
			last = sq.MinKm
			sq.Each(func(id int32, p Point) {
				seen[id] = true
				if d := DistanceKm(center, p); d < sq.MinKm || d > sq.MaxKm {
					t.Fatalf("%g km: point at %g km in a square bounded %g-%g", km, d, sq.MinKm, sq.MaxKm)
				}
			})
		}
		for i, p := range pts {
			if DistanceKm(center, p) <= km && !seen[int32(i)] {
				t.Fatalf("%g km: point %d in range but in no square", km, i)
			}
		}
	}
}

// A square keeps its number while its points come and go, so that callers
// can keep their own facts per square number.
func TestGridSquaresKeepTheirNumbers(t *testing.T) {
	g := NewGrid(2)
	a, b := MustLonLat(-1.5, 54.5), MustLonLat(-1.5001, 54.5001) // one square
	far := MustLonLat(-2.5, 53.5)
	n := g.Add(1, a)
	if got := g.Add(2, b); got != n {
		t.Fatalf("second point in the square got number %d, want %d", got, n)
	}
	if got := g.Add(3, far); got == n {
		t.Fatalf("a far square got the same number %d", got)
	}
	g.Remove(1, a)
	g.Remove(2, b)
	if got := g.Add(4, a); got != n {
		t.Fatalf("emptied square came back as %d, want %d", got, n)
	}
	if got := g.Add(5, MustLonLat(-3.5, 52.5)); got != 2 {
		t.Fatalf("a third square got number %d, want 2", got)
	}
	var ids []int32
	g.Within(a, 1, func(id int32, _ float64) { ids = append(ids, id) })
	if len(ids) != 1 || ids[0] != 4 {
		t.Fatalf("within 1 km: %v, want [4]", ids)
	}
}
