package search

import (
	"context"
	"maps"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/blevesearch/vellum/levenshtein"
)

// textFields are the fields a word is looked for in.
var textFields = [...]string{"name", "text"}

// termsNear are the terms of one field within one edit of a stem, with
// their edit distances, in term order.
type termsNear struct {
	terms []string
	edits []uint8
}

// onlyStem reports whether the stem has no near match in the field but
// itself.
func (n termsNear) onlyStem(stem string) bool {
	return len(n.terms) == 0 || (len(n.terms) == 1 && n.terms[0] == stem)
}

// oneEdit builds the automata of the terms within one edit of a word.
var oneEdit = sync.OnceValues(func() (*levenshtein.LevenshteinAutomatonBuilder, error) {
	return levenshtein.NewLevenshteinAutomatonBuilder(1, true) // as bleve: a swap of two letters is one edit
})

// nearTerms finds the terms within one edit of stem in each text field, as
// bleve's fuzzy query does, but from one automaton for both fields (bleve
// builds one per field and query, and building them was a quarter of all
// the memory a search allocated).
func nearTerms(r index.IndexReader, stem string) ([len(textFields)]termsNear, error) {
	var out [len(textFields)]termsNear
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return out, errNotScorch
	}
	var dfa *levenshtein.DFA
	automaton := func() (*levenshtein.DFA, error) {
		if dfa != nil {
			return dfa, nil
		}
		lb, err := oneEdit()
		if err != nil {
			return nil, err
		}
		dfa, err = lb.BuildDfa(stem, 1)
		return dfa, err
	}
	var edits [len(textFields)]map[string]uint8
	for i := range edits {
		edits[i] = map[string]uint8{}
	}
	segs := snap.Segments()
	for _, seg := range segs {
		te, err := nearInSegment(seg, segs, stem, automaton)
		if err != nil {
			return out, err
		}
		for i := range edits {
			maps.Copy(edits[i], te[i])
		}
	}
	for i := range edits {
		for _, t := range slices.Sorted(maps.Keys(edits[i])) {
			out[i].terms, out[i].edits = append(out[i].terms, t), append(out[i].edits, edits[i][t])
		}
	}
	return out, nil
}

func collectNear(seg *scorch.SegmentSnapshot, field string, dfa *levenshtein.DFA, edits map[string]uint8) error {
	dict, err := seg.Segment().Dictionary(field)
	if err != nil {
		return err
	}
	it := dict.AutomatonIterator(dfa, nil, nil)
	for {
		entry, err := it.Next()
		if entry == nil || err != nil {
			return err
		}
		edits[entry.Term] = entry.EditDistance
	}
}

// nearQuery matches the terms within one edit of a stem in one field, each
// weighted by 1/(edits+1), exactly as bleve's fuzzy searcher does once it
// has found them.
type nearQuery struct {
	field, stem string
	near        termsNear
	boost       float64
}

func (n nearQuery) Searcher(ctx context.Context, r index.IndexReader, _ mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	if n.near.onlyStem(n.stem) {
		return searcher.NewTermSearcher(ctx, r, n.stem, n.field, n.boost, o)
	}
	return searcher.NewMultiTermSearcherBoosted(ctx, r, n.near.terms, n.field, n.boost, n.near.edits, o, true)
}
