package search

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"
)

//go:embed synonyms.txt
var synonymsFile string

// synonymRule expands a phrase found in a query into further phrases.
type synonymRule struct {
	trigger    []string // words
	expansions []string
}

var synonymRules = mustParseSynonyms(synonymsFile)

func mustParseSynonyms(src string) []synonymRule {
	rules, err := parseSynonyms(src)
	if err != nil {
		panic(err)
	}
	return rules
}

// parseSynonyms reads the synonyms file format described at its top.
func parseSynonyms(src string) ([]synonymRule, error) {
	var rules []synonymRule
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if left, right, oneWay := strings.Cut(line, "=>"); oneWay {
			rules = append(rules, synonymRule{words(left), phrases(right)})
			continue
		}
		group := phrases(line)
		if len(group) < 2 {
			return nil, fmt.Errorf("synonyms.txt:%d: a group needs two or more terms", n+1)
		}
		for i, term := range group {
			others := append(append([]string{}, group[:i]...), group[i+1:]...)
			rules = append(rules, synonymRule{words(term), others})
		}
	}
	return rules, nil
}

func phrases(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.Join(words(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// words lower-cases s and splits it at anything that is not a letter or a
// digit (an apostrophe joins: "men's" stays one word).
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), notWordRune)
}

func notWordRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
}

// expand returns the phrases the synonym rules add to a query's words.
func expand(query []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range synonymRules {
		if !containsRun(query, r.trigger) {
			continue
		}
		for _, e := range r.expansions {
			if !seen[e] {
				seen[e] = true
				out = append(out, e)
			}
		}
	}
	return out
}

// containsRun reports whether run appears in words as consecutive words.
func containsRun(words, run []string) bool {
	for i := 0; i+len(run) <= len(words); i++ {
		match := true
		for j := range run {
			if words[i+j] != run[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}
