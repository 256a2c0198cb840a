package geo

import (
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestEmbeddedDataIsConsistent checks the shipped tables against each other
// and against the package's own rules, so a regenerated file that loads but
// is wrong fails here rather than in a link worker's search.
func TestEmbeddedDataIsConsistent(t *testing.T) {
	pcs := must(loadPostcodes())
	lsoas := must(loadLSOAs())
	if pcs.len() != 73512 || len(pcs.outcodes) != 89 || len(lsoas) != 34789 {
		t.Errorf("table sizes %d postcodes, %d outcodes, %d LSOAs; want 73512, 89, 34789",
			pcs.len(), len(pcs.outcodes), len(lsoas))
	}
	for pc, r := range pcs.all() {
		checkShippedPostcode(t, pc, r, lsoas)
	}
	for oc, pt := range pcs.outcodes {
		if got, err := ParseOutcode(oc); err != nil || got != oc {
			t.Errorf("outcode %q parses as %q, %v", oc, got, err)
		}
		if !inEnglandBox(pt) {
			t.Errorf("outcode %s centre %v is outside England's box", oc, pt.Orb())
		}
	}
}

func checkShippedPostcode(t *testing.T, pc string, r postcodeRec, lsoas map[string]lsoaRec) {
	if got, err := NormalisePostcode(pc); err != nil || got != pc {
		t.Errorf("shipped postcode %q normalises to %q, %v", pc, got, err)
	}
	if l, ok := lsoas[r.lsoa]; !ok || l.imd != r.imd || r.imd < 1 {
		t.Errorf("%s: LSOA %s decile %d; LSOA table has %+v, %v", pc, r.lsoa, r.imd, l, ok)
	}
	if _, ok := CurrentLAD(r.lad); !ok {
		t.Errorf("%s: local authority %s is unknown", pc, r.lad)
	}
	if !inEnglandBox(r.pt) {
		t.Errorf("%s at %v is outside England's box", pc, r.pt.Orb())
	}
}

func inEnglandBox(p Point) bool {
	return p.Lon() > -6.5 && p.Lon() < 2 && p.Lat() > 49.8 && p.Lat() < 55.9
}

func TestEmbeddedDataSize(t *testing.T) {
	var total int64
	err := fs.WalkDir(dataFS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		total += info.Size()
		return err
	})
	if err != nil || total > 3<<20 {
		t.Errorf("embedded data is %d bytes (%v); the budget is 3 MiB", total, err)
	}
}

// sharedGeo finds the source files (../../shared/geo from this package, or
// $KITH_SHARED_GEO). They are not part of the module, so tests that need them
// skip when they are absent.
func sharedGeo(t *testing.T) string {
	dir := os.Getenv("KITH_SHARED_GEO")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "geo")
	}
	if _, err := os.Stat(filepath.Join(dir, "SOURCE.md")); err != nil {
		t.Skipf("source data not found at %s (set KITH_SHARED_GEO)", dir)
	}
	return dir
}

// eachRow calls fn with each row of a source CSV as column name → value.
func eachRow(t *testing.T, path string, fn func(map[string]string)) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	for err == nil {
		var rec []string
		if rec, err = r.Read(); err == nil {
			row := make(map[string]string, len(header))
			for i, h := range header {
				row[h] = rec[i]
			}
			fn(row)
		}
	}
	if !errors.Is(err, io.EOF) {
		t.Fatal(err)
	}
}
