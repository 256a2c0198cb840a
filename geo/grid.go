package geo

import (
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
// concurrent writes; callers guard it. Its squares are numbered in the
// order they were first used, and keep their numbers when emptied, so that
// a caller can keep facts of its own per square in a slice.
type Grid struct {
	sizeKm  float64
	rows    map[int32]*gridRow // by Y: a range of squares is a row at a time, not a lookup each
	squares [][]gridEntry      // by square number
}

// gridRow lists the squares of one row in use, by X.
type gridRow struct {
	xs   []int32 // sorted
	nums []int32 // square numbers, as xs
}

type gridEntry struct {
	id int32
	p  Point
}

// NewGrid returns an empty grid of squares of side sizeKm.
func NewGrid(sizeKm float64) *Grid {
	return &Grid{sizeKm: sizeKm, rows: map[int32]*gridRow{}}
}

// Add indexes point p under id and returns the number of its square. An id
// may have several points (a service at several venues).
func (g *Grid) Add(id int32, p Point) int32 {
	c := CellOf(p, g.sizeKm)
	r := g.rows[c.Y]
	if r == nil {
		r = &gridRow{}
		g.rows[c.Y] = r
	}
	i, ok := slices.BinarySearch(r.xs, c.X)
	if !ok {
		r.xs, r.nums = slices.Insert(r.xs, i, c.X), slices.Insert(r.nums, i, int32(len(g.squares)))
		g.squares = append(g.squares, nil)
	}
	num := r.nums[i]
	g.squares[num] = append(g.squares[num], gridEntry{id, p})
	return num
}

// Remove drops the entry for id at p, if there is one.
func (g *Grid) Remove(id int32, p Point) {
	num, ok := g.number(CellOf(p, g.sizeKm))
	if !ok {
		return
	}
	entries := g.squares[num]
	for i, e := range entries {
		if e.id == id && e.p == p {
			entries[i] = entries[len(entries)-1]
			g.squares[num] = entries[:len(entries)-1]
			return
		}
	}
}

// number returns the number of square c, if it was ever used.
func (g *Grid) number(c Cell) (int32, bool) {
	r := g.rows[c.Y]
	if r == nil {
		return 0, false
	}
	i, ok := slices.BinarySearch(r.xs, c.X)
	if !ok {
		return 0, false
	}
	return r.nums[i], true
}

// Within calls fn for every indexed point no further than km from center,
// with its distance. An id with several points in range is reported once per
// point.
func (g *Grid) Within(center Point, km float64, fn func(id int32, distKm float64)) {
	b := BoundKm(center, km)
	g.eachSquare(b, func(_ int32, num int32) {
		for _, e := range g.squares[num] {
			if !b.Contains(e.p) {
				continue
			}
			if d := DistanceKm(center, e.p); d <= km {
				fn(e.id, d)
			}
		}
	})
}

// eachSquare calls fn with the X and number of every square in use that
// touches b, a row at a time.
func (g *Grid) eachSquare(b Bound, fn func(x, num int32)) {
	lo, hi := CellOf(Point{b.Orb().Min}, g.sizeKm), CellOf(Point{b.Orb().Max}, g.sizeKm)
	for y := lo.Y; y <= hi.Y; y++ {
		g.eachInRow(y, lo.X, hi.X, fn)
	}
}

// eachInRow calls fn for the squares in use in row y from x = lo to hi.
func (g *Grid) eachInRow(y, lo, hi int32, fn func(x, num int32)) {
	r := g.rows[y]
	if r == nil {
		return
	}
	i, _ := slices.BinarySearch(r.xs, lo)
	for ; i < len(r.xs) && r.xs[i] <= hi; i++ {
		fn(r.xs[i], r.nums[i])
	}
}

// Square is one square of a Grid near a point, with bounds on the
// distance from that point to anything in the square.
type Square struct {
	Num          int32 // the square's number in the grid
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
// points within km of center, in no particular order: within 50 km of a
// city they are 2,500, and a search wants only its first few nearest
// first (see NearestFirst). A caller can skip measuring the points of a
// square with MaxKm ≤ km (all are in range), or of squares beyond the
// nearest it needs. The bounds are the distance to the square's middle
// less or plus its half-diagonal: the triangle inequality makes them hold
// whatever the square's shape on the sphere.
func (g *Grid) AppendSquaresNear(out []Square, center Point, km float64) []Square {
	dLon, dLat := cellDegrees(g.sizeKm)
	b := BoundKm(center, km)
	lo, hi := CellOf(Point{b.Orb().Min}, g.sizeKm), CellOf(Point{b.Orb().Max}, g.sizeKm)
	φ1 := radians(center.Lat())
	cosφ1 := math.Cos(φ1)
	var buf [128]float64
	across := buf[:0] // haversine's longitude term, by column
	for x := lo.X; x <= hi.X; x++ {
		across = append(across, sq(math.Sin(radians((float64(x)+0.5)*dLon-center.Lon())/2)))
	}
	for y := lo.Y; y <= hi.Y; y++ {
		midLat := (float64(y) + 0.5) * dLat
		r := halfDiagonalKm(midLat, dLon, dLat) // the same along a row
		φ2 := radians(midLat)
		down, cosφ := sq(math.Sin((φ2-φ1)/2)), cosφ1*math.Cos(φ2)
		g.eachInRow(y, lo.X, hi.X, func(x, num int32) {
			entries := g.squares[num]
			if len(entries) == 0 {
				return
			}
			// DistanceKm from center to the square's middle, its terms shared along the row and column
			d := 2 * meanEarthRadiusKm * math.Asin(math.Sqrt(min(down+cosφ*across[x-lo.X], 1)))
			if d-r <= km {
				out = append(out, Square{Num: num, MinKm: max(0, d-r), MaxKm: d + r, entries: entries})
			}
		})
	}
	return out
}

// NearestFirst arranges squares so that NextNearest takes them nearest
// first by MinKm (a heap: sorting all 2,500 cost more than the search used).
func NearestFirst(squares []Square) {
	for i := len(squares)/2 - 1; i >= 0; i-- {
		siftNearest(squares, i)
	}
}

// NextNearest returns the nearest of squares, arranged by NearestFirst,
// and the others, still arranged, in no particular order.
func NextNearest(squares []Square) (Square, []Square) {
	n := len(squares) - 1
	first := squares[0]
	squares[0] = squares[n]
	squares = squares[:n]
	siftNearest(squares, 0)
	return first, squares
}

func siftNearest(h []Square, i int) {
	for {
		least := i
		for _, c := range [2]int{2*i + 1, 2*i + 2} {
			if c < len(h) && h[c].MinKm < h[least].MinKm {
				least = c
			}
		}
		if least == i {
			return
		}
		h[i], h[least] = h[least], h[i]
		i = least
	}
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
