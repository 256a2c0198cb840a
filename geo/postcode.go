package geo

import (
	"strings"
	"unicode"
)

// Letters allowed at each position of a UK postcode (Royal Mail's rules, as in
// BS 7666). Checking them, not just letter/digit shape, turns common typos such
// as O for 0 or I for 1 into an immediate "not a postcode" rather than a
// puzzling "not found". Every postcode in the NSPL source, England or not,
// passes these rules (see TestSourcePostcodesNormalise).
const (
	areaFirst     = "ABCDEFGHIJKLMNOPRSTUWYZ" // not Q V X
	areaSecond    = "ABCDEFGHKLMNOPQRSTUVWXY" // not I J Z
	districtA9A   = "ABCDEFGHJKPSTUW"         // final letter of e.g. W1A
	districtAA9A  = "ABEHMNPRVWXY"            // final letter of e.g. SW1A
	inwardLetters = "ABDEFGHJLNPQRSTUWXYZ"    // not C I K M O V
)

// maxInput bounds work on hostile input; no honest postcode is this long,
// however it is spaced.
const maxInput = 64

const (
	whyOutward = "does not start with a postcode district such as SR1, M60, W1A or SW1A"
	whyInward  = "must end in a digit and two letters, such as 1RS (never C, I, K, M, O or V)"
	whyShort   = "is too short for a full postcode such as SR1 1RS"
)

// NormalisePostcode returns the canonical form of a UK postcode: upper case,
// outward and inward codes separated by one space ("SR1 1RS"). Spaces
// anywhere and any letter case are accepted, because people type "sr11rs" and
// "SR1  1RS" and mean the same place.
//
// GIR 0AA, the Girobank postcode that predates the current rules, is accepted:
// it is still a deliverable postcode, and rejecting it would call a real
// postcode a typo. It has no location in the shipped data, so lookups report
// it as unknown. Overseas-territory codes (ASCN 1ZZ, …) and BFPO numbers are
// not accepted: they are not places Kith could serve.
func NormalisePostcode(s string) (string, error) {
	c, why := compact(s)
	if why == "" {
		var pc string
		if pc, why = canonical(c); why == "" {
			return pc, nil
		}
		why = explain(s, why)
	}
	return "", badPostcode(s, why)
}

// explain prefers the person's own split when they typed one. In "SR1 1R"
// the last three characters are "11R", so the rules alone would blame the
// district; the mistake is in the part after the space.
func explain(s, why string) string {
	if f := strings.Fields(s); len(f) == 2 && len(f[1]) != 3 {
		return whyInward
	}
	return why
}

// ParseOutcode returns the outward code (the district, "SR1") of a full
// postcode, or of an outward code given on its own. The two cannot be
// confused: without spaces an outward code has at most 4 characters and a
// full postcode at least 5. An outward code alone must not contain spaces.
func ParseOutcode(s string) (string, error) {
	c, why := compact(s)
	switch {
	case why != "":
	case len(c) >= 5:
		var pc string
		if pc, why = canonical(c); why == "" {
			c = pc[:len(pc)-4]
		}
	case strings.ContainsFunc(strings.TrimSpace(s), unicode.IsSpace):
		why = whyShort // "SR1 1" is a cut-off postcode, not district SR11
	case c != "GIR" && !validOutward(c):
		why = whyOutward
	}
	if why != "" {
		return "", badPostcode(s, why)
	}
	return c, nil
}

// compact drops white space and upper-cases, refusing anything but ASCII
// letters and digits and anything longer than the 7 characters of the
// longest postcode. It returns the reason when it refuses.
func compact(s string) (string, string) {
	if len(s) > maxInput {
		return "", "is too long"
	}
	var buf [7]byte
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		default:
			return "", "may only contain letters, digits and spaces"
		}
		if n == len(buf) {
			return "", "is too long for a UK postcode"
		}
		buf[n] = byte(r)
		n++
	}
	if n == 0 {
		return "", "is empty"
	}
	return string(buf[:n]), ""
}

// canonical turns a compacted postcode into "OUT IN", or says why it cannot.
// The inward code is always the last three characters, which is what makes
// a postcode typed without its space unambiguous.
func canonical(c string) (string, string) {
	if len(c) < 5 {
		return "", whyShort
	}
	out, in := c[:len(c)-3], c[len(c)-3:]
	switch {
	case out == "GIR" && in == "0AA":
	case !validOutward(out):
		return "", whyOutward
	case !isDigit(in[0]) || !isIn(inwardLetters, in[1]) || !isIn(inwardLetters, in[2]):
		return "", whyInward
	}
	return out + " " + in, ""
}

// validOutward accepts the six outward shapes: A9, A99, A9A, AA9, AA99, AA9A.
func validOutward(o string) bool {
	if len(o) < 2 || len(o) > 4 || !isIn(areaFirst, o[0]) {
		return false
	}
	district, finals := o[1:], districtA9A
	if !isDigit(district[0]) {
		if !isIn(areaSecond, district[0]) {
			return false
		}
		district, finals = o[2:], districtAA9A
	}
	switch len(district) {
	case 1:
		return isDigit(district[0])
	case 2:
		return isDigit(district[0]) && (isDigit(district[1]) || isIn(finals, district[1]))
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isIn(set string, c byte) bool { return strings.IndexByte(set, c) >= 0 }
