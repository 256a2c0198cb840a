package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"kith/geo"
)

// nsplColumns is the National Statistics Postcode Lookup's own column order
// (November 2021 release).
var nsplColumns = strings.Split("pcd,pcd2,pcds,dointr,doterm,usertype,oseast1m,osnrth1m,osgrdind,oa11,cty,ced,laua,ward,"+
	"hlthau,nhser,ctry,rgn,pcon,eer,teclec,ttwa,pct,itl,park,lsoa11,msoa11,wz11,ccg,bua11,buasd11,ru11ind,oac11,"+
	"lat,long,lep1,lep2,pfa,imd,calncv,stp", ",")

// sharedNSPL is the NSPL extract for 20 postcode areas that CI keeps in
// shared/geo beside the repository.
var sharedNSPL = filepath.Join("..", "..", "..", "shared", "geo", "nspl_nov2021_postcodes_20areas.csv")

// writeNSPL writes a file in the official layout, every field quoted as ONS
// quotes them: from the shared extract when it is there, else from the
// postcodes Kith ships. It returns the file's path and its data rows.
func writeNSPL(t *testing.T) (string, int) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "NSPL_NOV_2021_UK.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fmt.Fprintln(f, strings.Join(nsplColumns, ","))
	write := func(row map[string]string) {
		pc := row["pcds"]
		out, in := pc[:len(pc)-4], pc[len(pc)-3:]
		row["pcd"], row["pcd2"] = fmt.Sprintf("%-4s%s", out, in)[:7], fmt.Sprintf("%-4s %s", out, in)
		fields := make([]string, len(nsplColumns))
		for i, c := range nsplColumns {
			fields[i] = `"` + row[c] + `"`
		}
		fmt.Fprintln(f, strings.Join(fields, ","))
	}
	n := 0
	if err := eachSharedRow(func(row map[string]string) { write(row); n++ }); err == nil {
		return path, n
	}
	for _, area := range []string{"SR", "HX", "WC"} {
		for _, pc := range geo.Postcodes(area) {
			p, _ := geo.LookupPostcode(pc)
			write(map[string]string{"pcds": pc, "lat": fmt.Sprint(p.Point.Lat()), "long": fmt.Sprint(p.Point.Lon()),
				"lsoa11": p.LSOA, "laua": p.LAD, "ward": p.Ward, "ctry": "E92000001"})
			n++
		}
	}
	return path, n
}

// eachSharedRow reads the shared extract, renaming its postcode column back
// to ONS's pcds.
func eachSharedRow(fn func(map[string]string)) error {
	f, err := os.Open(sharedNSPL)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	for err == nil {
		var rec []string
		if rec, err = r.Read(); err == nil {
			row := map[string]string{}
			for i, h := range header {
				row[h] = rec[i]
			}
			row["pcds"] = row["postcode"]
			fn(row)
		}
	}
	if errors.Is(err, io.EOF) {
		return nil
	}
	return err
}

var loadedLine = regexp.MustCompile(`loaded (\d+) postcodes \((\d+) terminated, still found\) in (\S+), (\d+) rows/s; skipped (\d+) rows`)

func TestImportNationalPostcodes(t *testing.T) {
	k := newKithDB(t)
	path, rows := writeNSPL(t)
	out := k.mustKith(t, "import", "postcodes", path)
	m := loadedLine.FindStringSubmatch(out)
	if m == nil || !strings.Contains(out, fmt.Sprintf("postcodes [==============================] %d/%d", rows, rows)) {
		t.Fatalf("output:\n%s", out)
	}
	t.Logf("%d rows: loaded %s (%s terminated), skipped %s, in %s: %s rows/s", rows, m[1], m[2], m[5], m[3], m[4])
	loaded := k.count(t, `SELECT count(*) FROM postcodes`)
	if fmt.Sprint(loaded) != m[1] || fmt.Sprint(rows-loaded) != m[5] || loaded < rows/2 {
		t.Errorf("table holds %d postcodes, output says %s and %s skipped, file has %d rows", loaded, m[1], m[5], rows)
	}
	if n := k.count(t, `SELECT count(*) FROM postcodes WHERE terminated`); fmt.Sprint(n) != m[2] {
		t.Errorf("%d terminated in the table, output says %s", n, m[2])
	}
	p, ok, err := k.dir.PostcodePlace("SR1 1RS")
	if err != nil || !ok || p.LSOA != "E01008703" || p.IMDDecile != 1 {
		t.Errorf("SR1 1RS: %+v %v %v", p, ok, err)
	}
	if _, err := os.Stat(sharedNSPL); err == nil {
		k.checkNationalLookups(t)
	}
}

// With the whole extract loaded, a postcode Kith does not ship (Dumfries)
// is found, a terminated one is found and marked, and an import places a
// venue from it: the national table is wired in when kith starts.
func (k kithDB) checkNationalLookups(t *testing.T) {
	t.Helper()
	if _, err := geo.LookupPostcode("DG1 1AA"); !errors.Is(err, geo.ErrUnknownPostcode) {
		t.Fatalf("DG1 1AA is shipped; pick another postcode for this test (%v)", err)
	}
	if p, ok, _ := k.dir.PostcodePlace("DG1 1AD"); !ok || !p.Terminated {
		t.Errorf("terminated DG1 1AD: %+v %v", p, ok)
	}
	sheet := filepath.Join(t.TempDir(), "dumfries.csv")
	os.WriteFile(sheet, []byte("organisation,name,postcode,sessions\nDumfries Walkers,Riverside walk,DG1 1AA,Wed 10:00-11:00\n"), 0o600)
	out := k.mustKith(t, "import", "csv", sheet)
	wantLines(t, out, "services       created 1,")
	if n := k.count(t, `SELECT count(*) FROM locations WHERE postcode = 'DG1 1AA' AND lat BETWEEN 55.06 AND 55.08`); n != 1 {
		t.Errorf("the venue was not placed from the national postcodes:\n%s", out)
	}
}

// A second load replaces the first whole, whatever the release's layout; a
// file that is not the directory changes nothing.
func TestImportPostcodesAgainReplaces(t *testing.T) {
	k := newKithDB(t)
	dir := t.TempDir()
	first := filepath.Join(dir, "first.csv")
	os.WriteFile(first, []byte("pcds,lat,long,doterm\nNE1 4ST,54.9738,-1.6178,\nNE1 7RU,54.9764,-1.6150,\n"), 0o600)
	k.mustKith(t, "import", "postcodes", first)
	onspd := filepath.Join(dir, "ONSPD.csv")
	os.WriteFile(onspd, []byte("PCD7,PCDS,DOINTR,DOTERM,OSLAUA,OSWARD,LSOA21,LAT,LONG\nSR11RS,SR1 1RS,198001,,E08000024,E05001158,E01008703,54.9,-1.38\n"), 0o600)
	wantLines(t, k.mustKith(t, "import", "postcodes", onspd), "loaded 1 postcodes (0 terminated")
	if n := k.count(t, `SELECT count(*) FROM postcodes`); n != 1 {
		t.Errorf("%d postcodes after the second load, want 1", n)
	}
	bad := filepath.Join(dir, "addresses.csv")
	os.WriteFile(bad, []byte("postcode,latitude,longitude\nSR1 1RS,54.9,-1.38\n"), 0o600)
	if out, err := k.kith(t, "import", "postcodes", bad); err == nil || !strings.Contains(err.Error(), "not an ONS postcode directory") {
		t.Errorf("a file that is not the directory: %v\n%s", err, out)
	}
	if n := k.count(t, `SELECT count(*) FROM postcodes`); n != 1 {
		t.Errorf("a refused file changed the postcodes: %d", n)
	}
}
