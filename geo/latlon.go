package geo

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseLatLon reads "lat,lon" in decimal degrees, such as "54.906, -1.382".
// The string is latitude first because that is how people copy coordinates
// out of map apps; the Point it returns is, as always, lon/lat.
//
// Only plain decimals are accepted. strconv.ParseFloat would also take "NaN",
// "Inf", "1e2" and hex floats; none of those is a coordinate anybody means,
// and letting them through invites surprises further down.
func ParseLatLon(s string) (Point, error) {
	if len(s) > maxInput {
		return Point{}, fmt.Errorf("%w: %s is too long", ErrBadCoordinates, echo(s))
	}
	latText, lonText, ok := strings.Cut(s, ",")
	if !ok || strings.Contains(lonText, ",") {
		return Point{}, fmt.Errorf("%w: %s should be latitude,longitude such as 54.906,-1.382", ErrBadCoordinates, echo(s))
	}
	lat, err := parseDegrees(latText, "latitude")
	if err != nil {
		return Point{}, err
	}
	lon, err := parseDegrees(lonText, "longitude")
	if err != nil {
		return Point{}, err
	}
	return LonLat(lon, lat)
}

func parseDegrees(text, what string) (float64, error) {
	t := strings.TrimSpace(text)
	if !isPlainDecimal(t) {
		return 0, fmt.Errorf("%w: %s %s is not a decimal number of degrees", ErrBadCoordinates, what, echo(t))
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil { // unreachable for plain decimals of this length; kept for safety
		return 0, fmt.Errorf("%w: %s %s: %v", ErrBadCoordinates, what, echo(t), err)
	}
	return v, nil
}

// isPlainDecimal accepts an optional sign, then digits with at most one
// decimal point, and at least one digit: "-1.5", "+54", ".5", "54.".
func isPlainDecimal(t string) bool {
	if t != "" && (t[0] == '-' || t[0] == '+') {
		t = t[1:]
	}
	digits, dots := 0, 0
	for i := 0; i < len(t); i++ {
		switch {
		case isDigit(t[i]):
			digits++
		case t[i] == '.':
			dots++
		default:
			return false
		}
	}
	return digits > 0 && dots <= 1
}
