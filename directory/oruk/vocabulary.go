package oruk

import (
	"bytes"
	_ "embed" // the default vocabulary file
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"kith/directory"
)

// Vocabulary maps the terms a source files services under to Kith's
// categories: first by the rules of a mapping file people can review and
// extend, then by a term that already is a Kith category (same code or
// name), as in a feed Kith itself published.
type Vocabulary struct {
	rules map[ruleKey]string
	kith  map[string]string // a category's code or name, folded → its code
}

type ruleKey struct{ vocabulary, term string }

//go:embed vocabulary.csv
var defaultVocabulary []byte

// DefaultVocabulary is the mapping file shipped with Kith.
func DefaultVocabulary(categories []directory.Term) (*Vocabulary, error) {
	return LoadVocabulary(bytes.NewReader(defaultVocabulary), categories)
}

// LoadVocabulary reads a mapping file: CSV with the header
// vocabulary,term,category, where vocabulary is the source's taxonomy (its
// name or id) or * for any, term is a term's id or name, and category is a
// Kith category code. Lines starting with # are comments. A rule naming a
// category Kith does not have is an error, with its line.
func LoadVocabulary(r io.Reader, categories []directory.Term) (*Vocabulary, error) {
	v := &Vocabulary{rules: map[ruleKey]string{}, kith: map[string]string{}}
	for _, t := range categories {
		v.kith[fold(t.Code)], v.kith[fold(t.Name)] = t.Code, t.Code
	}
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.FieldsPerRecord = 3
	header, err := cr.Read()
	if err != nil || fold(strings.Join(header, ",")) != "vocabulary,term,category" {
		return nil, errors.New("vocabulary file: the first line must be vocabulary,term,category")
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return v, nil
		}
		if err != nil {
			return nil, fmt.Errorf("vocabulary file: %w", err)
		}
		if err := v.add(rec); err != nil {
			line, _ := cr.FieldPos(0)
			return nil, fmt.Errorf("vocabulary file line %d: %w", line, err)
		}
	}
}

func (v *Vocabulary) add(rec []string) error {
	category := strings.TrimSpace(rec[2])
	if code, ok := v.kith[fold(category)]; !ok || code != category {
		return fmt.Errorf("%q is not a Kith category code", category)
	}
	if fold(rec[1]) == "" {
		return errors.New("the term is empty")
	}
	v.rules[ruleKey{fold(rec[0]), fold(rec[1])}] = category
	return nil
}

// Map returns t with its Kith category filled in ("" when nothing maps it).
// codes are other names the source gives the term, such as an ORUK 3.0
// term's "term" or "code" beside its name.
func (v *Vocabulary) Map(t directory.SourceTerm, codes ...string) directory.SourceTerm {
	keys := append([]string{t.TermID, t.Term}, codes...)
	for _, vocabulary := range []string{fold(t.Vocabulary), "*"} {
		for _, k := range keys {
			if c, ok := v.rules[ruleKey{vocabulary, fold(k)}]; ok && k != "" {
				t.Category = c
				return t
			}
		}
	}
	for _, k := range keys {
		if c, ok := v.kith[fold(k)]; ok && k != "" {
			t.Category = c
			return t
		}
	}
	return t
}

// fold makes terms compare as people mean them: without case or spacing.
func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
