package insight

import (
	"math"
	"testing"
	"time"

	"kith/directory"
	"kith/geo"
)

var now = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

func ptr[T any](v T) *T { return &v }

func TestOffer(t *testing.T) {
	tests := []struct {
		name string
		s    supplier
		want float64
	}{
		{"free places", supplier{capacity: directory.Capacity{Maximum: ptr(4), Held: 1}}, 3},
		{"full", supplier{capacity: directory.Capacity{Maximum: ptr(4), Held: 6}}, 0},
		{"no limit stated", supplier{}, unstatedPlaces},
		{"turns half away", supplier{capacity: directory.Capacity{Maximum: ptr(4), Held: 1}, noCapacity: 1, answered: 2}, 1.5},
		{"paused", supplier{capacity: directory.Capacity{Maximum: ptr(4), Paused: true}}, 0},
		{"pause over", supplier{capacity: directory.Capacity{Maximum: ptr(4), Paused: true,
			ResumeOn: ptr(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))}}, 4},
	}
	for _, tt := range tests {
		if got := tt.s.offer(now); got != tt.want {
			t.Errorf("%s: offer %g, want %g", tt.name, got, tt.want)
		}
	}
}

// The two-step floating catchment worked by hand (docs/INSIGHT.md has the
// same example): a and b are half a kilometre apart with a walking group
// between them; c is ten kilometres north; an online group reaches all.
func TestModelByHand(t *testing.T) {
	ls := []LSOA{
		{Code: "a", Point: geo.MustLonLat(-1.38, 54.90), Decile: 1},
		{Code: "b", Point: geo.MustLonLat(-1.3722, 54.90), Decile: 8},
		{Code: "c", Point: geo.MustLonLat(-1.38, 54.99), Decile: 1},
	}
	group := supplier{venues: []geo.Point{geo.MustLonLat(-1.376, 54.90)},
		capacity: directory.Capacity{Maximum: ptr(4), Held: 1}, noCapacity: 1, answered: 2}
	online := supplier{remote: true, capacity: directory.Capacity{Maximum: ptr(1)}}
	m := newModel(ls, []float64{7, protected(3), protected(2)}, []supplier{group, online}, 1)
	m.solve(now)
	// Shares: the group offers (4 - 1) x (1 - 1/2) = 1.5 to a and b's 7 + 2.5;
	// the online group offers 1 to everyone's 7 + 2.5 + 2.5.
	near(t, "group share", m.share[0], 1.5/9.5)
	near(t, "online share", m.share[1], 1.0/12)
	want := []struct{ access, shortfall, score float64 }{
		{1.5/9.5 + 1.0/12, 7 * (1 - 1.5/9.5 - 1.0/12), 2 * 7 * (1 - 1.5/9.5 - 1.0/12)},
		{1.5/9.5 + 1.0/12, 2.5 * (1 - 1.5/9.5 - 1.0/12), (1 + 2.0/9) * 2.5 * (1 - 1.5/9.5 - 1.0/12)},
		{1.0 / 12, 2.5 * (1 - 1.0/12), 2 * 2.5 * (1 - 1.0/12)},
	}
	for i, w := range want {
		a := areaFacts{members: []int32{int32(i)}}
		m.measure(&a, make([]int32, 2), 1)
		near(t, ls[i].Code+" access", a.meanAccess(), w.access)
		near(t, ls[i].Code+" shortfall", a.shortfall, w.shortfall)
		near(t, ls[i].Code+" score", a.score, w.score)
	}
	all := areaFacts{members: []int32{0, 1, 2}}
	m.measure(&all, make([]int32, 2), 1)
	near(t, "all score", all.score, 17.524610)
	if s := all.supply; s.services != 2 || s.places != 5 || s.held != 1 || s.noCapacity != 1 || s.answered != 2 {
		t.Fatalf("all supply %+v: each service counted once", s)
	}
}

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-6 {
		t.Errorf("%s = %.6f, want %.6f", what, got, want)
	}
}

func TestWeight(t *testing.T) {
	for decile, want := range map[int]float64{1: 2, 10: 1, 8: 1 + 2.0/9, 0: 1} {
		if got := weight(decile); math.Abs(got-want) > 1e-12 {
			t.Errorf("weight(%d) = %g, want %g", decile, got, want)
		}
	}
}
