package search

import (
	"fmt"
	"strings"
)

// Explain says in a few words why a text query matched a listing's text
// (its name, description, category names…): the query words it contains,
// else the synonyms it contains, else that it is a near match (a typo).
// Empty when there is no text.
func Explain(text string, listing ...string) string {
	qws := words(text)
	if len(qws) == 0 {
		return ""
	}
	if found := present(qws, listing); len(found) > 0 {
		return "matches " + quoteAll(found)
	}
	if found := present(expand(qws), listing); len(found) > 0 {
		return fmt.Sprintf("matches %s (for %s)", quoteAll(found), quoteAll(qws))
	}
	return "close match for " + quoteAll(qws)
}

// present returns the terms (words or phrases) whose every word shares its
// stem with some listing word, at most three.
func present(terms, listing []string) []string {
	var out []string
	for _, t := range terms {
		all := true
		for _, w := range strings.Fields(t) {
			if !hasStem(listing, w) {
				all = false
				break
			}
		}
		if all {
			out = append(out, t)
		}
		if len(out) == 3 {
			break
		}
	}
	return out
}

// hasStem compares the first five letters of w (lower case), a rough
// stand-in for stemming that is good enough to explain a match. The
// listing's words are walked in place and compared ignoring case, since a
// search explains twenty listings' text each.
func hasStem(listing []string, w string) bool {
	stem := w
	if len(stem) > 5 {
		stem = stem[:5]
	}
	for _, field := range listing {
		for l := range strings.FieldsFuncSeq(field, notWordRune) {
			if len(l) >= len(stem) && strings.EqualFold(l[:len(stem)], stem) {
				return true
			}
		}
	}
	return false
}

func quoteAll(ws []string) string {
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = "'" + w + "'"
	}
	return strings.Join(q, ", ")
}
