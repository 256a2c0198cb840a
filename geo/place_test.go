package geo_test

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"kith/geo"
)

// Expected values are copied from shared/geo: nspl_nov2021_postcodes_20areas.csv
// (lat, long, lsoa11, laua, ward, doterm) and imd2019_england_lsoa11.csv
// (IMD_decile of the LSOA). The embedded file keeps 5 decimals, hence the
// tolerance.
type wantPlace struct {
	postcode, outcode string
	lat, lon          float64
	lsoa, lad, ward   string
	imd               int
	terminated        bool
	precision         string
}

func checkPlace(t *testing.T, in string, got geo.Place, w wantPlace) {
	t.Helper()
	if got.Postcode != w.postcode || got.Outcode != w.outcode || got.Precision != w.precision {
		t.Errorf("%q: postcode/outcode/precision = %q/%q/%q, want %q/%q/%q",
			in, got.Postcode, got.Outcode, got.Precision, w.postcode, w.outcode, w.precision)
	}
	const tol = 0.000006
	if math.Abs(got.Point.Lat()-w.lat) > tol || math.Abs(got.Point.Lon()-w.lon) > tol {
		t.Errorf("%q: at lat %v lon %v, want lat %v lon %v", in, got.Point.Lat(), got.Point.Lon(), w.lat, w.lon)
	}
	if got.LSOA != w.lsoa || got.LAD != w.lad || got.Ward != w.ward || got.IMDDecile != w.imd || got.Terminated != w.terminated {
		t.Errorf("%q: LSOA/LAD/ward/IMD/terminated = %s/%s/%s/%d/%v, want %s/%s/%s/%d/%v", in,
			got.LSOA, got.LAD, got.Ward, got.IMDDecile, got.Terminated, w.lsoa, w.lad, w.ward, w.imd, w.terminated)
	}
}

var sr11rs = wantPlace{
	postcode: "SR1 1RS", outcode: "SR1", lat: 54.906036, lon: -1.381995,
	lsoa: "E01008703", lad: "E08000024", ward: "E05001158", imd: 1, precision: "postcode",
}

func TestLookupPostcode(t *testing.T) {
	// District centres: outcode_centroids_nspl_derived_20areas.csv.
	sr1 := wantPlace{postcode: "SR1 1ZZ", outcode: "SR1", lat: 54.906192, lon: -1.378149, precision: "outcode"}
	tests := []struct {
		in   string
		want wantPlace
	}{
		{"SR1 1RS", sr11rs},
		{"sr1 1rs", sr11rs},
		{"SR11RS", sr11rs},
		{" Sr1  1rs ", sr11rs},
		// Terminated in 1999: still locates, flagged.
		{"SR1 1AA", wantPlace{postcode: "SR1 1AA", outcode: "SR1", lat: 54.908542, lon: -1.379728,
			lsoa: "E01008703", lad: "E08000024", ward: "E05001158", imd: 1, terminated: true, precision: "postcode"}},
		{"wc2n 5du", wantPlace{postcode: "WC2N 5DU", outcode: "WC2N", lat: 51.507209, lon: -0.128294,
			lsoa: "E01004736", lad: "E09000033", ward: "E05000644", imd: 8, precision: "postcode"}},
		// Harrogate's 2021 code is kept as NSPL has it (see CurrentLAD).
		{"HG1 1AA", wantPlace{postcode: "HG1 1AA", outcode: "HG1", lat: 53.993657, lon: -1.541446,
			lsoa: "E01027679", lad: "E07000165", ward: "E05011330", imd: 9, precision: "postcode"}},
		// English side of the Scottish border.
		{"TD15 1AA", wantPlace{postcode: "TD15 1AA", outcode: "TD15", lat: 55.769098, lon: -2.001425,
			lsoa: "E01027377", lad: "E06000057", ward: "E05009103", imd: 5, precision: "postcode"}},
		// Valid and in a known district, but not in the data: district centre.
		{"SR1 1ZZ", sr1},
		// Welsh postcode in a cross-border district: not shipped, district known.
		{"LD7 1AA", wantPlace{postcode: "LD7 1AA", outcode: "LD7", lat: 52.351604, lon: -3.090779, precision: "outcode"}},
	}
	for _, tt := range tests {
		got, err := geo.LookupPostcode(tt.in)
		if err != nil {
			t.Errorf("LookupPostcode(%q): %v", tt.in, err)
			continue
		}
		checkPlace(t, tt.in, got, tt.want)
	}
}

func TestLookupPostcodeErrors(t *testing.T) {
	tests := []struct {
		in   string
		want error
	}{
		{"ZE1 0AA", geo.ErrUnknownPostcode},  // Shetland: not shipped, district unknown
		{"EH1 1YZ", geo.ErrUnknownPostcode},  // Edinburgh: not in the extract
		{"SR99 9ZZ", geo.ErrUnknownPostcode}, // well formed, no such district
		{"SR9 9ZZ", geo.ErrUnknownPostcode},  // SR9 has only terminated postcodes: no centre
		{"GIR 0AA", geo.ErrUnknownPostcode},
		{"SR1", geo.ErrBadPostcode}, // a district is not a postcode (Resolve takes it)
		{"banana", geo.ErrBadPostcode},
		{"SR1 1RS SR2 7AA", geo.ErrBadPostcode},
		{"", geo.ErrBadPostcode},
		{"54.9,-1.38", geo.ErrBadPostcode},
	}
	for _, tt := range tests {
		got, err := geo.LookupPostcode(tt.in)
		if !errors.Is(err, tt.want) {
			t.Errorf("LookupPostcode(%q) = %+v, %v; want %v", tt.in, got, err, tt.want)
		}
		if err != nil && got != (geo.Place{}) {
			t.Errorf("LookupPostcode(%q) returned %+v alongside an error", tt.in, got)
		}
	}
	_, err := geo.LookupPostcode("zE1 0aa")
	if err == nil || !strings.Contains(err.Error(), "ZE1 0AA") {
		t.Errorf("unknown-postcode error %v should name the postcode", err)
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		in   string
		want wantPlace
	}{
		{"SR1 1RS", sr11rs},
		{"  sr11rs ", sr11rs},
		{"54.906036,-1.381995", wantPlace{lat: 54.906036, lon: -1.381995, precision: "coordinates"}},
		{" 54.906036 , -1.381995 ", wantPlace{lat: 54.906036, lon: -1.381995, precision: "coordinates"}},
		{"-33.9,151.2", wantPlace{lat: -33.9, lon: 151.2, precision: "coordinates"}},
		{".5,.5", wantPlace{lat: 0.5, lon: 0.5, precision: "coordinates"}},
		{"sr1", wantPlace{outcode: "SR1", lat: 54.906192, lon: -1.378149, precision: "outcode"}},
		{"WC2N", wantPlace{outcode: "WC2N", lat: 51.509074, lon: -0.124896, precision: "outcode"}},
	}
	for _, tt := range tests {
		got, err := geo.Resolve(tt.in)
		if err != nil {
			t.Errorf("Resolve(%q): %v", tt.in, err)
			continue
		}
		checkPlace(t, tt.in, got, tt.want)
	}
}

func TestResolveErrors(t *testing.T) {
	tests := []struct {
		in   string
		want error
		why  string
	}{
		{"", geo.ErrBadPostcode, "empty"},
		{"   ", geo.ErrBadPostcode, "empty"},
		{"91,0", geo.ErrBadCoordinates, "latitude 91"},
		{"54.9", geo.ErrBadCoordinates, "latitude,longitude"},
		{"-1.38 54.9", geo.ErrBadCoordinates, "latitude,longitude"},
		{"54.9,-1.38,0", geo.ErrBadCoordinates, "latitude,longitude"},
		{"SR1, 1RS", geo.ErrBadPostcode, "letters, digits and spaces"},
		{"SR1 1", geo.ErrBadPostcode, "too short"},
		{"QQ1", geo.ErrBadPostcode, "district"},
		{"Sunderland", geo.ErrBadPostcode, "too long"},
		{"ZE1", geo.ErrUnknownPostcode, "district ZE1"},
		{"ZE1 0AA", geo.ErrUnknownPostcode, "ZE1 0AA"},
	}
	for _, tt := range tests {
		_, err := geo.Resolve(tt.in)
		if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.why) {
			t.Errorf("Resolve(%q) error = %v; want %v saying %q", tt.in, err, tt.want, tt.why)
		}
	}
}

func TestLSOACentroid(t *testing.T) {
	tests := []struct {
		code     string
		lat, lon float64
		imd      int
		ok       bool
	}{
		// drkane_lsoa_latlong.csv and imd2019_england_lsoa11.csv
		{"E01008703", 54.90699, -1.38079, 1, true},
		{" e01008703 ", 54.90699, -1.38079, 1, true},
		{"E01033769", 0, 0, 0, true}, // 2021-only code: a point but no IMD 2019 decile
		{"W01000449", 0, 0, 0, false},
		{"E01999999", 0, 0, 0, false},
		{"", 0, 0, 0, false},
	}
	for _, tt := range tests {
		p, imd, ok := geo.LSOACentroid(tt.code)
		if ok != tt.ok || imd != tt.imd {
			t.Errorf("LSOACentroid(%q) = %v, %d, %v; want imd %d ok %v", tt.code, p.Orb(), imd, ok, tt.imd, tt.ok)
		}
		if tt.lat != 0 && (math.Abs(p.Lat()-tt.lat) > 1e-5 || math.Abs(p.Lon()-tt.lon) > 1e-5) {
			t.Errorf("LSOACentroid(%q) at %v, want lat %v lon %v", tt.code, p.Orb(), tt.lat, tt.lon)
		}
	}
}

func TestLocalAuthority(t *testing.T) {
	tests := []struct {
		code, name string
		ok         bool
	}{
		{"E08000024", "Sunderland", true},
		{"e08000024", "Sunderland", true},
		{"E06000065", "North Yorkshire", true},
		{"E06000010", "Kingston upon Hull, City of", true},
		{"E09000033", "Westminster", true},
		{"E07000165", "", false}, // Harrogate: merged into North Yorkshire in 2023
		{"W06000023", "", false}, // Powys: not English
		{"S12000006", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		name, ok := geo.LocalAuthority(tt.code)
		if name != tt.name || ok != tt.ok {
			t.Errorf("LocalAuthority(%q) = %q, %v; want %q, %v", tt.code, name, ok, tt.name, tt.ok)
		}
	}
}

func TestCurrentLAD(t *testing.T) {
	tests := []struct {
		code, want string
		ok         bool
	}{
		{"E08000024", "E08000024", true},
		{"E07000165", "E06000065", true}, // Harrogate → North Yorkshire
		{"E07000189", "E06000066", true}, // South Somerset → Somerset
		{"E06000048", "E06000057", true}, // Northumberland's pre-2009 code
		{"X", "", false},
	}
	for _, tt := range tests {
		got, ok := geo.CurrentLAD(tt.code)
		if got != tt.want || ok != tt.ok {
			t.Errorf("CurrentLAD(%q) = %q, %v; want %q, %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
}

func TestLocalAuthorities(t *testing.T) {
	las := geo.LocalAuthorities()
	if len(las) != 296 {
		t.Errorf("got %d current English local authorities, want 296 (since April 2023)", len(las))
	}
	if !slices.IsSortedFunc(las, func(a, b geo.LA) int { return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)) }) {
		t.Error("LocalAuthorities is not sorted by name")
	}
	i := slices.IndexFunc(las, func(l geo.LA) bool { return l.Code == "E08000024" })
	if i < 0 || las[i] != (geo.LA{Code: "E08000024", Name: "Sunderland", RegionCode: "E12000001", Region: "North East"}) {
		t.Errorf("Sunderland entry missing or wrong: %d", i)
	}
	for _, l := range las {
		if name, ok := geo.LocalAuthority(l.Code); !ok || name != l.Name {
			t.Errorf("listed %+v but LocalAuthority says %q, %v", l, name, ok)
		}
	}
	las[0].Name = "scribbled"
	if geo.LocalAuthorities()[0].Name == "scribbled" {
		t.Error("LocalAuthorities shares its slice with callers")
	}
}

func TestWarm(t *testing.T) {
	if err := geo.Warm(); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkLookupPostcode(b *testing.B) {
	inputs := []string{"SR1 1RS", "sr11rs", "WC2N 5DU", "SR1 1ZZ", "hg1 1aa"}
	if err := geo.Warm(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := geo.LookupPostcode(inputs[i%len(inputs)]); err != nil {
			b.Fatal(err)
		}
	}
}
