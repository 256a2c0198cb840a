package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
)

// sameAsBleve fails t unless Kith's analyser gives exactly the tokens
// bleve's "en" gives for text: the index and every query depend on it.
func sameAsBleve(t *testing.T, m mapping.IndexMapping, text string) {
	t.Helper()
	// bleve's lower-case filter may rewrite its input in place.
	want := m.AnalyzerNamed(en.AnalyzerName).Analyze([]byte(text))
	got := m.AnalyzerNamed(analyzerName).Analyze([]byte(text))
	if a, b := showTokens(got), showTokens(want); a != b {
		t.Fatalf("%q:\n kith  %s\n bleve %s", text, a, b)
	}
}

func showTokens(ts analysis.TokenStream) string {
	var b strings.Builder
	for _, t := range ts {
		fmt.Fprintf(&b, "[%q %d %d-%d %d %v] ", t.Term, t.Position, t.Start, t.End, t.Type, t.KeyWord)
	}
	return b.String()
}

func TestAnalyzerGivesBleveEnglishTokens(t *testing.T) {
	m := newMapping()
	for _, text := range []string{
		"",
		"A lunch club for older people who feel lonely, in St Mary's church hall.",
		"Gardening, GARDENING and gardeners' allotments; the garden's shed",
		"The and of to a in is it: stop words only",
		"Money advice & benefits — debt help (Citizens Advice) 10:00–12:00, £3.50",
		"e.g. U.K. don't can’t it's 3.5km 1,000 people A1 2nd",
		"Café Ünïcödé naïve résumé ПРИВЕТ мир 日本語のテキスト 한국어 مرحبا",
		"emoji 🌱🌻 growing together 👋",
		"walking walked walks walker",
		"(Hello), world... e.g. U.K. don't it's 3.5km 1,000 A1 2nd x_y _under_ a:b 'quoted' \"dq\" end.",
		"...lead trail!!! ?? -- drop-in 10:00-12:00 C++ #tag me@example.org http://x.y/z a.b.c a..b a''b 'tis dogs'",
		"1.2.3 .5 5. _ __ a_ _a a;b a,b 3,b b,3 x.5 5.x\tTab\r\nCRLF\vVT\fFF \x00nul\x01ctl\x7fdel",
		strings.Repeat("friendship ", 300),
	} {
		sameAsBleve(t, m, text)
	}
}

// TestAnalyzerGivesBleveEnglishTokensInASCII compares short texts drawn
// from letters, digits and every kind of ASCII mark and space, where Kith
// splits words its own way.
func TestAnalyzerGivesBleveEnglishTokensInASCII(t *testing.T) {
	m := newMapping()
	const alphabet = "aZq09_ .,;:'\"-!?()/@#&\t\n\r\x00\x7f"
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		sameAsBleve(t, m, string(b))
	}
}

// TestAnalyzerCacheDoesNotChangeTerms analyses the same words again, from
// the cache, and after the caller has written over its tokens.
func TestAnalyzerCacheDoesNotChangeTerms(t *testing.T) {
	m := newMapping()
	a := m.AnalyzerNamed(analyzerName)
	text := "Gardening gardens lonely befriending the Gardening"
	first := showTokens(a.Analyze([]byte(text)))
	for _, tok := range a.Analyze([]byte(text)) {
		for i := range tok.Term {
			tok.Term[i] = 'x'
		}
	}
	if again := showTokens(a.Analyze([]byte(text))); again != first {
		t.Fatalf("from the cache:\n %s\nfirst:\n %s", again, first)
	}
	sameAsBleve(t, m, text)
}

// TestAnalyzerCacheStaysBounded analyses more distinct words than the cache
// keeps, twice, so the second pass mixes cached words and filtered ones.
func TestAnalyzerCacheStaysBounded(t *testing.T) {
	m := newMapping()
	a := m.AnalyzerNamed(analyzerName).(*cachedAnalyzer)
	var b strings.Builder
	for i := range maxCachedWords + 5000 {
		fmt.Fprintf(&b, "Gardening%dings ", i)
	}
	text := b.String()
	for range 2 {
		sameAsBleve(t, m, text)
	}
	if n := len(*a.terms.read.Load()) + len(a.terms.learnt); n > maxCachedWords {
		t.Fatalf("%d words cached, at most %d wanted", n, maxCachedWords)
	}
}

func FuzzAnalyzerGivesBleveEnglishTokens(f *testing.F) {
	for _, s := range []string{"lonely, likes gardening", "St Mary's", "can’t 3.5 e.g.", "Ünïcödé 日本語", "a'b'c 1,2,3 x_y", "(Hi), e.g. don't 10:00-12:00 a_ .5 \x00b"} {
		f.Add(s)
	}
	m := newMapping()
	f.Fuzz(func(t *testing.T, text string) {
		sameAsBleve(t, m, text)
	})
}
