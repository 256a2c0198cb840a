package bench

import (
	"fmt"
	"slices"
	"strings"
)

// agreement is how one class's answers compare with the oracle's.
type agreement struct {
	Class    class
	Queries  int
	Kith     int     // Kith answers that agree with the oracle
	PG       int     // PostgreSQL baseline answers that agree with it
	Overlap  float64 // text classes: mean share of the top results Kith and the baseline both return
	Examples []string
}

// maxExamples bounds how many disagreements the report spells out.
const maxExamples = 3

// agree checks every answer. Without text, Kith must return exactly the
// oracle's page (ids, order, distances) and total. With text, ranking is
// Kith's own, so every hit must pass the oracle's filters and radius at the
// oracle's distance. The baseline is held to the same rules, except that
// its distances use another Earth radius and are compared by id only.
func agree(o *oracle, qs []benchQuery, floor, kith, pg pass) ([numClasses]agreement, error) {
	var out [numClasses]agreement
	byID := o.byID()
	for i := range qs {
		q := &qs[i]
		a := &out[q.class]
		a.Class = q.class
		a.Queries++
		oq, err := o.resolve(q)
		if err != nil {
			return out, err
		}
		kOK, pOK := true, true
		if q.class.hasText() {
			kOK = oq.allPass(byID, kith.answers[i], true)
			pOK = oq.allPass(byID, pg.answers[i], false)
			a.Overlap += overlap(kith.answers[i].ids, pg.answers[i].ids)
		} else {
			kOK = sameAnswer(kith.answers[i], floor.answers[i], true)
			pOK = sameAnswer(pg.answers[i], floor.answers[i], false)
		}
		if kOK {
			a.Kith++
		} else if len(a.Examples) < maxExamples {
			a.Examples = append(a.Examples, describe(i, q, kith.answers[i], floor.answers[i]))
		}
		if pOK {
			a.PG++
		}
	}
	for c := range out {
		if out[c].Queries > 0 {
			out[c].Overlap /= float64(out[c].Queries)
		}
	}
	return out, nil
}

func (o *oracle) byID() map[string]*oracleService {
	m := make(map[string]*oracleService, len(o.svcs))
	for i := range o.svcs {
		m[o.svcs[i].id] = &o.svcs[i]
	}
	return m
}

// allPass reports whether every hit is a findable service that passes the
// query's filters and radius, at the oracle's distance when exact is set.
func (q *oracleQuery) allPass(byID map[string]*oracleService, a answer, exact bool) bool {
	seen := map[string]bool{}
	for i, id := range a.ids {
		s, ok := byID[id]
		if !ok || seen[id] {
			return false
		}
		seen[id] = true
		d, ok := q.matches(s)
		if !ok || exact && d != a.dists[i] {
			return false
		}
	}
	return true
}

// sameAnswer compares a page with the oracle's; a total below zero means
// the engine does not count (the baseline's nearest-N).
func sameAnswer(got, want answer, exact bool) bool {
	if !slices.Equal(got.ids, want.ids) || got.total >= 0 && got.total != want.total {
		return false
	}
	return !exact || slices.Equal(got.dists, want.dists)
}

// overlap is the share of the longer list that both lists hold.
func overlap(a, b []string) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	n := 0
	for _, id := range a {
		if slices.Contains(b, id) {
			n++
		}
	}
	return float64(n) / float64(max(len(a), len(b)))
}

func describe(i int, q *benchQuery, got, want answer) string {
	return fmt.Sprintf("query %d (%s, %s): kith total %d [%s], oracle total %d [%s]", i, q.class,
		q.values().Encode(), got.total, short(got.ids), want.total, short(want.ids))
}

func short(ids []string) string {
	var s []string
	for _, id := range ids[:min(3, len(ids))] {
		s = append(s, id[:8])
	}
	return strings.Join(s, " ")
}
