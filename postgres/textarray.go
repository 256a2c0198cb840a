package postgres

import (
	"errors"
	"fmt"
	"strings"
)

// TextArray scans a one-dimensional PostgreSQL text[] whose elements are
// never NULL. The array's text is copied into one string and each element
// is a piece of it, unless it had to be unescaped: lib/pq's StringArray
// allocates every element and more while parsing, and the arrays of a page
// of result cards were most of what a search allocated. Scanning into the
// same TextArray again reuses its slice.
type TextArray []string

var errTextArray = errors.New("postgres: not a one-dimensional text[] without NULLs")

// Scan implements sql.Scanner.
func (a *TextArray) Scan(src any) error {
	var text string
	switch v := src.(type) {
	case []byte:
		text = string(v)
	case string:
		text = v
	default:
		return fmt.Errorf("postgres: scanning %T into a text[]", src)
	}
	elems, err := parseTextArray(text, (*a)[:0])
	if err != nil {
		return err
	}
	*a = elems
	return nil
}

// parseTextArray appends the elements of text, PostgreSQL's output form of
// a text[] ({a,"b c","d\"e"}), to out.
func parseTextArray(text string, out []string) ([]string, error) {
	if len(text) < 2 || text[0] != '{' || text[len(text)-1] != '}' {
		return nil, errTextArray
	}
	rest := text[1 : len(text)-1]
	if rest == "" {
		return out, nil
	}
	for {
		var elem string
		var err error
		if rest[0] == '"' {
			elem, rest, err = quotedElement(rest)
		} else {
			elem, rest, err = plainElement(rest)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, elem)
		if rest == "" {
			return out, nil
		}
		if rest[0] != ',' || len(rest) == 1 {
			return nil, errTextArray
		}
		rest = rest[1:]
	}
}

// plainElement splits an unquoted element from the front of s.
func plainElement(s string) (elem, rest string, err error) {
	end := strings.IndexByte(s, ',')
	if end < 0 {
		end = len(s)
	}
	elem = s[:end]
	if elem == "" || strings.EqualFold(elem, "NULL") || strings.ContainsAny(elem, "{}\"\\ \t\n\r\v\f") {
		return "", "", errTextArray
	}
	return elem, s[end:], nil
}

// quotedElement splits a quoted element from the front of s, which starts
// with its opening quote, undoing its backslash escapes.
func quotedElement(s string) (elem, rest string, err error) {
	var b strings.Builder
	escaped := false
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			if !escaped {
				b.WriteString(s[1:i])
				escaped = true
			}
			if i+1 == len(s) {
				return "", "", errTextArray
			}
			i++
			b.WriteByte(s[i])
		case c == '"':
			if !escaped {
				return s[1:i], s[i+1:], nil
			}
			return b.String(), s[i+1:], nil
		case escaped:
			b.WriteByte(c)
		}
	}
	return "", "", errTextArray
}
