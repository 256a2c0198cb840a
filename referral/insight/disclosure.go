package insight

import (
	"bytes"
	"math"
	"strconv"
)

// SmallNumber is the smallest count published: counts from 1 to 4 come from
// so few people that someone who knows one of them could pick them out.
// Zero is published, because nobody can be picked out of nobody.
const SmallNumber = 5

// Withheld is how a suppressed figure reads in CSV. It reads the same
// whether the figure is small itself or hidden to protect another one, so a
// reader cannot tell which cell in a group is the small one.
const Withheld = "<5"

// Figure is one published number: a count, or a figure computed from counts.
// Value is nil when the figure is withheld (Suppressed) or has no meaning
// here, such as the median of nothing.
type Figure struct {
	Value      *float64
	Suppressed bool
}

func shown(v float64) Figure { return Figure{Value: &v} }

// small reports whether a count is withheld for its own sake.
func small(n int) bool { return n > 0 && n < SmallNumber }

// single is a count that adds up with no other, so only its own size
// decides whether it is withheld.
func single(n int) Figure {
	if small(n) {
		return withheld
	}
	return shown(float64(n))
}

var (
	withheld = Figure{Suppressed: true}
	none     = Figure{}
)

// round keeps places decimal places, so a derived figure claims no more
// precision than it has.
func round(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}

// MarshalJSON writes {"value": 12}, or {"value": null, "suppressed": true}.
func (f Figure) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"value":`)
	b.WriteString(f.text("null"))
	if f.Suppressed {
		b.WriteString(`,"suppressed":true`)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// CSV is the figure as a spreadsheet cell: empty when it has no value.
func (f Figure) CSV() string {
	if f.Suppressed {
		return Withheld
	}
	return f.text("")
}

func (f Figure) text(missing string) string {
	if f.Value == nil {
		return missing
	}
	return strconv.FormatFloat(*f.Value, 'f', -1, 64)
}

// ledger holds the counts of one answer so they can be suppressed together.
// Each group is a total and the parts that add up to it; a group never ends
// with exactly one member withheld, because that member would be the total
// minus the rest.
type ledger struct {
	vals   []int
	hidden []bool
	groups [][]int // index 0 is the total, the rest its parts
}

// cell records a count and returns its index.
func (l *ledger) cell(n int) int {
	l.vals = append(l.vals, n)
	l.hidden = append(l.hidden, false)
	return len(l.vals) - 1
}

// group says that the parts add up to total. Parts may also be conservative:
// a group whose parts overlap (one referral with two needs) only ever
// withholds more than it needs to.
func (l *ledger) group(total int, parts ...int) {
	if len(parts) > 0 {
		l.groups = append(l.groups, append([]int{total}, parts...))
	}
}

// protect withholds every count from 1 to 4 (primary suppression), then,
// until nothing changes, the smallest other member of any group left with
// only one member withheld (secondary suppression).
func (l *ledger) protect() {
	for i, v := range l.vals {
		l.hidden[i] = small(v)
	}
	for changed := true; changed; {
		changed = false
		for _, g := range l.groups {
			if l.hiddenIn(g) != 1 {
				continue
			}
			if j := l.partner(g); j >= 0 {
				l.hidden[j], changed = true, true
			}
		}
	}
}

func (l *ledger) hiddenIn(g []int) int {
	n := 0
	for _, i := range g {
		if l.hidden[i] {
			n++
		}
	}
	return n
}

// partner chooses what else to withhold in a group: the smallest part that
// is not zero (a zero hides nothing), else the total, else a zero part.
func (l *ledger) partner(g []int) int {
	best := -1
	for _, i := range g[1:] {
		if !l.hidden[i] && l.vals[i] > 0 && (best < 0 || l.vals[i] < l.vals[best]) {
			best = i
		}
	}
	if best >= 0 {
		return best
	}
	for _, i := range g {
		if !l.hidden[i] {
			return i
		}
	}
	return -1
}

// count is cell i as published.
func (l *ledger) count(i int) Figure {
	if l.hidden[i] {
		return withheld
	}
	return shown(float64(l.vals[i]))
}

// derived publishes v, rounded, unless a count it is computed from is
// withheld: a rate over a withheld count would give the count back.
func (l *ledger) derived(v float64, places int, from ...int) Figure {
	for _, i := range from {
		if l.hidden[i] {
			return withheld
		}
	}
	return shown(round(v, places))
}

// statistic publishes a mean, median or rate over n people, rounded: it has
// no value over nobody, and is withheld over fewer than SmallNumber, where
// it would come close to describing one person.
func statistic(v *float64, places, n int) Figure {
	switch {
	case n == 0 || v == nil:
		return none
	case n < SmallNumber:
		return withheld
	}
	return shown(round(*v, places))
}
