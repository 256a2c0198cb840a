package directory_test

import (
	"errors"
	"strings"
	"testing"

	"kith/directory"
	"kith/geo"
)

const directoryHeader = "pcds,doterm,laua,ward,lsoa11,lat,long\n"

func loadPostcodes(t *testing.T, s *directory.Store, csv string) (directory.PostcodeLoad, error) {
	t.Helper()
	d, err := geo.NewPostcodeDirectory(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	return s.ReplacePostcodes(asAdmin(), d, nil)
}

func TestPostcodesLoadAndAnswerLookups(t *testing.T) {
	s := newStore(t)
	if ok, err := s.HasPostcodes(asAdmin()); ok || err != nil {
		t.Fatalf("a new database has postcodes: %v %v", ok, err)
	}
	load, err := loadPostcodes(t, s, directoryHeader+
		"NE1 4ST,,E08000021,E05001103,E01008397,54.9738,-1.6178\n"+
		"NE1 7RU,,E08000021,E05001103,E01008397,54.9764,-1.6150\n"+
		"NE1 1AA,200001,E08000021,E05001103,E01008397,54.9700,-1.6000\n"+
		"NE1 9ZZ,,,,,99.999999,0.000000\n")
	if err != nil || load != (directory.PostcodeLoad{Loaded: 3, Terminated: 1, Skipped: 1}) {
		t.Fatalf("load %+v, %v", load, err)
	}
	p, ok, err := s.PostcodePlace("NE1 4ST")
	if err != nil || !ok || p.LAD != "E08000021" || p.LSOA != "E01008397" || p.IMDDecile == 0 || p.Precision != geo.PrecisionPostcode {
		t.Errorf("NE1 4ST: %+v %v %v", p, ok, err)
	}
	if p, ok, _ := s.PostcodePlace("NE1 1AA"); !ok || !p.Terminated {
		t.Errorf("a terminated postcode must still be found, marked: %+v %v", p, ok)
	}
	d, ok, err := s.PostcodePlace("NE1")
	if err != nil || !ok || d.Precision != geo.PrecisionOutcode || d.Point.Lat() < 54.974 || d.Point.Lat() > 54.976 {
		t.Errorf("NE1 is the centre of its live postcodes: %+v %v %v", d, ok, err)
	}
	if _, ok, err := s.PostcodePlace("ZE1 0AA"); ok || err != nil {
		t.Errorf("an unknown postcode: %v %v", ok, err)
	}
}

// A new load replaces the old one whole; a load that fails leaves the old
// one in place.
func TestPostcodeLoadReplacesAtomically(t *testing.T) {
	s := newStore(t)
	if _, err := loadPostcodes(t, s, directoryHeader+"NE1 4ST,,E08000021,,,54.9738,-1.6178\n"); err != nil {
		t.Fatal(err)
	}
	_, err := loadPostcodes(t, s, directoryHeader+"SR1 1RS,,,,,54.9,-1.38\nSR1 1RS,,,,,54.9,-1.38\n")
	if !errors.Is(err, directory.ErrInvalid) || !strings.Contains(err.Error(), "more than once") {
		t.Fatalf("a file listing a postcode twice: %v", err)
	}
	if _, ok, _ := s.PostcodePlace("NE1 4ST"); !ok {
		t.Fatal("a failed load lost the postcodes loaded before")
	}
	if _, err := loadPostcodes(t, s, directoryHeader+"SR1 1RS,,,,,54.9,-1.38\n"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.PostcodePlace("NE1 4ST"); ok {
		t.Error("the new load kept a postcode it does not list")
	}
	if _, ok, _ := s.PostcodePlace("SR1 1RS"); !ok {
		t.Error("the new load is not in use")
	}
	d, _ := geo.NewPostcodeDirectory(strings.NewReader(directoryHeader))
	if _, err := s.ReplacePostcodes(t.Context(), d, nil); !errors.Is(err, directory.ErrUnauthenticated) {
		t.Errorf("anonymous load: %v", err)
	}
}
