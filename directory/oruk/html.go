package oruk

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// blockTags end a line of text; the rest of the markup just goes.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "ul": true, "ol": true, "li": true, "tr": true, "table": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "section": true,
	"article": true, "blockquote": true, "pre": true, "hr": true, "dl": true, "dt": true, "dd": true,
	"header": true, "footer": true, "address": true,
}

// PlainText turns the HTML that feeds put in descriptions into plain text
// that is safe to show anywhere: tags go, block ends become line breaks,
// list items start with "• ", script and style go with their content,
// entities are decoded, control characters dropped and white space tidied.
// An entity that decodes to markup (&lt;b&gt;) stays as the text it is.
func PlainText(s string) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(html.UnescapeString(s))
			break
		}
		b.WriteString(html.UnescapeString(s[:i]))
		var out string
		out, s = markup(s[i:])
		b.WriteString(out)
	}
	return tidy(b.String())
}

// markup reads what starts at a '<' and returns the text it stands for and
// the rest of the input.
func markup(s string) (string, string) {
	if strings.HasPrefix(s, "<!--") {
		return "", after(s[4:], "-->")
	}
	end := strings.IndexByte(s, '>')
	name, closing := tagName(s)
	if name == "" || end < 0 {
		return "<", s[1:] // a lone '<' is text, as in "ages 5<10"
	}
	rest := s[end+1:]
	switch {
	case !closing && (name == "script" || name == "style"):
		return "", afterFold(rest, "</"+name)
	case name == "li" && closing:
		return "", rest // the next item starts its own line
	case name == "li":
		return "\n• ", rest
	case name == "td" || name == "th":
		return " ", rest
	case blockTags[name]:
		return "\n", rest
	}
	return "", rest
}

// tagName reads the name of the tag s starts with ("" if s does not start
// one) and whether it is a closing tag.
func tagName(s string) (string, bool) {
	s = s[1:]
	closing := strings.HasPrefix(s, "/")
	s = strings.TrimPrefix(s, "/")
	if strings.HasPrefix(s, "!") || strings.HasPrefix(s, "?") {
		return "!", closing // doctype or processing instruction: drop it whole
	}
	n := 0
	for n < len(s) && (isLetter(s[n]) || (n > 0 && s[n] >= '0' && s[n] <= '9')) {
		n++
	}
	return strings.ToLower(s[:n]), closing
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// after returns what follows the first sep in s, or "" if there is none.
func after(s, sep string) string {
	if i := strings.Index(s, sep); i >= 0 {
		return s[i+len(sep):]
	}
	return ""
}

// afterFold is after for an end tag in any case, up to and including its '>'.
func afterFold(s, tag string) string {
	i := strings.Index(strings.ToLower(s), tag)
	if i < 0 {
		return ""
	}
	return after(s[i:], ">")
}

// tidy drops control characters, collapses spaces within lines and keeps at
// most one blank line between paragraphs.
func tidy(s string) string {
	lines := strings.Split(s, "\n")
	var out []string
	blank := false
	for _, line := range lines {
		line = strings.Join(strings.FieldsFunc(line, isSpaceOrControl), " ")
		if line == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

func isSpaceOrControl(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError || r == '\u200b' || r == '\ufeff'
}

// clip shortens s to at most max characters, ending with "…" when it cut.
func clip(s string, max int) (string, bool) {
	if utf8.RuneCountInString(s) <= max {
		return s, false
	}
	r := []rune(s)[:max-1]
	return strings.TrimSpace(string(r)) + "…", true
}
