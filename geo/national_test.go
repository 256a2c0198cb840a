package geo_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"kith/geo"
)

// national answers from a small map, as the postcodes table would: full
// postcodes exactly, outward codes with a centre.
func national(t *testing.T, places map[string]geo.Place, fail error) {
	t.Helper()
	geo.SetNational(func(code string) (geo.Place, bool, error) {
		p, ok := places[code]
		return p, ok, fail
	})
	t.Cleanup(func() { geo.SetNational(nil) })
}

func TestNationalSourceComesFirst(t *testing.T) {
	newcastle := geo.Place{Postcode: "NE1 4ST", Outcode: "NE1", Point: geo.MustLonLat(-1.6178, 54.9738),
		LSOA: "E01008397", LAD: "E08000021", IMDDecile: 3, Precision: geo.PrecisionPostcode}
	district := geo.Place{Outcode: "NE1", Point: geo.MustLonLat(-1.61, 54.97), Precision: geo.PrecisionOutcode}
	moved := geo.Place{Postcode: "SR1 1RS", Outcode: "SR1", Point: geo.MustLonLat(-1.5, 54.8), Precision: geo.PrecisionPostcode}
	national(t, map[string]geo.Place{"NE1 4ST": newcastle, "NE1": district, "SR1 1RS": moved}, nil)

	if p, err := geo.LookupPostcode("ne14st"); err != nil || p != newcastle {
		t.Errorf("national postcode: %+v %v", p, err)
	}
	if p, err := geo.LookupPostcode("NE1 9ZZ"); err != nil || p.Precision != geo.PrecisionOutcode || p.Postcode != "NE1 9ZZ" || p.Point != district.Point {
		t.Errorf("unknown postcode in a national district: %+v %v", p, err)
	}
	if p, err := geo.Resolve("NE1"); err != nil || p != district {
		t.Errorf("national district: %+v %v", p, err)
	}
	if p, _ := geo.LookupPostcode("SR1 1RS"); p != moved {
		t.Errorf("the national record should win over the shipped one: %+v", p)
	}
	if p, err := geo.LookupPostcode("SR6 9AA"); err != nil || p.LSOA != "E01008722" {
		t.Errorf("the shipped subset still answers what the national source does not: %+v %v", p, err)
	}
	if _, err := geo.LookupPostcode("ZE1 0AA"); !errors.Is(err, geo.ErrUnknownPostcode) {
		t.Errorf("known to neither: %v", err)
	}
}

// A source that fails (its database is down) must not fail the lookup:
// the shipped subset answers as before.
func TestFailingNationalSourceFallsBack(t *testing.T) {
	national(t, map[string]geo.Place{}, errors.New("connection refused"))
	if p, err := geo.LookupPostcode("SR6 9AA"); err != nil || p.LSOA != "E01008722" {
		t.Errorf("%+v %v", p, err)
	}
	if _, err := geo.LookupPostcode("NE1 4ST"); !errors.Is(err, geo.ErrUnknownPostcode) {
		t.Errorf("%v", err)
	}
}

const nsplHeader = "pcd,pcd2,pcds,dointr,doterm,usertype,oseast1m,osnrth1m,osgrdind,oa11,cty,ced,laua,ward,hlthau,nhser,ctry,rgn,pcon,eer,teclec,ttwa,pct,itl,park,lsoa11,msoa11,wz11,ccg,bua11,buasd11,ru11ind,oac11,lat,long,lep1,lep2,pfa,imd,calncv,stp\n"

func TestPostcodeDirectoryReadsNSPLAndONSPD(t *testing.T) {
	nspl := nsplHeader +
		`"SR1 1RS","SR1  1RS","SR1 1RS","198001","","0","439000","557000","1","E00","E99999999","E99999999","E08000024","E05001158","E18000001","E40000001","E92000001","E12000001","E14000980","E15000001","E16000001","E30000001","E16000001","E06000001","E99999999","E01008703","E02001","E33","E38","E34","E35","C1","3B1","54.906036","-1.381995","E37","","E23","1234","E56","E54"` + "\n" +
		`"SR2 8DD","SR2  8DD","SR2 8DD","198001","200612","0","","","9","","","","E08000024","","","","E92000001","","","","","","","","","E01008834","","","","","","","","54.90073","-1.37777","","","","","",""` + "\n" +
		`"SR9 9ZZ","SR9  9ZZ","SR9 9ZZ","198001","","1","","","9","","","","","","","","E92000001","","","","","","","","","","","","","","","","","99.999999","0.000000","","","","","",""` + "\n" +
		`"not a postcode",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,` + "\n" +
		`"short row"` + "\n"
	d, err := geo.NewPostcodeDirectory(strings.NewReader(nspl))
	if err != nil {
		t.Fatal(err)
	}
	var got []geo.PostcodeRecord
	for {
		r, err := d.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, r)
	}
	if len(got) != 2 || d.Skipped != 3 {
		t.Fatalf("read %+v, skipped %d; want 2 and 3", got, d.Skipped)
	}
	if r := got[0]; r.Postcode != "SR1 1RS" || r.Outcode != "SR1" || r.LSOA != "E01008703" || r.LAD != "E08000024" ||
		r.Ward != "E05001158" || r.IMDDecile != 1 || r.Terminated || r.Point.Lat() != 54.906036 {
		t.Errorf("SR1 1RS read as %+v", r)
	}
	if !got[1].Terminated || got[1].IMDDecile != 2 {
		t.Errorf("terminated SR2 8DD read as %+v", got[1])
	}
	onspd := "PCD7,PCDS,DOINTR,DOTERM,OSLAUA,OSWARD,LSOA21,LAT,LONG\n" + `SR11RS,SR1 1RS,198001,,E08000024,E05001158,E01008703,54.9,-1.38` + "\n"
	d, err = geo.NewPostcodeDirectory(strings.NewReader("\ufeff" + onspd))
	if err != nil {
		t.Fatal(err)
	}
	if r, err := d.Read(); err != nil || r.Postcode != "SR1 1RS" || r.LAD != "E08000024" || r.Ward != "E05001158" || r.LSOA != "E01008703" {
		t.Errorf("ONSPD layout read as %+v, %v", r, err)
	}
	if _, err := geo.NewPostcodeDirectory(strings.NewReader("postcode,latitude,longitude\n")); err == nil || !strings.Contains(err.Error(), "pcds") {
		t.Errorf("a file that is not the ONS directory: %v", err)
	}
}
