package oruk

import (
	"cmp"
	"errors"
	"fmt"
	"sort"
	"strings"

	"kith/directory"
)

// directory's limits on free text; a longer value is cut and the cut noted,
// so one long field does not cost the whole record.
const (
	nameLimit = 200
	textLimit = 10000
)

// Record is one listing read from a feed or spreadsheet, in the shape
// directory writes: the organisation (nil when the record only names it by
// id, so it must come from elsewhere in the same source), the service, the
// source's own terms, and what was fixed on the way.
type Record struct {
	Source         string
	SourceID       string
	ServiceID      string
	Service        directory.ServiceInput
	OrgSourceID    string
	OrganisationID string
	Organisation   *directory.OrganisationInput
	Terms          []directory.SourceTerm
	Fixes          []string
}

// Mapper reads the records of one source. Source names the feed in every
// derived id, so the same source must be given each time it is imported.
type Mapper struct {
	Source     string
	Vocabulary *Vocabulary
}

// Map reads one service record of an ORUK 3.0 or 1.0 feed. It refuses only
// a record that cannot be a listing (no id, no organisation); everything
// else is kept, with unusable fields left out and noted in Fixes.
func (m Mapper) Map(it Item) (Record, error) {
	o := it.obj
	id := o.text("id")
	if id == "" {
		return Record{}, errors.New("the record has no id")
	}
	b := &build{source: m.Source, key: "service:" + id}
	r := Record{Source: m.Source, SourceID: id, ServiceID: ImportID(m.Source, "service", id)}
	if err := b.organisation(&r, o); err != nil {
		return Record{}, err
	}
	r.Service = b.service(o, r.OrganisationID)
	r.Terms, r.Service.Categories = m.terms(o)
	r.Fixes = b.fixes
	return r, nil
}

// build carries what mapping one record needs: the source, the record's
// key for deriving child ids, and the fixes made so far.
type build struct {
	source string
	key    string
	orgKey string
	seen   map[string]bool
	fixes  []string
}

func (b *build) fix(format string, args ...any) {
	b.fixes = append(b.fixes, fmt.Sprintf(format, args...))
}

// childID derives a child record's id from the source's id for it, or from
// its place in the record when it has none. A source id repeated within a
// record falls back to the place, so two children never share an id.
func (b *build) childID(kind, sourceID string, index int) string {
	key := fmt.Sprintf("%s/%s#%d", b.key, kind, index)
	if sourceID != "" && !b.seen[kind+"/"+sourceID] {
		key = b.key + "/" + kind + "/" + sourceID
	}
	if b.seen == nil {
		b.seen = map[string]bool{}
	}
	b.seen[kind+"/"+sourceID] = true
	return ImportID(b.source, kind, key)
}

// text is a one-line field: white space and control characters become
// single spaces.
func (b *build) text(field, s string, max int) string {
	return b.clip(field, strings.Join(strings.FieldsFunc(strings.ToValidUTF8(s, ""), isSpaceOrControl), " "), max)
}

// prose is text from a feed that may hold HTML and keeps its paragraphs.
func (b *build) prose(field, s string, max int) string { return b.clip(field, PlainText(s), max) }

// clip shortens s to max characters, noting the cut under field.
func (b *build) clip(field, s string, max int) string {
	out, cut := clip(s, max)
	if cut {
		b.fix("%s was longer than %d characters and was shortened", field, max)
	}
	return out
}

// terms collects the taxonomy terms a record files its service under, ORUK
// 3.0 attributes and ORUK 1.0 service_taxonomys alike, maps each, and
// returns the distinct Kith categories they map to.
func (m Mapper) terms(o object) ([]directory.SourceTerm, []string) {
	var terms []directory.SourceTerm
	seen := map[directory.SourceTerm]bool{}
	add := func(t directory.SourceTerm, codes ...string) {
		if t.Term == "" {
			t.Term = t.TermID
		}
		t = m.Vocabulary.Map(t, codes...)
		if t.Term != "" && !seen[t] {
			seen[t] = true
			terms = append(terms, t)
		}
	}
	for _, a := range o.list("attributes") {
		t := a.child("taxonomy_term")
		vocabulary := cmp.Or(t.text("taxonomy"), t.child("taxonomy_detail").text("name"), t.text("taxonomy_id"))
		add(directory.SourceTerm{Vocabulary: vocabulary, TermID: t.text("id"), Term: t.text("name", "term")},
			t.text("term"), t.text("code"))
	}
	for _, st := range o.list("service_taxonomys") {
		t := st.child("taxonomy")
		add(directory.SourceTerm{Vocabulary: t.text("vocabulary"), TermID: t.text("id"), Term: t.text("name")})
	}
	return terms, categories(terms)
}

func categories(terms []directory.SourceTerm) []string {
	set := map[string]bool{}
	for _, t := range terms {
		if t.Category != "" {
			set[t.Category] = true
		}
	}
	out := make([]string, 0, len(set))
	for c := range set {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}
