package referral_test

import (
	"strings"
	"testing"

	"kith/referral"
)

func TestParseNHSNumber(t *testing.T) {
	tests := []struct {
		in, want, why string
	}{
		{"9434765919", "9434765919", ""},
		{"943 476 5919", "9434765919", ""},
		{"943-476-5919", "9434765919", ""},
		{"4010232137", "4010232137", ""},
		{"9990000026", "9990000026", ""},
		{"9990000050", "9990000050", ""}, // remainder 0 gives check digit 0
		{"9434765918", "", "check digit"},
		{"9434765910", "", "check digit"},
		{"1000000010", "", "check digit"}, // remainder 1: no number can have it
		{"943476591", "", "10 digits"},
		{"94347659190", "", "10 digits"},
		{"", "", "10 digits"},
		{"943 476 591X", "", "digits, spaces and hyphens"},
		{"94347６5919", "", "digits, spaces and hyphens"},
		{"943.476.5919", "", "digits, spaces and hyphens"},
		{strings.Repeat("9", 200), "", "10 digits"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := referral.ParseNHSNumber(tt.in)
			switch {
			case tt.why == "" && (err != nil || got != tt.want):
				t.Fatalf("ParseNHSNumber(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			case tt.why != "" && (err == nil || !strings.Contains(err.Error(), tt.why)):
				t.Fatalf("ParseNHSNumber(%q) = %q, %v; want an error about %s", tt.in, got, err, tt.why)
			}
		})
	}
}

// FuzzParseNHSNumber checks that whatever is typed, a number comes back
// only as ten digits that themselves parse to the same number.
func FuzzParseNHSNumber(f *testing.F) {
	for _, s := range []string{"9434765919", "943 476 5919", "943-476-591", "", "0000000000", "９"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := referral.ParseNHSNumber(s)
		if err != nil {
			return
		}
		if len(n) != 10 || strings.Trim(n, "0123456789") != "" {
			t.Fatalf("ParseNHSNumber(%q) = %q, not ten digits", s, n)
		}
		if again, err := referral.ParseNHSNumber(n); err != nil || again != n {
			t.Fatalf("%q parsed to %q, which parses to %q, %v", s, n, again, err)
		}
	})
}
