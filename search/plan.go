package search

import (
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
)

// Weights of what a query's words match. A word in the name counts three
// times a word in the description; a near miss (a typo) or a synonym counts
// for less than the word itself.
const (
	nameBoost    = 3
	typoWeight   = 0.25
	synonymBoost = 0.6
	fuzzyMinLen  = 5 // shorter stems are too easy to mistake for others
)

// fieldBoosts weigh a match in each of textFields.
var fieldBoosts = [len(textFields)]float64{nameBoost, 1}

// textPlan is a query's text compiled for scoring: its parts are the
// person's words and the synonyms they bring in, each counted once per
// service however many of its terms the service has.
type textPlan struct {
	parts []planPart
}

// planPart is one word (any of its stems, and for a long stem the terms
// within one edit of it) or one synonym. A synonym of several words needs
// every one of them in the same field, so "money advice" does not match
// everything that mentions advice, and is never fuzzy.
type planPart struct {
	stems []string
	all   bool
	boost float64
}

// planText splits text into words, stems each as the documents were, and
// adds the synonyms the words bring in. Stop words match nothing.
func planText(text string) textPlan {
	ws := words(text)
	var p textPlan
	for _, w := range ws {
		if stems := analyse(w); len(stems) > 0 {
			p.parts = append(p.parts, planPart{stems: stems, boost: 1})
		}
	}
	for _, phrase := range expand(ws) {
		if stems := analyse(phrase); len(stems) > 0 {
			p.parts = append(p.parts, planPart{stems: stems, all: strings.Contains(phrase, " "), boost: synonymBoost})
		}
	}
	return p
}

// weightedTerm is a term to look up in one field, and what a match counts.
type weightedTerm struct {
	term   string
	weight float64
}

// terms lists what the part looks for in field number fi: each stem at the
// part's weight and, for a fuzzy part, each near term at typoWeight of it.
// near gives a long stem's near terms in every field.
func (p planPart) terms(fi int, near func(stem string) ([len(textFields)]termsNear, error)) ([]weightedTerm, error) {
	w := p.boost * fieldBoosts[fi]
	out := make([]weightedTerm, 0, len(p.stems))
	for _, stem := range p.stems {
		out = append(out, weightedTerm{stem, w})
		if p.all || len([]rune(stem)) < fuzzyMinLen {
			continue
		}
		n, err := near(stem)
		if err != nil {
			return nil, err
		}
		for i, t := range n[fi].terms {
			if n[fi].edits[i] > 0 {
				out = append(out, weightedTerm{t, w * typoWeight})
			}
		}
	}
	return out, nil
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
	return newMapping().AnalyzerNamed(analyzerName)
})
