package referral

import "errors"

var (
	errNHSCharacters = errors.New("may only contain digits, spaces and hyphens")
	errNHSLength     = errors.New("must have 10 digits")
	errNHSCheckDigit = errors.New("is not a valid NHS number: its check digit does not match, so check it was copied correctly")
)

// ParseNHSNumber returns the ten digits of an NHS number, written with or
// without the usual spaces or hyphens ("943 476 5919"), once its modulus-11
// check digit proves it was not mistyped.
func ParseNHSNumber(s string) (string, error) {
	if len(s) > 20 {
		return "", errNHSLength
	}
	var digits []byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits = append(digits, c)
		case c != ' ' && c != '-':
			return "", errNHSCharacters
		}
	}
	if len(digits) != 10 {
		return "", errNHSLength
	}
	if checkDigit(digits[:9]) != int(digits[9]-'0') {
		return "", errNHSCheckDigit
	}
	return string(digits), nil
}

// checkDigit is the NHS modulus-11 check digit of nine digits, or -1 when
// they have none (a remainder of 1), which no issued number has.
func checkDigit(nine []byte) int {
	sum := 0
	for i, d := range nine {
		sum += int(d-'0') * (10 - i)
	}
	switch c := 11 - sum%11; c {
	case 11:
		return 0
	case 10:
		return -1
	default:
		return c
	}
}
