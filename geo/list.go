package geo

import (
	"strings"
)

// Postcodes lists the live shipped postcodes of a postcode area (the letters
// a postcode starts with: "SR", "WC"), sorted, so that benchmarks and tests
// can pick real, reproducible places. Terminated postcodes are left out:
// people searching give the postcode they live at now.
func Postcodes(area string) []string {
	area = strings.ToUpper(strings.TrimSpace(area))
	var out []string
	for pc, r := range must(loadPostcodes()).all() {
		if !r.terminated && areaOf(pc) == area {
			out = append(out, pc)
		}
	}
	return out
}

// areaOf returns the leading letters of a canonical postcode.
func areaOf(pc string) string {
	i := strings.IndexFunc(pc, func(r rune) bool { return r < 'A' || r > 'Z' })
	if i < 0 {
		return pc
	}
	return pc[:i]
}
