package search

import (
	"maps"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/segment"
)

// analyzerName is Kith's English analyser: bleve's "en" (Unicode words,
// possessives stripped, lower case, English stop words, Porter stems) giving
// the same tokens for the same text, for less work. Building an
// index at 100,000 services, bleve's own tokenizer allocated tens of
// kilobytes per description (it sizes its tokens by the length of the first
// word), two fifths of all the rebuild allocated, and stemming every word
// again was a fifth of the analysis.
const analyzerName = "kith_en"

func init() {
	if err := registry.RegisterAnalyzer(analyzerName, newCachedAnalyzer); err != nil {
		panic(err)
	}
}

// cachedAnalyzer splits text into words as bleve's Unicode tokenizer does
// and turns each word into its term through a cache of bleve's English
// filters: every filter of "en" looks at one word alone, so a word's term
// never depends on the text around it.
type cachedAnalyzer struct {
	filters []analysis.TokenFilter
	terms   termCache
}

// wordTerm is what the filters make of a word: its term, or nothing for a
// stop word.
type wordTerm struct {
	term []byte
	keep bool
}

// maxCachedWords bounds the cache: a directory's vocabulary, in its
// spellings and capitalisations, is a few tens of thousands of words; rarer
// words past the bound are filtered every time.
const maxCachedWords = 1 << 16

func newCachedAnalyzer(_ map[string]any, cache *registry.Cache) (analysis.Analyzer, error) {
	a := &cachedAnalyzer{}
	for _, name := range []string{en.PossessiveName, lowercase.Name, en.StopName, porter.Name} {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			return nil, err
		}
		a.filters = append(a.filters, f)
	}
	return a, nil
}

// Analyze returns the tokens of input, their terms copied into one
// allocation of their own so that nothing downstream can change the cache.
func (a *cachedAnalyzer) Analyze(input []byte) analysis.TokenStream {
	toks := wordTokens(input)
	size := 0
	kept := toks[:0]
	for _, t := range toks {
		wt := a.termOf(t.Term)
		if wt.keep {
			t.Term = wt.term
			size += len(wt.term)
			kept = append(kept, t)
		}
	}
	arena := make([]byte, 0, size)
	out := make(analysis.TokenStream, len(kept))
	for i := range kept {
		arena = append(arena, kept[i].Term...)
		kept[i].Term = arena[len(arena)-len(kept[i].Term):]
		out[i] = &kept[i]
	}
	return out
}

// wordTokens splits input at Unicode word boundaries and returns its words
// numbered from 1, as bleve's Unicode tokenizer does, in one allocation
// sized for English text.
//
// Text in ASCII takes a shorter way, a run of non-spaces at a time: no
// rule of word boundaries joins across a space or a control character,
// and in ASCII a run that is letters between punctuation marks is one word
// (the marks could join letters only to letters or digits beyond them). Only
// other runs, with digits, "_" or marks inside ("don't", "10:00"), go to the
// Unicode segmenter. Segmenting every description was a tenth of a rebuild.
func wordTokens(input []byte) []analysis.Token {
	toks := make([]analysis.Token, 0, len(input)/5+1)
	if !isASCII(input) {
		toks, _ = segmentWords(toks, input, 0, 1)
		return toks
	}
	pos := 1
	for i := 0; i < len(input); {
		if !isGraphic(input[i]) {
			i++
			continue
		}
		j := i
		for j < len(input) && isGraphic(input[j]) {
			j++
		}
		lo, hi := i, j
		for lo < hi && isMark(input[lo]) {
			lo++
		}
		for hi > lo && isMark(input[hi-1]) {
			hi--
		}
		switch {
		case lo == hi:
		case allLetters(input[lo:hi]):
			toks = append(toks, analysis.Token{Term: input[lo:hi], Start: lo, End: hi, Position: pos, Type: analysis.AlphaNumeric})
			pos++
		default:
			toks, pos = segmentWords(toks, input[i:j], i, pos)
		}
		i = j
	}
	return toks
}

// segmentWords appends the words of text, which starts at offset in the
// input, numbered from pos, and returns the next number.
func segmentWords(toks []analysis.Token, text []byte, offset, pos int) ([]analysis.Token, int) {
	seg := segment.NewWordSegmenterDirect(text)
	start := offset
	for seg.Segment() {
		b := seg.Bytes()
		end := start + len(b)
		if seg.Type() != segment.None {
			toks = append(toks, analysis.Token{Term: b, Start: start, End: end, Position: pos, Type: tokenType(seg.Type())})
			pos++
		}
		start = end
	}
	return toks, pos
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isGraphic reports whether c is a printable ASCII character other than a space.
func isGraphic(c byte) bool { return c > ' ' && c < 0x7f }

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// isMark reports whether c is printable ASCII punctuation that can join
// words only between letters or digits: everything but letters, digits
// and "_", which joins what it touches.
func isMark(c byte) bool {
	return isGraphic(c) && !isLetter(c) && !(c >= '0' && c <= '9') && c != '_'
}

func allLetters(b []byte) bool {
	for _, c := range b {
		if !isLetter(c) {
			return false
		}
	}
	return true
}

// tokenType is bleve's Unicode tokenizer's name for a segment type.
func tokenType(t int) analysis.TokenType {
	switch t {
	case segment.Ideo, segment.Kana:
		return analysis.Ideographic
	case segment.Number:
		return analysis.Numeric
	}
	return analysis.AlphaNumeric
}

func (a *cachedAnalyzer) termOf(word []byte) wordTerm {
	if wt, ok := a.terms.known(word); ok {
		return wt
	}
	return a.terms.learn(word, a.filter)
}

// filter runs the filters of "en" on word alone.
func (a *cachedAnalyzer) filter(word []byte) wordTerm {
	ts := analysis.TokenStream{{Term: append([]byte(nil), word...)}}
	for _, f := range a.filters {
		ts = f.Filter(ts)
	}
	if len(ts) == 0 {
		return wordTerm{}
	}
	return wordTerm{term: ts[0].Term, keep: true}
}

// termCache maps words to their terms. Looking a word up takes no lock: the
// analysis workers of both cores read a map nobody changes, replaced by a
// larger copy once the words learnt since reach a quarter of it. With a
// sync.Map instead, its lookups were 4% of a rebuild's CPU and the rebuild
// 4-5% slower.
type termCache struct {
	read   atomic.Pointer[map[string]wordTerm]
	mu     sync.Mutex
	learnt map[string]wordTerm // not yet in read
}

func (c *termCache) known(word []byte) (wordTerm, bool) {
	if m := c.read.Load(); m != nil {
		wt, ok := (*m)[string(word)]
		return wt, ok
	}
	return wordTerm{}, false
}

// learn returns word's term, from what was learnt since the last copy or
// from filter, and keeps it.
func (c *termCache) learn(word []byte, filter func([]byte) wordTerm) wordTerm {
	c.mu.Lock()
	defer c.mu.Unlock()
	if wt, ok := c.learnt[string(word)]; ok {
		return wt
	}
	wt := filter(word)
	var read map[string]wordTerm
	if p := c.read.Load(); p != nil {
		read = *p
	}
	if len(read)+len(c.learnt) >= maxCachedWords {
		return wt
	}
	if c.learnt == nil {
		c.learnt = map[string]wordTerm{}
	}
	c.learnt[string(word)] = wt
	if len(c.learnt) >= len(read)/4+16 {
		next := make(map[string]wordTerm, len(read)+len(c.learnt))
		maps.Copy(next, read)
		maps.Copy(next, c.learnt)
		c.read.Store(&next)
		c.learnt = nil
	}
	return wt
}
