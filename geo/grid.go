package geo

import (
	"cmp"
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// Cells cut the map into fixed squares so that "what is near this point"
// becomes a lookup of a handful of cells instead of a scan of everything.
// Squares are sized in kilometres at England's middle latitude; further
// north or south they are a little narrower or wider, which costs a few
// extra candidates and never loses one, because covering always starts from
// a BoundKm superset.
const (
	kmPerDegLat = 110.574
	refLat      = 52.5
)

// Cell is one grid square at some size.
type Cell struct{ X, Y int32 }

func cellDegrees(sizeKm float64) (dLon, dLat float64) {
	dLat = sizeKm / kmPerDegLat
	dLon = sizeKm / (111.320 * math.Cos(radians(refLat)))
	return dLon, dLat
}

// CellOf returns the square of side sizeKm that holds p.
func CellOf(p Point, sizeKm float64) Cell {
	dLon, dLat := cellDegrees(sizeKm)
	return Cell{int32(math.Floor(p.Lon() / dLon)), int32(math.Floor(p.Lat() / dLat))}
}

// CellsCovering returns every square of side sizeKm that touches b.
func CellsCovering(b Bound, sizeKm float64) []Cell {
	lo := CellOf(Point{b.Orb().Min}, sizeKm)
	hi := CellOf(Point{b.Orb().Max}, sizeKm)
	out := make([]Cell, 0, CountCellsCovering(b, sizeKm))
	for x := lo.X; x <= hi.X; x++ {
		for y := lo.Y; y <= hi.Y; y++ {
			out = append(out, Cell{x, y})
		}
	}
	return out
}

// CountCellsCovering is len(CellsCovering(b, sizeKm)), without making them.
func CountCellsCovering(b Bound, sizeKm float64) int {
	lo := CellOf(Point{b.Orb().Min}, sizeKm)
	hi := CellOf(Point{b.Orb().Max}, sizeKm)
	return int(hi.X-lo.X+1) * int(hi.Y-lo.Y+1)
}

// Grid indexes numbered points for radius queries. It is not safe for
// concurrent writes; callers guard it.
type Grid struct {
	sizeKm float64
	cells  map[Cell][]gridEntry
}

type gridEntry struct {
	id int32
	p  Point
}

// NewGrid returns an empty grid of squares of side sizeKm.
func NewGrid(sizeKm float64) *Grid {
	return &Grid{sizeKm: sizeKm, cells: map[Cell][]gridEntry{}}
}

// Add indexes point p under id. An id may have several points (a service at
// several venues).
func (g *Grid) Add(id int32, p Point) {
	c := CellOf(p, g.sizeKm)
	g.cells[c] = append(g.cells[c], gridEntry{id, p})
}

// Remove drops the entry for id at p, if there is one.
func (g *Grid) Remove(id int32, p Point) {
	c := CellOf(p, g.sizeKm)
	entries := g.cells[c]
	for i, e := range entries {
		if e.id == id && e.p == p {
			entries[i] = entries[len(entries)-1]
			entries = entries[:len(entries)-1]
			break
		}
	}
	if len(entries) == 0 {
		delete(g.cells, c)
		return
	}
	g.cells[c] = entries
}

// Within calls fn for every indexed point no further than km from center,
// with its distance. An id with several points in range is reported once per
// point.
func (g *Grid) Within(center Point, km float64, fn func(id int32, distKm float64)) {
	b := BoundKm(center, km)
	for _, c := range CellsCovering(b, g.sizeKm) {
		for _, e := range g.cells[c] {
			if !b.Contains(e.p) {
				continue
			}
			if d := DistanceKm(center, e.p); d <= km {
				fn(e.id, d)
			}
		}
	}
}

// Square is one non-empty square of a Grid near a point, with bounds on the
// distance from that point to anything in the square.
type Square struct {
	MinKm, MaxKm float64
	entries      []gridEntry
}

// Each calls fn for every point in the square.
func (s Square) Each(fn func(id int32, p Point)) {
	for _, e := range s.entries {
		fn(e.id, e.p)
	}
}

// AppendSquaresNear appends to out the non-empty squares that may hold
// points within km of center, nearest first by MinKm (a search reuses out:
// within 50 km of a city they are 2,500 squares). A caller can then skip measuring the
// points of a square with MaxKm ≤ km (all are in range), or of squares
// beyond the nearest it needs. The bounds are the distance to the square's
// middle less or plus its half-diagonal: the triangle inequality makes them
// hold whatever the square's shape on the sphere.
func (g *Grid) AppendSquaresNear(out []Square, center Point, km float64) []Square {
	dLon, dLat := cellDegrees(g.sizeKm)
	b := BoundKm(center, km)
	lo, hi := CellOf(Point{b.Orb().Min}, g.sizeKm), CellOf(Point{b.Orb().Max}, g.sizeKm)
	start := len(out)
	for y := lo.Y; y <= hi.Y; y++ {
		midLat := (float64(y) + 0.5) * dLat
		r := halfDiagonalKm(midLat, dLon, dLat) // the same along a row
		for x := lo.X; x <= hi.X; x++ {
			entries := g.cells[Cell{x, y}]
			if len(entries) == 0 {
				continue
			}
			d := DistanceKm(center, Point{orb.Point{(float64(x) + 0.5) * dLon, midLat}})
			if d-r > km {
				continue
			}
			out = append(out, Square{MinKm: max(0, d-r), MaxKm: d + r, entries: entries})
		}
	}
	slices.SortFunc(out[start:], func(a, b Square) int { return cmp.Compare(a.MinKm, b.MinKm) })
	return out
}

// halfDiagonalKm bounds the distance from the middle of a square at midLat
// to any point of it: the farthest corner, padded against rounding.
func halfDiagonalKm(midLat, dLon, dLat float64) float64 {
	mid := Point{orb.Point{0, midLat}}
	r := 0.0
	for _, corner := range [][2]float64{{-1, -1}, {-1, 1}, {1, -1}, {1, 1}} {
		p := Point{orb.Point{corner[0] * dLon / 2, midLat + corner[1]*dLat/2}}
		r = max(r, DistanceKm(mid, p))
	}
	return r*1.001 + 1e-6
}
