package directory

import (
	"net/mail"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Limits on free text keep one listing from swamping pages and the index.
const (
	maxName = 200
	maxText = 10000
)

func checkText(p Problems, field, value string, required bool, max int) {
	switch {
	case required && strings.TrimSpace(value) == "":
		p.Add(field, "is required")
	case !utf8.ValidString(value):
		p.Add(field, "is not valid UTF-8 text")
	case utf8.RuneCountInString(value) > max:
		p.Add(field, "must be at most %d characters", max)
	}
}

func checkEmail(p Problems, field, value string) {
	if value == "" {
		return
	}
	a, err := mail.ParseAddress(value)
	if err != nil || a.Address != value || a.Name != "" {
		p.Add(field, "must be an email address like name@example.org")
	}
}

func checkURL(p Problems, field, value string) {
	if value == "" {
		return
	}
	u, err := url.Parse(value)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		p.Add(field, "must be a web address starting http:// or https://")
	}
}

func checkUUID(p Problems, field, value string, required bool) {
	if value == "" {
		if required {
			p.Add(field, "is required")
		}
		return
	}
	if _, err := uuid.Parse(value); err != nil {
		p.Add(field, "must be a UUID")
	}
}

// ValidID reports whether s is a UUID, so handlers can answer 404 for
// malformed ids without asking the database.
func ValidID(s string) bool {
	_, err := uuid.Parse(s)
	return err == nil
}

func oneOf(value string, allowed ...string) bool {
	for _, a := range allowed {
		if value == a {
			return true
		}
	}
	return false
}
