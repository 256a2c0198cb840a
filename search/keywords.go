package search

import (
	"bytes"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// keywordsName is the analyser of a keyword list: values joined by spaces,
// each value one term as it stands. One field a list, rather than bleve's
// field a value for a list, saves bleve a field and its term map per value:
// with assured_until a keyword instead of a number's sixteen trie terms, a
// rebuild at 100,000 services took about a sixth less time. (Lists joined
// for bleve's whitespace tokenizer had been slower than a field a value.)
const keywordsName = "kith_keywords"

func init() {
	if err := registry.RegisterAnalyzer(keywordsName, func(map[string]any, *registry.Cache) (analysis.Analyzer, error) {
		return keywordsAnalyzer{}, nil
	}); err != nil {
		panic(err)
	}
}

type keywordsAnalyzer struct{}

// Analyze allocates a text's tokens at once, not a token at a time.
func (keywordsAnalyzer) Analyze(input []byte) analysis.TokenStream {
	n := bytes.Count(input, []byte{' '}) + 1
	toks := make([]analysis.Token, 0, n)
	out := make(analysis.TokenStream, 0, n)
	start := 0
	for i := 0; i <= len(input); i++ {
		if i < len(input) && input[i] != ' ' {
			continue
		}
		if i > start {
			toks = append(toks, analysis.Token{Start: start, End: i, Term: input[start:i], Position: len(toks) + 1, Type: analysis.AlphaNumeric})
			out = append(out, &toks[len(toks)-1])
		}
		start = i + 1
	}
	return out
}
