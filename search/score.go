package search

import (
	"context"
	"math"
	mathbits "math/bits"
	"slices"

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
//
// Every postings list is found first (newTextSearch); reading them is then
// split by document number into lanes (see lanes.go), which share nothing
// they write.
type textSearch struct {
	segs     []*scorch.SegmentSnapshot
	offsets  []uint64 // first document number of each segment
	docs     float64  // live documents, for idf
	b        *board
	snap     *scorch.IndexSnapshot
	near     map[string][len(textFields)]termsNear
	dicts    map[string][]segment.TermDictionary // by field, a dictionary per segment
	cells    []scoredTerm                        // with a place: its cells' postings, read into b.allow
	groups   []scoreGroup
	postings uint64           // how many postings the lanes read between them
	deleted  map[int][]uint64 // by segment with kept impacts: what this snapshot deleted
}

// segLists are one term's postings lists in one field, a list per segment.
type segLists []segment.PostingsList

// scoreGroup is one part of the plan in one field.
type scoreGroup struct {
	part  uint16       // numbered from 1
	every []scoredTerm // a synonym of several words: a document must have each
	terms []scoredTerm
}

// scoredTerm is a term's postings and what each occurrence weighs.
type scoredTerm struct {
	lists   segLists
	impacts []*impacts // per segment, where kept (see impacts.go)
	weight  float64    // the term's weight × idf²
}

// newTextSearch finds the postings lists of every term plan scores, and of
// cells when there is a place.
func newTextSearch(snap *scorch.IndexSnapshot, b *board, plan textPlan, cells []string) (*textSearch, error) {
	docs, err := snap.DocCount()
	if err != nil {
		return nil, err
	}
	s := &textSearch{segs: snap.Segments(), docs: float64(docs), b: b, snap: snap}
	var total uint64
	for _, seg := range s.segs {
		s.offsets = append(s.offsets, total)
		total += uint64(seg.FullSize())
	}
	b.size(total)
	if err := s.findCells(cells); err != nil {
		return nil, err
	}
	for i, p := range plan.parts {
		for fi := range textFields {
			if err := s.findPart(p, uint16(i+1), fi); err != nil {
				return nil, err
			}
		}
	}
	return s, nil
}

// findCells notes the postings of a place's cells: its squares, and
// remote. Scoring is then limited to their documents; exact distances are
// checked afterwards.
func (s *textSearch) findCells(cells []string) error {
	if cells == nil {
		return nil
	}
	s.b.bitset(&s.b.allow)
	for _, c := range cells {
		t, n, err := s.find("cells", c)
		if err != nil {
			return err
		}
		s.cells, s.postings = append(s.cells, t), s.postings+n
	}
	return nil
}

// findPart notes the postings of one part of the plan in one field.
func (s *textSearch) findPart(p planPart, part uint16, fi int) error {
	field := textFields[fi]
	terms, err := p.terms(fi, s.nearTerms)
	if err != nil {
		return err
	}
	g := scoreGroup{part: part}
	for _, wt := range terms {
		t, df, err := s.find(field, wt.term)
		if err != nil {
			return err
		}
		if df == 0 {
			continue
		}
		idf := 1 + math.Log(s.docs/float64(df+1))
		t.weight = wt.weight * idf * idf
		g.terms, s.postings = append(g.terms, t), s.postings+df
	}
	if len(g.terms) == 0 {
		return nil // nothing in this field to score
	}
	if p.all && len(p.stems) > 1 {
		s.b.bitset(&s.b.every)
		s.b.bitset(&s.b.one)
		for _, stem := range p.stems {
			t, n, err := s.find(field, stem)
			if err != nil {
				return err
			}
			g.every, s.postings = append(g.every, t), s.postings+n
		}
	}
	s.groups = append(s.groups, g)
	return nil
}

// impacts returns term's kept impacts in field (see impacts.go) and notes
// what this snapshot deleted in their segments, once per search.
func (s *textSearch) impacts(field, term string, lists segLists) ([]*impacts, error) {
	dicts, err := s.dictionaries(field)
	if err != nil {
		return nil, err
	}
	imps, err := impactsOf(s.segs, dicts, lists, fieldTerm{field, term})
	for i, imp := range imps {
		if _, ok := s.deleted[i]; imp != nil && !ok {
			if s.deleted == nil {
				s.deleted = map[int][]uint64{}
			}
			s.deleted[i] = segmentImpactsOf(s.segs[i], s.segs).deletedBits(s.segs[i])
		}
	}
	return imps, err
}

// find returns term's postings in field, with its kept impacts, and how
// many documents hold it; a term found only to tell which documents hold
// it has no weight.
func (s *textSearch) find(field, term string) (scoredTerm, uint64, error) {
	lists, n, err := s.lookup(field, term)
	if err != nil || n == 0 {
		return scoredTerm{lists: lists}, n, err
	}
	imps, err := s.impacts(field, term, lists)
	return scoredTerm{lists: lists, impacts: imps}, n, err
}

// lookup returns term's postings lists in field, one per segment, without
// deleted documents, and how many documents they hold.
func (s *textSearch) lookup(field, term string) (segLists, uint64, error) {
	dicts, err := s.dictionaries(field)
	if err != nil {
		return nil, 0, err
	}
	lists := make(segLists, len(s.segs))
	var n uint64
	for i, seg := range s.segs {
		if lists[i], err = dicts[i].PostingsList([]byte(term), seg.Deleted(), nil); err != nil {
			return nil, 0, err
		}
		n += lists[i].Count()
	}
	return lists, n, nil
}

// dictionaries returns field's term dictionary in each segment.
func (s *textSearch) dictionaries(field string) ([]segment.TermDictionary, error) {
	if d, ok := s.dicts[field]; ok {
		return d, nil
	}
	d := make([]segment.TermDictionary, len(s.segs))
	for i, seg := range s.segs {
		var err error
		if d[i], err = seg.Segment().Dictionary(field); err != nil {
			return nil, err
		}
	}
	if s.dicts == nil {
		s.dicts = map[string][]segment.TermDictionary{}
	}
	s.dicts[field] = d
	return d, nil
}

// scoreRange scores the documents numbered lo to hi (exclusive; both
// multiples of 64 or the end, so lanes share no word of a bitset).
func (s *textSearch) scoreRange(ctx context.Context, l *lane, lo, hi uint64) error {
	var allow []uint64
	if s.cells != nil {
		allow = s.b.allow
		for _, t := range s.cells {
			if err := s.eachImpact(l, t, lo, hi, nil, func(doc uint64, _ float32) { allow[doc>>6] |= 1 << (doc & 63) }); err != nil {
				return err
			}
		}
	}
	var allowed []uint32
	if allow != nil {
		l.allowed = appendMembers(l.allowed[:0], allow, lo, hi)
		allowed = l.allowed
	}
	for _, g := range s.groups {
		only, err := s.withEvery(l, g.every, lo, hi)
		if err != nil {
			return err
		}
		for _, t := range g.terms {
			weight := float32(t.weight)
			err := s.eachImpact(l, t, lo, hi, allowed, func(doc uint64, impact float32) {
				if has(allow, doc) && has(only, doc) {
					s.b.add(l, doc, g.part, weight*impact)
				}
			})
			if err != nil {
				return err
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

// withEvery returns, for documents lo to hi, the set of those with every
// one of a synonym's words (nil when the part is one word).
func (s *textSearch) withEvery(l *lane, every []scoredTerm, lo, hi uint64) ([]uint64, error) {
	if every == nil {
		return nil, nil
	}
	all, one := s.b.every[lo>>6:(hi+63)>>6], s.b.one[lo>>6:(hi+63)>>6]
	for n, t := range every {
		clear(one)
		if err := s.eachImpact(l, t, lo, hi, nil, func(doc uint64, _ float32) { one[doc>>6-lo>>6] |= 1 << (doc & 63) }); err != nil {
			return nil, err
		}
		for w := range all {
			if n == 0 {
				all[w] = one[w]
			} else {
				all[w] &= one[w]
			}
		}
	}
	return s.b.every, nil
}

// eachIn calls fn with the document number and posting (frequency and
// norm) of every document in segment i's list pl numbered lo to hi
// (exclusive).
func (s *textSearch) eachIn(l *lane, i int, pl segment.PostingsList, lo, hi uint64, fn func(doc uint64, p segment.Posting)) error {
	first, end := s.offsets[i], s.offsets[i]+uint64(s.segs[i].FullSize())
	if end <= lo || first >= hi {
		return nil
	}
	l.it = pl.Iterator(true, true, false, l.it)
	p, err := l.it.Advance(max(lo, first) - first)
	for ; p != nil && err == nil; p, err = l.it.Next() {
		doc := first + p.Number()
		if doc >= hi {
			break
		}
		fn(doc, p)
	}
	return err
}

// eachImpact calls fn with the document number and impact (√freq × norm)
// of every document in t's lists numbered lo to hi (exclusive), or only
// those of allowed (ascending; nil for all), and maybe others: from the
// impacts kept for a segment, skipping what this snapshot deleted, else
// through bleve's iterator.
func (s *textSearch) eachImpact(l *lane, t scoredTerm, lo, hi uint64, allowed []uint32, fn func(doc uint64, impact float32)) error {
	for i, pl := range t.lists {
		if t.impacts == nil || t.impacts[i] == nil {
			err := s.eachIn(l, i, pl, lo, hi, func(doc uint64, p segment.Posting) { fn(doc, impactOf(p)) })
			if err != nil {
				return err
			}
			continue
		}
		size := uint64(s.segs[i].FullSize())
		first, end := s.offsets[i], s.offsets[i]+size
		if end <= lo || first >= hi {
			continue
		}
		from, to := max(lo, first), min(hi, end)
		imp := t.impacts[i]
		if in := within(allowed, from, to); allowed != nil && uint64(len(in))*probeCost*size < uint64(len(imp.lows))*(to-from) {
			imp.among(in, first, s.deleted[i], fn)
		} else {
			imp.between(uint32(from-first), uint32(to-first), first, s.deleted[i], fn)
		}
	}
	return nil
}

// probeCost is how many postings reading a list straight through costs
// against looking one document up in it: near a place, a search looks the
// documents of the place's cells up in a list when they are this many
// times fewer than the list's postings there.
const probeCost = 8

// within returns the numbers of docs (ascending) from lo to hi, exclusive.
func within(docs []uint32, lo, hi uint64) []uint32 {
	i, _ := slices.BinarySearch(docs, uint32(lo))
	j, _ := slices.BinarySearch(docs, uint32(hi))
	return docs[i:j]
}

// appendMembers appends to out the members of set from lo to hi
// (exclusive; lo a multiple of 64), ascending.
func appendMembers(out []uint32, set []uint64, lo, hi uint64) []uint32 {
	for w := lo >> 6; w < (hi+63)>>6; w++ {
		for bits := set[w]; bits != 0; bits &= bits - 1 {
			if doc := w<<6 | uint64(mathbits.TrailingZeros64(bits)); doc < hi {
				out = append(out, uint32(doc))
			}
		}
	}
	return out
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
// search clears only the documents it touched. Lanes write the entries of
// their own documents only.
type board struct {
	scores []float32
	parts  []uint16 // how many of the query's parts each document matched
	last   []uint16 // the part (numbered from 1) that last counted
	n      uint64   // documents in the index searched
	allow  []uint64
	every  []uint64
	one    []uint64
	lanes  [maxLanes]lane
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

func (b *board) add(l *lane, doc uint64, part uint16, score float32) {
	if b.last[doc] != part {
		if b.last[doc] == 0 {
			l.touched = append(l.touched, uint32(doc))
		}
		b.last[doc] = part
		b.parts[doc]++
	}
	b.scores[doc] += score
}

// reset clears what the last search touched.
func (b *board) reset() {
	for i := range b.lanes {
		l := &b.lanes[i]
		for _, doc := range l.touched {
			b.scores[doc], b.parts[doc], b.last[doc] = 0, 0, 0
		}
		l.touched = l.touched[:0]
	}
}
