package search

import (
	"maps"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
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
