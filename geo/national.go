package geo

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
)

// NationalSource answers for postcodes beyond the shipped subset, typically
// from the ONS Postcode Directory loaded into PostgreSQL. It is asked for a
// canonical full postcode ("SR1 1RS"), which it answers only if it holds
// that postcode, or for an outward code alone ("SR1"), which it answers with
// the district's centre. ok is false when it knows neither.
type NationalSource func(code string) (place Place, ok bool, err error)

var national atomic.Pointer[NationalSource]

// SetNational makes src the first place LookupPostcode and Resolve look;
// nil goes back to the shipped subset alone. The shipped subset still
// answers whatever src does not know.
func SetNational(src NationalSource) {
	if src == nil {
		national.Store(nil)
		return
	}
	national.Store(&src)
}

// fromNational asks the national source, if one is set. A failing source
// counts as not knowing: a search must not fail because the postcode table
// is briefly unreachable, and the shipped subset still covers its areas.
func fromNational(code string) (Place, bool) {
	src := national.Load()
	if src == nil {
		return Place{}, false
	}
	p, ok, err := (*src)(code)
	return p, ok && err == nil
}

// lookup places a canonical postcode: the national source's own record
// first, then the shipped subset (the postcode, else its district), and
// last the national source's district centre.
func lookup(pc string) (Place, error) {
	if p, ok := fromNational(pc); ok {
		return p, nil
	}
	p, err := must(loadPostcodes()).place(pc)
	if errors.Is(err, ErrUnknownPostcode) {
		if d, ok := fromNational(pc[:len(pc)-4]); ok {
			d.Postcode = pc
			return d, nil
		}
	}
	return p, err
}

// district places an outward code, nationally first.
func district(oc string) (Place, error) {
	if p, ok := fromNational(oc); ok {
		return p, nil
	}
	return must(loadPostcodes()).district(oc)
}

// PostcodeRecord is one row of the ONS Postcode Directory as Kith keeps it.
// IMDDecile is the IMD 2019 decile of the LSOA (0 outside England or for a
// 2021-only LSOA code), taken from Kith's own LSOA table because the
// directory's imd column is a rank in each nation's own index.
type PostcodeRecord struct {
	Postcode   string
	Outcode    string
	Point      Point
	LSOA       string
	LAD        string
	Ward       string
	IMDDecile  int
	Terminated bool
}

// PostcodeDirectory streams the official ONS postcode CSV: the ONS Postcode
// Directory (ONSPD) or the National Statistics Postcode Lookup (NSPL), of
// any release. Columns are found by name, because each release reorders and
// renames them (laua or oslaua, ward or osward, lsoa11 or lsoa21, pcds or
// pcd7). It holds one row at a time, so a 2.7-million-row file reads in
// constant memory.
type PostcodeDirectory struct {
	cr  *csv.Reader
	col directoryColumns
	// Skipped counts rows that were not usable: no grid reference (ONS
	// writes latitude 99.999999), a malformed postcode, or a broken line.
	Skipped int
}

type directoryColumns struct {
	postcode, lat, lon, doterm, lsoa, lad, ward int
}

// Column names, most preferred first. LSOA 2011 comes before 2021 because
// the IMD 2019 deciles Kith ships are by 2011 LSOA.
var directoryNames = struct {
	postcode, lat, lon, doterm, lsoa, lad, ward []*regexp.Regexp
}{
	postcode: columnNames(`pcds`, `pcd`, `pcd7`, `pcd8`),
	lat:      columnNames(`lat`),
	lon:      columnNames(`long`),
	doterm:   columnNames(`doterm`),
	lsoa:     columnNames(`lsoa11(cd)?`, `lsoa21(cd)?`, `lsoa\d\dcd`),
	lad:      columnNames(`laua`, `oslaua`, `lad\d\dcd`),
	ward:     columnNames(`ward`, `osward`, `wd\d\dcd`),
}

func columnNames(patterns ...string) []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(patterns))
	for i, p := range patterns {
		out[i] = regexp.MustCompile(`^` + p + `$`)
	}
	return out
}

// NewPostcodeDirectory reads the header of r and fails if a column Kith
// needs (a postcode, lat and long) is missing.
func NewPostcodeDirectory(r io.Reader) (*PostcodeDirectory, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("geo: postcode directory header: %w", err)
	}
	for i, h := range header {
		header[i] = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
	}
	n := directoryNames
	col := directoryColumns{
		postcode: find(header, n.postcode), lat: find(header, n.lat), lon: find(header, n.lon),
		doterm: find(header, n.doterm), lsoa: find(header, n.lsoa), lad: find(header, n.lad), ward: find(header, n.ward),
	}
	if col.postcode < 0 || col.lat < 0 || col.lon < 0 {
		return nil, fmt.Errorf("geo: not an ONS postcode directory: the header needs pcds (or pcd), lat and long; it has %s",
			strings.Join(header, ","))
	}
	return &PostcodeDirectory{cr: cr, col: col}, nil
}

// find returns the index of the first header matching the most preferred
// pattern, or -1.
func find(header []string, patterns []*regexp.Regexp) int {
	for _, p := range patterns {
		for i, h := range header {
			if p.MatchString(h) {
				return i
			}
		}
	}
	return -1
}

// Read returns the next usable postcode, skipping (and counting) rows that
// are not, and io.EOF at the end.
func (d *PostcodeDirectory) Read() (PostcodeRecord, error) {
	for {
		rec, err := d.cr.Read()
		var pe *csv.ParseError
		switch {
		case errors.As(err, &pe):
			d.Skipped++
			continue
		case err != nil:
			return PostcodeRecord{}, err
		}
		if r, ok := d.record(rec); ok {
			return r, nil
		}
		d.Skipped++
	}
}

// Line is the line of the file last read, for messages.
func (d *PostcodeDirectory) Line() int {
	line, _ := d.cr.FieldPos(0)
	return line
}

func (d *PostcodeDirectory) record(rec []string) (PostcodeRecord, bool) {
	field := func(i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	pc, err := NormalisePostcode(field(d.col.postcode))
	if err != nil {
		return PostcodeRecord{}, false
	}
	lat, err1 := strconv.ParseFloat(field(d.col.lat), 64)
	lon, err2 := strconv.ParseFloat(field(d.col.lon), 64)
	pt, err3 := LonLat(lon, lat)
	if errors.Join(err1, err2, err3) != nil {
		return PostcodeRecord{}, false
	}
	r := PostcodeRecord{
		Postcode: pc, Outcode: pc[:len(pc)-4], Point: pt, LSOA: field(d.col.lsoa),
		LAD: field(d.col.lad), Ward: field(d.col.ward), Terminated: field(d.col.doterm) != "",
	}
	if r.LSOA != "" {
		_, r.IMDDecile, _ = LSOACentroid(r.LSOA)
	}
	return r, true
}
