package search

import (
	"context"
	"math"

	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// textSearch scores one query's text over one snapshot of the index, term
// at a time: each term's postings are read straight through, in every
// segment, adding to a score per document. bleve's own searchers merge all
// the terms' postings document by document through a heap and make a match
// object per hit; the widest searches (a few common words and their
// synonyms, no place: half the national directory) spent 16 ms that way,
// most of it merging, where one straight read of each list takes a few.
//
// The scoring is bleve's TF-IDF, so relevance means what it did: a term
// counts weight × idf² × √freq × norm (idf = 1 + ln(live documents / (1 +
// documents with the term in the field)), norm = 1 / √(terms in the field)),
// and a service's score is the sum over its terms times the share of the
// query's parts it matches. docs/SEARCH.md gives the weights.
type textSearch struct {
	segs    []*scorch.SegmentSnapshot
	offsets []uint64 // first document number of each segment
	dicts   [][len(textFields)]segment.TermDictionary
	docs    float64 // live documents, for idf
	b       *board
	allow   []uint64 // with a place: the documents in its cells, a bit each
	near    map[string][len(textFields)]termsNear
	snap    *scorch.IndexSnapshot
	pls     []segment.PostingsList
	it      segment.PostingsIterator
}

func newTextSearch(snap *scorch.IndexSnapshot, b *board) (*textSearch, error) {
	docs, err := snap.DocCount()
	if err != nil {
		return nil, err
	}
	s := &textSearch{segs: snap.Segments(), docs: float64(docs), b: b, snap: snap}
	var total uint64
	for _, seg := range s.segs {
		s.offsets = append(s.offsets, total)
		total += uint64(seg.FullSize())
		var d [len(textFields)]segment.TermDictionary
		for i, field := range textFields {
			if d[i], err = seg.Segment().Dictionary(field); err != nil {
				return nil, err
			}
		}
		s.dicts = append(s.dicts, d)
	}
	b.size(total)
	return s, nil
}

// restrict limits scoring to the documents with any of the cell terms: a
// place's squares, or remote. Exact distances are checked afterwards.
func (s *textSearch) restrict(cells []string) error {
	s.allow = s.b.bitset(&s.b.allow)
	for i, seg := range s.segs {
		dict, err := seg.Segment().Dictionary("cells")
		if err != nil {
			return err
		}
		for _, c := range cells {
			if err := s.eachDoc(i, dict, c, func(doc uint64) { s.allow[doc>>6] |= 1 << (doc & 63) }); err != nil {
				return err
			}
		}
	}
	return nil
}

// eachDoc calls fn with the document number of every live document of
// segment i with term in dict.
func (s *textSearch) eachDoc(i int, dict segment.TermDictionary, term string, fn func(doc uint64)) error {
	pl, err := dict.PostingsList([]byte(term), s.segs[i].Deleted(), nil)
	if err != nil {
		return err
	}
	it := pl.Iterator(false, false, false, nil)
	for {
		p, err := it.Next()
		if p == nil || err != nil {
			return err
		}
		fn(s.offsets[i] + p.Number())
	}
}

// score adds up every part of the plan.
func (s *textSearch) score(ctx context.Context, plan textPlan) error {
	for i, p := range plan.parts {
		for fi := range textFields {
			if err := s.scorePart(p, uint16(i+1), fi); err != nil {
				return err
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

// scorePart scores one part in one field.
func (s *textSearch) scorePart(p planPart, part uint16, fi int) error {
	terms, err := p.terms(fi, s.nearTerms)
	if err != nil {
		return err
	}
	var only []uint64
	if p.all && len(p.stems) > 1 {
		if only, err = s.withEvery(p.stems, fi); err != nil {
			return err
		}
	}
	for _, t := range terms {
		if err := s.scoreTerm(t, part, fi, only); err != nil {
			return err
		}
	}
	return nil
}

// scoreTerm adds one term's matches in field fi (limited to only, when
// not nil) to the scores.
func (s *textSearch) scoreTerm(t weightedTerm, part uint16, fi int, only []uint64) error {
	s.pls = s.pls[:0]
	var df uint64
	for i, seg := range s.segs {
		pl, err := s.dicts[i][fi].PostingsList([]byte(t.term), seg.Deleted(), nil)
		if err != nil {
			return err
		}
		s.pls, df = append(s.pls, pl), df+pl.Count()
	}
	if df == 0 {
		return nil
	}
	idf := 1 + math.Log(s.docs/float64(df+1))
	w := t.weight * idf * idf
	for i, pl := range s.pls {
		if pl.Count() == 0 {
			continue
		}
		s.it = pl.Iterator(true, true, false, s.it)
		for {
			p, err := s.it.Next()
			if p == nil || err != nil {
				return err
			}
			doc := s.offsets[i] + p.Number()
			if !has(s.allow, doc) || !has(only, doc) {
				continue
			}
			s.b.add(doc, part, float32(w*math.Sqrt(float64(p.Frequency()))*p.Norm()))
		}
	}
	return nil
}

// withEvery returns the documents with every one of stems in field fi.
func (s *textSearch) withEvery(stems []string, fi int) ([]uint64, error) {
	every, one := s.b.bitset(&s.b.every), s.b.bitset(&s.b.one)
	for n, stem := range stems {
		clear(one)
		for i := range s.segs {
			if err := s.eachDoc(i, s.dicts[i][fi], stem, func(doc uint64) { one[doc>>6] |= 1 << (doc & 63) }); err != nil {
				return nil, err
			}
		}
		for w := range every {
			if n == 0 {
				every[w] = one[w]
			} else {
				every[w] &= one[w]
			}
		}
	}
	return every, nil
}

// nearTerms finds a stem's near terms once per search.
func (s *textSearch) nearTerms(stem string) ([len(textFields)]termsNear, error) {
	if n, ok := s.near[stem]; ok {
		return n, nil
	}
	n, err := nearTerms(s.snap, stem)
	if err != nil {
		return n, err
	}
	if s.near == nil {
		s.near = map[string][len(textFields)]termsNear{}
	}
	s.near[stem] = n
	return n, nil
}

// has reports whether set holds doc; a nil set holds everything.
func has(set []uint64, doc uint64) bool {
	return set == nil || set[doc>>6]&(1<<(doc&63)) != 0
}

// board holds one text search's scores by document number. Its arrays span
// the index and are reused from search to search (through matches), so a
// search clears only the documents it touched.
type board struct {
	scores  []float32
	parts   []uint16 // how many of the query's parts each document matched
	last    []uint16 // the part (numbered from 1) that last counted
	touched []uint32
	n       uint64 // documents in the index searched
	allow   []uint64
	every   []uint64
	one     []uint64
	warmed  uint32 // keeps the loads of hitFacts.warm from being optimised away
}

// size makes room for n documents.
func (b *board) size(n uint64) {
	if uint64(len(b.scores)) < n {
		b.scores, b.parts, b.last = make([]float32, n), make([]uint16, n), make([]uint16, n)
	}
	b.n = n
}

// bitset returns *set sized for the board's documents, cleared.
func (b *board) bitset(set *[]uint64) []uint64 { return bitmap(set, int(b.n)) }

func (b *board) add(doc uint64, part uint16, score float32) {
	if b.last[doc] != part {
		if b.last[doc] == 0 {
			b.touched = append(b.touched, uint32(doc))
		}
		b.last[doc] = part
		b.parts[doc]++
	}
	b.scores[doc] += score
}

// reset clears what the last search touched.
func (b *board) reset() {
	for _, doc := range b.touched {
		b.scores[doc], b.parts[doc], b.last[doc] = 0, 0, 0
	}
	b.touched = b.touched[:0]
}
