package geo

import (
	"encoding/binary"
	"fmt"
	"iter"
	"slices"
	"strings"
)

// Precision says how exactly a Place was located, so callers can tell a
// postcode centroid (tens of metres) from a district centre (kilometres) and,
// for example, widen a radius or say "around SR1" instead of claiming more.
const (
	PrecisionPostcode    = "postcode"
	PrecisionOutcode     = "outcode"
	PrecisionCoordinates = "coordinates"
)

// Place is where a "near" input was resolved to.
//
// LSOA, LAD and Ward are the codes the shipped NSPL (November 2021) gives
// the postcode: 2011 LSOAs, and the local authority of that date, which may
// since have merged (use CurrentLAD for today's area). They and IMDDecile are
// only set at postcode precision: a district or a bare point spans several.
type Place struct {
	Postcode   string // canonical "SR1 1RS"; "" for coordinates or a bare outcode
	Outcode    string // "SR1"; "" for coordinates
	Point      Point
	LSOA       string
	LAD        string
	Ward       string
	IMDDecile  int  // IMD 2019 decile of the LSOA, 1 = most deprived; 0 if unknown
	Terminated bool // the postcode is no longer in use but still locates its area
	Precision  string
}

// LookupPostcode locates a full postcode. A postcode missing from the data
// but in a known district is placed at the district centre (Precision
// "outcode") rather than refused: new-build postcodes appear faster than
// data releases, and a link worker still needs roughly-right results.
//
// Errors: ErrBadPostcode if s cannot be a postcode, ErrUnknownPostcode if
// neither the postcode nor its district is known.
func LookupPostcode(s string) (Place, error) {
	pc, err := NormalisePostcode(s)
	if err != nil {
		return Place{}, err
	}
	return lookup(pc)
}

// Resolve reads the "near" of a search: coordinates ("54.906,-1.382", latitude
// first) when it starts like a number, since no postcode starts with a digit
// or sign; otherwise a full postcode, or a district alone ("SR1") at outcode
// precision.
func Resolve(s string) (Place, error) {
	t := strings.TrimSpace(s)
	if looksLikeCoordinates(t) {
		p, err := ParseLatLon(t)
		if err != nil {
			return Place{}, err
		}
		return Place{Point: p, Precision: PrecisionCoordinates}, nil
	}
	if c, why := compact(t); why == "" && len(c) <= 4 {
		oc, err := ParseOutcode(t)
		if err != nil {
			return Place{}, err
		}
		return district(oc)
	}
	return LookupPostcode(t)
}

func looksLikeCoordinates(t string) bool {
	return t != "" && (isDigit(t[0]) || strings.IndexByte("+-.", t[0]) >= 0)
}

// postcodeRec is one shipped postcode. Kept apart from Place so that the
// table stays compact and Place can grow without bloating memory.
type postcodeRec struct {
	pt              Point
	lsoa, lad, ward string
	imd             int8
	terminated      bool
}

// packedRec is a postcodeRec as the table keeps it: the codes by number,
// and no pointers, so the garbage collector never reads the table.
type packedRec struct {
	pt              Point
	lsoa, lad, ward uint32
	imd             int8
	terminated      bool
}

// postcodeTable is everything LookupPostcode knows. It is unexported, behind
// loadPostcodes, so a later national import (ONSPD into PostgreSQL) can
// supply or extend it without changing the lookup API. Sorted arrays rather
// than a map of strings: 3 MB instead of 12, held by every server.
type postcodeTable struct {
	keys     []uint64    // canonical postcodes, packed (packPostcode), sorted
	recs     []packedRec // in the order of keys
	codes    []string    // the LSOA, LAD and ward codes recs number
	outcodes map[string]Point
}

// packPostcode puts a canonical postcode (at most 8 bytes, "SW1A 1AA") in
// a number that sorts as the string does.
func packPostcode(pc string) (uint64, bool) {
	if len(pc) > 8 {
		return 0, false
	}
	var k uint64
	for i := range 8 {
		k <<= 8
		if i < len(pc) {
			k |= uint64(pc[i])
		}
	}
	return k, true
}

func unpackPostcode(k uint64) string {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], k)
	return strings.TrimRight(string(b[:]), "\x00")
}

// lookup finds a canonical postcode.
func (t *postcodeTable) lookup(pc string) (postcodeRec, bool) {
	k, ok := packPostcode(pc)
	if !ok {
		return postcodeRec{}, false
	}
	i, found := slices.BinarySearch(t.keys, k)
	if !found {
		return postcodeRec{}, false
	}
	return t.unpack(t.recs[i]), true
}

func (t *postcodeTable) unpack(r packedRec) postcodeRec {
	return postcodeRec{pt: r.pt, lsoa: t.codes[r.lsoa], lad: t.codes[r.lad], ward: t.codes[r.ward],
		imd: r.imd, terminated: r.terminated}
}

// all yields every shipped postcode, in order.
func (t *postcodeTable) all() iter.Seq2[string, postcodeRec] {
	return func(yield func(string, postcodeRec) bool) {
		for i, k := range t.keys {
			if !yield(unpackPostcode(k), t.unpack(t.recs[i])) {
				return
			}
		}
	}
}

func (t *postcodeTable) len() int { return len(t.keys) }

func (t *postcodeTable) place(pc string) (Place, error) {
	oc := pc[:len(pc)-4]
	if r, ok := t.lookup(pc); ok {
		return Place{
			Postcode: pc, Outcode: oc, Point: r.pt,
			LSOA: r.lsoa, LAD: r.lad, Ward: r.ward,
			IMDDecile: int(r.imd), Terminated: r.terminated,
			Precision: PrecisionPostcode,
		}, nil
	}
	pt, ok := t.outcodes[oc]
	if !ok {
		return Place{}, fmt.Errorf("%w: neither %s nor its district %s is in Kith's postcode data", ErrUnknownPostcode, pc, oc)
	}
	return Place{Postcode: pc, Outcode: oc, Point: pt, Precision: PrecisionOutcode}, nil
}

func (t *postcodeTable) district(oc string) (Place, error) {
	pt, ok := t.outcodes[oc]
	if !ok {
		return Place{}, fmt.Errorf("%w: district %s is not in Kith's postcode data", ErrUnknownPostcode, oc)
	}
	return Place{Outcode: oc, Point: pt, Precision: PrecisionOutcode}, nil
}
