package geo_test

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"kith/geo"
)

// Inputs that have broken hand-written parsers before: spacing, case, the
// letter/digit look-alikes, non-ASCII, and things that are almost numbers.
var fuzzSeeds = []string{
	"SR1 1RS", "sr11rs", " Sr1  1rs ", "SW1A 1AA", "W1A 0AX", "M60 1AB", "GIR 0AA", "TD15 1AA",
	"SR1 1ZZ", "ZE1 0AA", "SR1", "sr 1", "SR1 1", "SR1 IRS", "S0 1AA", "", " ", "\u00a0", "ß", "\xff",
	"54.906,-1.382", "54.906, -1.382", "-90,-180", "90,180", "91,0", "NaN,0", "Inf,-Inf",
	"1e2,3", "0x1p4,0", ".5,.", "+-1,2", "54,9;-1,3", "1,2,3", ",", "--", "SR1, 1RS",
}

func FuzzNormalisePostcode(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pc, err := geo.NormalisePostcode(s)
		if err != nil {
			if !errors.Is(err, geo.ErrBadPostcode) || len(err.Error()) > 200 {
				t.Fatalf("NormalisePostcode(%q) error %q: not ErrBadPostcode, or too long", s, err)
			}
			return
		}
		if again, err := geo.NormalisePostcode(pc); err != nil || again != pc {
			t.Fatalf("%q → %q, which re-normalises to %q, %v", s, pc, again, err)
		}
		if n := len(pc); n < 6 || n > 8 || pc[n-4] != ' ' || strings.Count(pc, " ") != 1 || strings.ToUpper(pc) != pc {
			t.Fatalf("%q → %q: not canonical", s, pc)
		}
		if low, _ := geo.NormalisePostcode(strings.ToLower(strings.ReplaceAll(pc, " ", ""))); low != pc {
			t.Fatalf("lower-case unspaced %q gives %q", pc, low)
		}
		if oc, err := geo.ParseOutcode(s); err != nil || oc != pc[:len(pc)-4] {
			t.Fatalf("ParseOutcode(%q) = %q, %v; postcode is %q", s, oc, err, pc)
		}
	})
}

func FuzzParseLatLon(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := geo.ParseLatLon(s)
		if err != nil {
			if !errors.Is(err, geo.ErrBadCoordinates) || len(err.Error()) > 200 {
				t.Fatalf("ParseLatLon(%q) error %q: not ErrBadCoordinates, or too long", s, err)
			}
			return
		}
		checkInRange(t, s, p)
		text := strconv.FormatFloat(p.Lat(), 'f', -1, 64) + "," + strconv.FormatFloat(p.Lon(), 'f', -1, 64)
		if len(text) <= 64 { // tiny values print long; the round trip only holds within the input limit
			if back, err := geo.ParseLatLon(text); err != nil || back != p {
				t.Fatalf("%q → %v, printed %q, read back %v, %v", s, p.Orb(), text, back.Orb(), err)
			}
		}
	})
}

func FuzzResolve(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pl, err := geo.Resolve(s)
		if err != nil {
			if !errors.Is(err, geo.ErrBadPostcode) && !errors.Is(err, geo.ErrUnknownPostcode) && !errors.Is(err, geo.ErrBadCoordinates) {
				t.Fatalf("Resolve(%q) error %v matches no sentinel", s, err)
			}
			if pl != (geo.Place{}) {
				t.Fatalf("Resolve(%q) returned %+v with an error", s, pl)
			}
			return
		}
		checkInRange(t, s, pl.Point)
		checkPrecision(t, s, pl)
	})
}

func checkInRange(t *testing.T, s string, p geo.Point) {
	t.Helper()
	lon, lat := p.Lon(), p.Lat()
	if math.IsNaN(lon) || math.IsNaN(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90 {
		t.Fatalf("%q gave an impossible point %v", s, p.Orb())
	}
}

// checkPrecision: what a Place claims to know must fit how it was found.
func checkPrecision(t *testing.T, s string, pl geo.Place) {
	t.Helper()
	switch pl.Precision {
	case geo.PrecisionPostcode:
		if pc, err := geo.NormalisePostcode(pl.Postcode); err != nil || pc != pl.Postcode ||
			pl.LSOA == "" || pl.LAD == "" || pl.IMDDecile < 1 || pl.IMDDecile > 10 {
			t.Fatalf("Resolve(%q) = %+v: incomplete postcode place", s, pl)
		}
	case geo.PrecisionOutcode:
		if pl.Outcode == "" || pl.LSOA != "" || pl.IMDDecile != 0 || pl.Terminated {
			t.Fatalf("Resolve(%q) = %+v: outcode place claims too much", s, pl)
		}
	case geo.PrecisionCoordinates:
		if pl.Postcode != "" || pl.Outcode != "" || pl.LSOA != "" {
			t.Fatalf("Resolve(%q) = %+v: coordinates place claims a postcode", s, pl)
		}
	default:
		t.Fatalf("Resolve(%q) = %+v: unknown precision", s, pl)
	}
}
