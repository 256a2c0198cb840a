package geo_test

import (
	"errors"
	"strings"
	"testing"

	"kith/geo"
)

func TestNormalisePostcode(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"SR1 1RS", "SR1 1RS"},
		{"sr1 1rs", "SR1 1RS"},
		{"SR11RS", "SR1 1RS"},
		{" Sr1  1rs ", "SR1 1RS"},
		{"s r 1 1 r s", "SR1 1RS"},
		{"\tsr1\u00a01rs\n", "SR1 1RS"}, // tab, no-break space from copy and paste
		{"M1 1AE", "M1 1AE"},            // A9
		{"M601AB", "M60 1AB"},           // A99
		{"W1A 0AX", "W1A 0AX"},          // A9A
		{"WN1 1AA", "WN1 1AA"},          // AA9
		{"TD15 1AA", "TD15 1AA"},        // AA99
		{"wc2n5du", "WC2N 5DU"},         // AA9A
		{"sw1a 1aa", "SW1A 1AA"},        // AA9A
		{"gir 0aa", "GIR 0AA"},          // Girobank
	}
	for _, tt := range tests {
		got, err := geo.NormalisePostcode(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("NormalisePostcode(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestNormalisePostcodeRejects(t *testing.T) {
	tests := []struct {
		in, why string // why: a fragment the message must contain
	}{
		{"", "empty"},
		{"   ", "empty"},
		{"SR1", "too short"},
		{"SR1 1R", "digit and two letters"},
		{"SR1 1RSX", "digit and two letters"},
		{"SR11R", "postcode district"},
		{"SR1 1RSXY", "too long"},
		{strings.Repeat("A", 100), "too long"},
		{"SR1-1RS", "letters, digits and spaces"},
		{"SR1 1RS;drop", "letters, digits and spaces"},
		{"ŚR1 1RS", "letters, digits and spaces"},
		{"SR1 IRS", "digit and two letters"}, // I for 1
		{"SR1 1OS", "digit and two letters"}, // O is never an inward letter
		{"SR1 1RC", "digit and two letters"}, // nor C
		{"QR1 1RS", "postcode district"},     // Q never starts an area
		{"SZ1 1RS", "postcode district"},     // Z never second
		{"S11A 1RS", "postcode district"},    // A99A is not a shape
		{"SWIA 1AA", "postcode district"},    // I for 1
		{"W1I 1AA", "postcode district"},     // I is not a district letter
		{"SW1C 1AA", "postcode district"},    // C cannot end AA9A
		{"12345", "postcode district"},       // digits only
		{"hello world", "too long"},
		{"ASCN 1ZZ", "postcode district"},      // overseas territory: not served
		{"GIR 0AB", "postcode district"},       // only GIR 0AA
		{"\xff\xfeSR1 1RS", "letters, digits"}, // invalid UTF-8
	}
	for _, tt := range tests {
		got, err := geo.NormalisePostcode(tt.in)
		if err == nil {
			t.Errorf("NormalisePostcode(%q) = %q, want an error", tt.in, got)
			continue
		}
		if !errors.Is(err, geo.ErrBadPostcode) {
			t.Errorf("NormalisePostcode(%q) error %v is not ErrBadPostcode", tt.in, err)
		}
		if !strings.Contains(err.Error(), tt.why) {
			t.Errorf("NormalisePostcode(%q) error %q does not say %q", tt.in, err, tt.why)
		}
	}
}

func TestErrorEchoIsBounded(t *testing.T) {
	_, err := geo.NormalisePostcode(strings.Repeat("é", 500))
	if err == nil || len(err.Error()) > 120 {
		t.Errorf("error for a long input is %d bytes: %v", len(err.Error()), err)
	}
}

func TestParseOutcode(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"SR1 1RS", "SR1", true},
		{"sr11rs", "SR1", true},
		{"sr1", "SR1", true},
		{" wc2n ", "WC2N", true},
		{"TD15", "TD15", true},
		{"GIR", "GIR", true},
		{"GIR 0AA", "GIR", true},
		{"S", "", false},
		{"SR1 1", "", false}, // a cut-off postcode, not district SR11
		{"S R1", "", false},
		{"SR1 1R", "", false},
		{"QR1", "", false},
		{"SR1 1OS", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, err := geo.ParseOutcode(tt.in)
		if tt.ok != (err == nil) || got != tt.want {
			t.Errorf("ParseOutcode(%q) = %q, %v; want %q ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
		if err != nil && !errors.Is(err, geo.ErrBadPostcode) {
			t.Errorf("ParseOutcode(%q) error %v is not ErrBadPostcode", tt.in, err)
		}
	}
}
