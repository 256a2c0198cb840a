package oruk_test

import (
	"strings"
	"testing"

	"kith/directory"
	"kith/directory/oruk"
)

func TestVocabularyMapsByRuleThenByKithName(t *testing.T) {
	v, err := oruk.LoadVocabulary(strings.NewReader(mapping), categories)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		term  directory.SourceTerm
		codes []string
		want  string
	}{
		{directory.SourceTerm{Vocabulary: "esdServiceTypes", Term: "MENS  sheds"}, nil, "mens-sheds"},
		{directory.SourceTerm{Vocabulary: "other", Term: "Mens sheds"}, nil, ""},
		{directory.SourceTerm{Vocabulary: "anything", Term: "Coffee Mornings"}, nil, "social-groups"},
		{directory.SourceTerm{Vocabulary: "Open Referral Needs", TermID: "cccccccc-0000-4000-8000-000000000001", Term: "Debt"}, nil, "debt-advice"},
		{directory.SourceTerm{Vocabulary: "anything", Term: "Walking groups"}, nil, "walking"},
		{directory.SourceTerm{Vocabulary: "anything", Term: "Sport and swimming"}, []string{"sport"}, "sport"},
		{directory.SourceTerm{Vocabulary: "anything", Term: "Knitting"}, nil, ""},
	} {
		if got := v.Map(tt.term, tt.codes...).Category; got != tt.want {
			t.Errorf("%+v %v → %q, want %q", tt.term, tt.codes, got, tt.want)
		}
	}
}

func TestVocabularyFileProblemsNameTheLine(t *testing.T) {
	for doc, want := range map[string]string{
		"term,category\n": "first line must be vocabulary,term,category",
		"vocabulary,term,category\n*,knitting,knitting\n":      `line 2: "knitting" is not a Kith category code`,
		"vocabulary,term,category\n# note\n*,,walking\n":       "line 3: the term is empty",
		"vocabulary,term,category\n*,walking\n":                "wrong number of fields",
		"vocabulary,term,category\n*,Walking,Walking groups\n": "not a Kith category code",
	} {
		if _, err := oruk.LoadVocabulary(strings.NewReader(doc), categories); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", doc, err, want)
		}
	}
}
