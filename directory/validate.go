package directory

import (
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Limits on free text keep one listing from swamping pages and the index.
const (
	maxName = 200
	maxText = 10000
)

// Text checks a free-text field: present when required, valid UTF-8, at
// most max characters, and free of control characters other than the line
// breaks and tabs people type into notes.
func (p Problems) Text(field, value string, required bool, max int) {
	switch {
	case required && strings.TrimSpace(value) == "":
		p.Add(field, "is required")
	case !utf8.ValidString(value):
		p.Add(field, "is not valid UTF-8 text")
	case utf8.RuneCountInString(value) > max:
		p.Add(field, "must be at most %d characters", max)
	case strings.ContainsFunc(value, isHiddenControl):
		p.Add(field, "must not contain control characters")
	}
}

func isHiddenControl(r rune) bool {
	return unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t'
}

// Email checks an optional email address.
func (p Problems) Email(field, value string) {
	if value == "" {
		return
	}
	a, err := mail.ParseAddress(value)
	if err != nil || a.Address != value || a.Name != "" || len(value) > 254 {
		p.Add(field, "must be an email address like name@example.org")
	}
}

// URL checks an optional web address.
func (p Problems) URL(field, value string) {
	if value == "" {
		return
	}
	u, err := url.Parse(value)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		p.Add(field, "must be a web address starting http:// or https://")
	}
}

// UUID checks an id field.
func (p Problems) UUID(field, value string, required bool) {
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

// OneOf checks that value is one of allowed.
func (p Problems) OneOf(field, value string, allowed []string) {
	if !slices.Contains(allowed, value) {
		p.Add(field, "must be one of %s", strings.Join(allowed, ", "))
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
