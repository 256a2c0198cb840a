package oruk

import (
	"regexp"
	"strings"

	"kith/directory"
)

// email keeps an address directory will accept, dropping anything else
// with a note: "info at example.org" is better missing than refusing the
// whole listing.
func (b *build) email(field, s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "mailto:"))
	p := directory.Problems{}
	if p.Email(field, s); len(p) > 0 {
		b.fix("%s %q is not an email address and was left out", field, s)
		return ""
	}
	return s
}

// url keeps a web address directory will accept. Feeds often leave out the
// scheme ("www.example.org"); that is the one repair made.
func (b *build) url(field, s string) string {
	if !strings.Contains(s, "://") && strings.Contains(s, ".") && !strings.ContainsAny(s, " @") {
		s = "https://" + s
	}
	p := directory.Problems{}
	if p.URL(field, s); len(p) > 0 || len(s) > 2000 {
		b.fix("%s %q is not a web address and was left out", field, s)
		return ""
	}
	return s
}

// phoneFormat is directory's rule for a phone number.
var (
	phoneRun    = regexp.MustCompile(`\+?[0-9][0-9 ()-]{5,30}[0-9]`)
	phoneFormat = regexp.MustCompile(`^\+?[0-9 ()-]{6,24}$`)
)

// phoneNumber finds the number in text such as "Call 0191 555 0123 (option
// 2)", "" if there is none directory would accept.
func phoneNumber(s string) string {
	n := strings.TrimSpace(phoneRun.FindString(s))
	if strings.Count(n, "(") != strings.Count(n, ")") {
		n = strings.TrimSpace(strings.NewReplacer("(", "", ")", "").Replace(n))
	}
	if !phoneFormat.MatchString(n) {
		return ""
	}
	return n
}
