package demo

import (
	"strings"
	"unicode"
)

// vars are the blanks a phrase can leave for the listing it ends up in:
// {place}, {venue}, {when}, {org}, {contact}, {Day}...
type vars map[string]string

func (v vars) with(kv ...string) vars {
	out := make(vars, len(v)+len(kv)/2)
	for k, x := range v {
		out[k] = x
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

// fill replaces each {name} in s with its value. An unknown name is left in
// place so that the tests, which look for stray braces, catch a phrase bank
// that asks for something the generator never supplies.
func fill(s string, v vars) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		if val, ok := v[s[i+1:i+j]]; ok {
			b.WriteString(val)
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return upperFirst(b.String())
}

// upperFirst capitalises a sentence that starts with a filled-in phrase such
// as "every Tuesday morning".
func upperFirst(s string) string {
	for i, r := range s {
		return s[:i] + string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// slug turns a name into the lower-case ASCII words used in ids and
// made-up web addresses ("St Mary's Church, Hendon" -> "st-marys-church-hendon").
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range unaccent.Replace(strings.ToLower(s)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		case r == '\'' || r == '\u2019':
		default:
			dash = true
		}
	}
	return b.String()
}

// unaccent keeps the letters of names such as "Café" and "Wiśniewska" in
// slugs and email addresses instead of dropping them.
var unaccent = strings.NewReplacer("é", "e", "è", "e", "ê", "e", "á", "a", "à", "a", "ó", "o",
	"ś", "s", "ł", "l", "ń", "n", "ć", "c", "ż", "z", "ź", "z", "ą", "a", "ę", "e")

// domain makes an RFC 2606 address for an organisation, so the demo never
// points at a real website or mailbox.
func domain(name string) string {
	s := strings.ReplaceAll(slug(name), "-", "")
	s = strings.TrimSuffix(s, "cic")
	return s + ".example"
}

// sentences joins finished sentences into one paragraph.
func sentences(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " ")
}
