package search

import (
	"context"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"kith/geo"
)

// Boosts: a word in the name counts three times a word in the description;
// a near-miss (typo) or synonym counts for less than the word itself.
const (
	nameBoost    = 3
	fuzzyFactor  = 0.5
	synonymBoost = 0.6
	fuzzyMinLen  = 5 // shorter words are too easy to mistake for others
)

// textQuery matches any of the query's words (stemmed, and fuzzily for
// longer words) or of its synonyms in the name or the text.
func textQuery(text string) query.Query {
	ws := words(text)
	var parts []query.Query
	for _, w := range ws {
		parts = append(parts, wordQuery(w, 1))
	}
	for _, phrase := range expand(ws) {
		parts = append(parts, phraseQuery(phrase, synonymBoost))
	}
	if len(parts) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	return bleve.NewDisjunctionQuery(parts...)
}

// wordQuery matches the word's stem exactly, and within one edit when the
// stem is long enough that a typo is likelier than a different word ("lone"
// is one edit from "line"; "gardn" is safely "garden").
func wordQuery(w string, boost float64) query.Query {
	stems := analyse(w)
	if len(stems) == 0 {
		return bleve.NewMatchNoneQuery() // a stop word
	}
	return stemsQuery{stems: stems, boost: boost}
}

// stemsQuery is one word's stems, matched in the name and the text, exactly
// and (stems of fuzzyMinLen letters or more) within one edit at
// fuzzyFactor. Near matches include the stem itself, so an exact match
// scores 1 + fuzzyFactor and a typo fuzzyFactor.
type stemsQuery struct {
	stems []string
	boost float64
}

// Searcher builds the word's query for the index being searched. When no
// stem has a near match in the index other than itself (most words: typos
// are rare), the near-match queries would walk the same postings as the
// exact ones a second time; one query per field at 1 + fuzzyFactor of the
// weight gives every service the same score, up to bleve's query
// normalisation, which scales every score alike, and walks them once.
func (s stemsQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	near := make(map[string][len(textFields)]termsNear)
	folded := true
	for _, stem := range s.stems {
		if len([]rune(stem)) < fuzzyMinLen {
			continue
		}
		n, err := nearTerms(r, stem)
		if err != nil {
			return nil, err
		}
		near[stem] = n
		for _, f := range n {
			folded = folded && f.onlyStem(stem)
		}
	}
	var qs []query.Query
	for _, stem := range s.stems {
		n, fuzzy := near[stem]
		exact := 1.0
		if fuzzy && folded {
			exact += fuzzyFactor
		}
		qs = append(qs, boostedTerm("name", stem, nameBoost*s.boost*exact), boostedTerm("text", stem, s.boost*exact))
		if fuzzy && !folded {
			qs = append(qs, nearQuery{"name", stem, n[0], nameBoost * s.boost * fuzzyFactor},
				nearQuery{"text", stem, n[1], s.boost * fuzzyFactor})
		}
	}
	return bleve.NewDisjunctionQuery(qs...).Searcher(ctx, r, m, o)
}

// analyse runs w through the index's English analyser, as the documents
// were, so query terms are stems like the indexed ones.
func analyse(w string) []string {
	var out []string
	for _, tok := range englishAnalyzer().Analyze([]byte(w)) {
		out = append(out, string(tok.Term))
	}
	return out
}

var englishAnalyzer = sync.OnceValue(func() analysis.Analyzer {
	return newMapping().AnalyzerNamed(en.AnalyzerName)
})

func boostedTerm(field, stem string, boost float64) query.Query {
	t := bleve.NewTermQuery(stem)
	t.SetField(field)
	t.SetBoost(boost)
	return t
}

// phraseQuery needs every word of a multi-word synonym, so "money advice"
// does not match everything that mentions advice.
func phraseQuery(phrase string, boost float64) query.Query {
	if !strings.Contains(phrase, " ") {
		return wordQuery(phrase, boost)
	}
	var qs []query.Query
	for _, field := range []string{"name", "text"} {
		m := bleve.NewMatchQuery(phrase)
		m.SetField(field)
		m.SetOperator(query.MatchQueryOperatorAnd)
		m.SetBoost(boost)
		qs = append(qs, m)
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// cellQuery restricts a query to venues in the squares around center (and
// to remote services, which are everywhere).
func cellQuery(center geo.Point, km float64) query.Query {
	b := geo.BoundKm(center, km)
	size := cellSizes[len(cellSizes)-1]
	for _, s := range cellSizes {
		if len(geo.CellsCovering(b, s)) <= maxCellTerms {
			size = s
			break
		}
	}
	terms := []query.Query{term("cells", remoteCell)}
	for _, c := range geo.CellsCovering(b, size) {
		terms = append(terms, term("cells", cellTerm(c, size)))
	}
	return bleve.NewDisjunctionQuery(terms...)
}

func term(field, value string) query.Query {
	t := bleve.NewTermQuery(value)
	t.SetField(field)
	return t
}

// filterQueries narrows a text query with the keyword facts bleve holds, so
// fewer candidates reach the exact checks. Every one is implied by the
// in-memory matcher, which stays the single authority on what matches.
func filterQueries(q *Query, m *matcher) []query.Query {
	var out []query.Query
	for _, c := range q.Categories {
		out = append(out, term("categories", c))
	}
	if q.Free {
		out = append(out, term("free", "true"))
	}
	if len(q.Delivery) > 0 {
		out = append(out, anyTerm("delivery", q.Delivery))
	}
	if m.slots != 0 {
		out = append(out, anyTerm("slots", slotTerms(m.slots)))
	}
	if q.Assured {
		now := float64(m.now)
		inclusive := false
		out = append(out, bleve.NewNumericRangeInclusiveQuery(&now, nil, &inclusive, nil))
		out[len(out)-1].(*query.NumericRangeQuery).SetField("assured_until")
	}
	return out
}

func anyTerm(field string, values []string) query.Query {
	qs := make([]query.Query, len(values))
	for i, v := range values {
		qs[i] = term(field, v)
	}
	return bleve.NewDisjunctionQuery(qs...)
}
