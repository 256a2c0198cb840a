package referral

import (
	"regexp"
	"strings"
	"time"

	"kith/directory"
)

// Limits on free text keep one record from swamping pages and exports.
const (
	maxName  = 200
	maxShort = 500
	maxNote  = 4000
	maxText  = 10000
)

var phoneChars = regexp.MustCompile(`^\+?[0-9 ()-]{6,24}$`)

// normalisePhone returns a UK phone number as its digits with a leading 0
// ("07700900123"), so one number is stored one way however it was typed.
func normalisePhone(p directory.Problems, field, value string) string {
	if value == "" {
		return ""
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, value)
	if strings.HasPrefix(value, "+44") {
		digits = "0" + strings.TrimPrefix(strings.TrimPrefix(digits, "44"), "0")
	}
	if !phoneChars.MatchString(value) || !strings.HasPrefix(digits, "0") || len(digits) < 10 || len(digits) > 11 {
		p.Add(field, "must be a UK phone number such as 0191 555 0123 or 07700 900123")
		return value
	}
	return digits
}

// parseDate reads a calendar date such as 2026-01-31.
func parseDate(p directory.Problems, field, value string) (time.Time, bool) {
	d, err := time.Parse(time.DateOnly, value)
	if err != nil {
		p.Add(field, "must be a date like 2026-01-31")
		return time.Time{}, false
	}
	return d, true
}

// parseMoment reads a time given with its offset (RFC 3339) or as London
// local time ("2026-01-31T14:30"), which is how people enter it; empty means
// def.
func parseMoment(p directory.Problems, field, value string, def time.Time) time.Time {
	if value == "" {
		return def
	}
	if t, err := time.Parse(time.RFC3339, value); err == nil {
		return t.UTC()
	}
	if t, err := time.ParseInLocation("2006-01-02T15:04", value, directory.London); err == nil {
		return t.UTC()
	}
	p.Add(field, "must be a time like 2026-01-31T14:30 (London) or 2026-01-31T14:30:00Z")
	return def
}

// today is the calendar day at now in England, as a UTC midnight like
// PostgreSQL dates scan to.
func today(now time.Time) time.Time {
	l := now.In(directory.London)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC)
}

// codePattern is the shape of a taxonomy term code; whether it exists is
// the store's question.
var codePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)
