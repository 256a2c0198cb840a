package directory

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// Password rules follow NCSC and NIST SP 800-63B: a long minimum, a generous
// maximum, no composition rules, and no passwords attackers try first.
const (
	MinPasswordLength = 12
	maxPasswordLength = 256
)

//go:embed data/common-passwords.txt
var commonPasswordList string

// commonPasswords holds the list's entries long enough to pass the length
// rule, lower-cased; shorter ones are refused anyway.
var commonPasswords = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, p := range strings.Split(commonPasswordList, "\n") {
		if utf8.RuneCountInString(p) >= MinPasswordLength {
			out[strings.ToLower(p)] = true
		}
	}
	return out
})

// checkNewPassword adds a problem under field when password may not be
// chosen by the holder of email.
func (p Problems) checkNewPassword(field, password, email string) {
	switch n := utf8.RuneCountInString(password); {
	case !utf8.ValidString(password):
		p.Add(field, "is not valid UTF-8 text")
	case n < MinPasswordLength:
		p.Add(field, "must be at least %d characters", MinPasswordLength)
	case n > maxPasswordLength:
		p.Add(field, "must be at most %d characters", maxPasswordLength)
	case commonPasswords()[strings.ToLower(password)]:
		p.Add(field, "is one of the most common passwords, which are tried first; choose another")
	case email != "" && strings.EqualFold(password, email):
		p.Add(field, "must not be your email address")
	}
}
