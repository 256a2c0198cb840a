package bench

import (
	"strings"

	"kith/geo"
)

// laySearches are what people type when they describe a need rather than
// an activity; Kith's synonyms exist for these.
var laySearches = []string{"lonely", "skint", "low mood", "money worries", "anxious", "grief", "exercise",
	"depressed", "stressed", "carer", "job", "homeless", "walk", "garden", "cook", "knit", "art", "computer",
	"choir", "debt", "isolated", "bereaved"}

// postcodeAreas are the English areas whose postcodes Kith ships.
var postcodeAreas = []string{"DT", "HG", "HR", "HX", "SM", "SR", "TF", "WC", "WN"}

// queryGen makes the fixed query mix from its own dice stream, so the
// queries do not change when the dataset's size does.
type queryGen struct {
	g         *generator // for its towns, topics and points
	d         dice
	postcodes [][]string
}

func generateQueries(seed uint64, n int, ds *dataset) []benchQuery {
	qg := &queryGen{g: newGenerator(seed, ds.tax), d: newDice(seed, 2)}
	qg.g.d = qg.d
	for _, a := range postcodeAreas {
		qg.postcodes = append(qg.postcodes, geo.Postcodes(a))
	}
	out := make([]benchQuery, 0, n)
	for _, c := range qg.mix(n) {
		out = append(out, qg.query(c))
	}
	return out
}

// mix lists n classes in the proportions, shuffled.
func (qg *queryGen) mix(n int) []class {
	var out []class
	for c := class(1); c < numClasses; c++ {
		for range n * classShare[c] / 100 {
			out = append(out, c)
		}
	}
	for len(out) < n {
		out = append(out, textRadius)
	}
	qg.d.r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

func (qg *queryGen) query(c class) benchQuery {
	q := benchQuery{class: c, limit: 20, radiusKm: pick(qg.d, radii)}
	switch c {
	case textRadius:
		q.text, q.near, q.accepting = qg.text(), qg.point(), true
	case categoryRadius:
		q.category, q.near = qg.category(), qg.point()
	case textOnly:
		q.text, q.radiusKm = qg.text(), 0
	case nearest:
		q.near, q.radiusKm, q.limit = qg.point(), nearestRadius, 50
	case postcodeText:
		q.text, q.postcode = qg.text(), qg.postcode()
	}
	return q
}

// point is where a person lives: mostly in towns, as people do.
func (qg *queryGen) point() *geo.Point {
	var p geo.Point
	if qg.d.chance(0.08) {
		p = qg.g.ruralPoint()
	} else {
		p = qg.g.scatter(&towns[qg.g.towns.pick(qg.d)])
	}
	return &p
}

func (qg *queryGen) postcode() string {
	list := pick(qg.d, qg.postcodes)
	return pick(qg.d, list)
}

// category is a filed code, or now and then its parent, which must also
// find the parent's children.
func (qg *queryGen) category() string {
	code := qg.g.all[qg.g.topics.pick(qg.d)].code
	if p := qg.g.ds.tax.parent[code]; p != "" && qg.d.chance(0.3) {
		return p
	}
	return code
}

// text is what a link worker types: an activity or two, a listing's kind
// of name, a need in plain words, and sometimes a typo.
func (qg *queryGen) text() string {
	t := qg.g.all[qg.g.topics.pick(qg.d)]
	switch x := qg.d.r.Float64(); {
	case x < 0.10:
		return pick(qg.d, laySearches)
	case x < 0.25:
		return strings.ToLower(pick(qg.d, t.titles))
	}
	n := 1
	if x := qg.d.r.Float64(); x > 0.9 {
		n = 3
	} else if x > 0.55 {
		n = 2
	}
	ws := make([]string, n)
	for i := range ws {
		ws[i] = skewed(qg.d, t.words, 3)
	}
	if qg.d.chance(0.05) {
		ws[0] = typo(qg.d, ws[0])
	}
	return strings.Join(ws, " ")
}

// typo drops one inner letter of a longer word, the commonest slip.
func typo(d dice, w string) string {
	if len(w) < 6 {
		return w
	}
	i := d.between(2, len(w)-2)
	return w[:i] + w[i+1:]
}
