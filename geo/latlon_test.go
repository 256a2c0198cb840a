package geo_test

import (
	"errors"
	"strings"
	"testing"

	"kith/geo"
)

func TestParseLatLon(t *testing.T) {
	tests := []struct {
		in       string
		lon, lat float64
	}{
		{"54.906,-1.382", -1.382, 54.906},
		{"54.906, -1.382", -1.382, 54.906},
		{"  54.906 ,\t-1.382  ", -1.382, 54.906},
		{"+54.906,-1.382", -1.382, 54.906},
		{"54,-1", -1, 54},
		{".5,-.5", -0.5, 0.5},
		{"54.,1.", 1, 54},
		{"90,180", 180, 90},
		{"-90,-180", -180, -90},
		{"-0,0", 0, 0},
		{"0054.906,-001.382", -1.382, 54.906},
	}
	for _, tt := range tests {
		p, err := geo.ParseLatLon(tt.in)
		if err != nil || p.Lon() != tt.lon || p.Lat() != tt.lat {
			t.Errorf("ParseLatLon(%q) = (lon %v, lat %v), %v; want lon %v lat %v", tt.in, p.Lon(), p.Lat(), err, tt.lon, tt.lat)
		}
	}
}

func TestParseLatLonRejects(t *testing.T) {
	tests := []struct {
		in, why string
	}{
		{"", "latitude,longitude"},
		{"54.906", "latitude,longitude"},
		{"54.906 -1.382", "latitude,longitude"},
		{"54.906,-1.382,10", "latitude,longitude"}, // altitude or a typo: refuse, do not guess
		{"54.906,", "longitude"},
		{",-1.382", "latitude"},
		{"91,0", "latitude 91 is outside"},
		{"-90.5,0", "latitude -90.5 is outside"},
		{"0,180.1", "longitude 180.1 is outside"},
		{"NaN,0", "not a decimal"},
		{"0,Inf", "not a decimal"},
		{"0,-infinity", "not a decimal"},
		{"5e1,0", "not a decimal"},
		{"0x1p4,0", "not a decimal"},
		{"1_0,0", "not a decimal"},
		{"54.9.1,0", "not a decimal"},
		{"--54,0", "not a decimal"},
		{"-,0", "not a decimal"},
		{".,0", "not a decimal"},
		{"54.9N,1.3W", "not a decimal"},
		{"54°54′N,1°23′W", "not a decimal"},
		{"54,9;-1,3", "latitude,longitude"}, // European decimal commas
		{strings.Repeat("1", 100) + ",0", "too long"},
	}
	for _, tt := range tests {
		p, err := geo.ParseLatLon(tt.in)
		if err == nil {
			t.Errorf("ParseLatLon(%q) = %v, want an error", tt.in, p.Orb())
			continue
		}
		if !errors.Is(err, geo.ErrBadCoordinates) {
			t.Errorf("ParseLatLon(%q) error %v is not ErrBadCoordinates", tt.in, err)
		}
		if !strings.Contains(err.Error(), tt.why) {
			t.Errorf("ParseLatLon(%q) error %q does not say %q", tt.in, err, tt.why)
		}
	}
}
