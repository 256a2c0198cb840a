package bench

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"

	"github.com/google/uuid"
)

// dice is the one source of randomness for a stream of generated data; a
// fixed seed makes every run generate the same dataset and queries.
type dice struct{ r *rand.Rand }

func newDice(seed, stream uint64) dice { return dice{rand.New(rand.NewPCG(seed, stream))} }

func (d dice) chance(p float64) bool        { return d.r.Float64() < p }
func (d dice) between(lo, hi int) int       { return lo + d.r.IntN(hi-lo+1) }
func pick[T any](d dice, list []T) T        { return list[d.r.IntN(len(list))] }
func (d dice) normal(sigma float64) float64 { return d.r.NormFloat64() * sigma }

// skewed picks from the front of a list more often: with k = 2 the first
// quarter gets half the picks, roughly the long tail word use has.
func skewed[T any](d dice, list []T, k float64) T {
	return list[int(float64(len(list))*math.Pow(d.r.Float64(), k))]
}

// id is a version 4 UUID from the dice, so ids too are reproducible.
func (d dice) id() string {
	var u uuid.UUID
	for i := range 2 {
		v := d.r.Uint64()
		for j := range 8 {
			u[i*8+j] = byte(v >> (8 * j))
		}
	}
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return u.String()
}

// weighted picks an index with probability proportional to its weight.
type weighted struct{ cum []float64 }

func newWeighted(weights []float64) weighted {
	w := weighted{cum: make([]float64, len(weights))}
	total := 0.0
	for i, x := range weights {
		total += x
		w.cum[i] = total
	}
	return w
}

func (w weighted) pick(d dice) int {
	x := d.r.Float64() * w.cum[len(w.cum)-1]
	lo, hi := 0, len(w.cum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if w.cum[mid] > x {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// writer fills sentence templates for one listing: its topics, town and
// audience.
type writer struct {
	d     dice
	main  *topic
	other *topic // nil: the listing has one topic
	town  string
	place string
}

// topicWord takes a word from the main topic, now and then from the other.
func (w *writer) topicWord() string {
	if w.other != nil && w.d.chance(0.25) {
		return skewed(w.d, w.other.words, 2)
	}
	return skewed(w.d, w.main.words, 2)
}

func (w *writer) slot(name byte) string {
	switch name {
	case 'a':
		return skewed(w.d, adjectives, 1.5)
	case 'g':
		return skewed(w.d, groupWords, 1.5)
	case 'u':
		return pick(w.d, audiences)
	case 't':
		return w.town
	case 'p':
		return w.place
	case 'f':
		return pick(w.d, frequencies)
	case 'v':
		return skewed(w.d, verbs, 1.5)
	case 'c':
		return w.topicWord()
	case 'C':
		return capitalise(w.topicWord())
	case 'x':
		return pick(w.d, extras)
	case 'm':
		return pick(w.d, amounts)
	case 'y':
		return strconv.Itoa(w.d.between(1975, 2024))
	}
	return ""
}

// fill replaces every {s} slot in tpl.
func (w *writer) fill(tpl string) string {
	var b strings.Builder
	for i := 0; i < len(tpl); i++ {
		if tpl[i] == '{' && i+2 < len(tpl) && tpl[i+2] == '}' {
			b.WriteString(w.slot(tpl[i+1]))
			i += 2
			continue
		}
		b.WriteByte(tpl[i])
	}
	return b.String()
}

// describe writes three to six sentences: who the listing is for, then
// what happens there.
func (w *writer) describe() string {
	first := "A {a} {g} for {u} in {t}."
	parts := []string{w.fill(first)}
	for range w.d.between(2, 5) {
		parts = append(parts, capitalise(w.fill(pick(w.d, templates))))
	}
	return strings.Join(parts, " ")
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// titleCase capitalises every word, for names made from lower-case slots.
func titleCase(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		f[i] = capitalise(w)
	}
	return strings.Join(f, " ")
}

// tokens splits text into lower-case words the way Kith reads a query:
// letters and digits, with an apostrophe kept inside a word.
func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}
