package geo

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// The sentinels are phrased for people, not logs: the web layer shows them
// as the reason a "near" or postcode field was refused. Callers match them
// with errors.Is; the wrapped message adds the input and what was wrong.
var (
	// ErrBadPostcode: the text cannot be a UK postcode at all (a typo). 400.
	ErrBadPostcode = errors.New("not a valid UK postcode")
	// ErrUnknownPostcode: it could be a postcode, but Kith has no location
	// for it, nor for its district. Often 422 rather than 400: the input was
	// well formed, the data is what is missing.
	ErrUnknownPostcode = errors.New("postcode not found")
	// ErrBadCoordinates: not a usable "lat,lon" or a point off the globe.
	ErrBadCoordinates = errors.New("not valid coordinates")
)

// maxEcho caps how much of the caller's input an error message repeats, so a
// megabyte query string does not come back in the error body or the logs.
// It counts quoted bytes: one raw byte can quote as four ("\xff").
const maxEcho = 40

func echo(s string) string {
	if q := strconv.Quote(s); len(q) <= maxEcho {
		return q
	}
	for n := min(len(s), maxEcho); n > 0; n-- {
		if n < len(s) && !utf8.RuneStart(s[n]) {
			continue // cut between characters, not inside one
		}
		if q := strconv.Quote(s[:n]); len(q) <= maxEcho {
			return q + "…"
		}
	}
	return `"…"`
}

func badPostcode(input, why string) error {
	return fmt.Errorf("%w: %s %s", ErrBadPostcode, echo(input), why)
}
