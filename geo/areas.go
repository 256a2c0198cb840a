package geo

import (
	"cmp"
	"slices"
	"strings"
)

// LSOACentroid returns the centre of an English LSOA (2011 or 2021 code) and
// its IMD 2019 decile, 1 = most deprived tenth. The decile is 0 for 2021-only
// codes, which IMD 2019 predates. Codes are matched case-insensitively because
// they arrive from CSV uploads and URLs as well as from our own data.
func LSOACentroid(code string) (Point, int, bool) {
	r, ok := must(loadLSOAs())[normCode(code)]
	return r.pt, int(r.imd), ok
}

// LA is a current English local authority district: the area a commissioner
// is scoped to.
type LA struct {
	Code       string // ONS code, E06/E07/E08/E09
	Name       string
	RegionCode string // E12…
	Region     string
}

// LocalAuthority names a current English local authority district. Former
// codes (merged away since) are refused, because a commissioning area must be
// one that exists today; CurrentLAD translates them.
func LocalAuthority(code string) (string, bool) {
	r, ok := must(loadLADs()).byCode[normCode(code)]
	if !ok || !r.current {
		return "", false
	}
	return r.la.Name, true
}

// CurrentLAD maps a local authority code of any vintage to today's: itself
// if current, else the authority it was merged into (E07000165 Harrogate →
// E06000065 North Yorkshire). Postcode data carries the codes of its release
// date, and aggregates must be counted in today's areas.
func CurrentLAD(code string) (string, bool) {
	r, ok := must(loadLADs()).byCode[normCode(code)]
	return r.successor, ok
}

// LocalAuthorities lists the current English local authority districts,
// sorted by name as a picker shows them. The slice is the caller's own.
func LocalAuthorities() []LA {
	return slices.Clone(must(loadLADs()).current)
}

func sortLAs(las []LA) {
	slices.SortFunc(las, func(a, b LA) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.Code, b.Code))
	})
}

func normCode(code string) string { return strings.ToUpper(strings.TrimSpace(code)) }
