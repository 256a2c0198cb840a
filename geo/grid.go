package geo

import "math"

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
	out := make([]Cell, 0, int(hi.X-lo.X+1)*int(hi.Y-lo.Y+1))
	for x := lo.X; x <= hi.X; x++ {
		for y := lo.Y; y <= hi.Y; y++ {
			out = append(out, Cell{x, y})
		}
	}
	return out
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
