package referral_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"kith/directory"
	"kith/geo"
	"kith/referral"
)

// decodeStrictly reads a body the way the web layer does: unknown fields
// are refused.
func decodeStrictly(body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// FuzzReferralBody feeds arbitrary JSON to the referral and self-referral
// forms: validation must never panic, must refuse only with field problems,
// and what it accepts must come out normalised and stay valid.
func FuzzReferralBody(f *testing.F) {
	seed, _ := json.Marshal(validInput())
	f.Add(seed)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"person":{"name":"A","date_of_birth":"2000-02-30","nhs_number":"943-476-5919","postcode":"SR11EQ"}}`))
	f.Add([]byte(`{"person":{"name":"\u0000","phone":"+44 (0)7700 900123","contact_by":"text"},"needs":["a","a"]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var in referral.ReferralInput
		if decodeStrictly(body, &in) == nil {
			err := in.Validate(start)
			checkAccepted(t, err, in.Person, func() error { return in.Validate(start) })
		}
		var self referral.SelfReferralInput
		if decodeStrictly(body, &self) == nil {
			err := self.Validate(start)
			checkAccepted(t, err, self.Person, func() error { return self.Validate(start) })
		}
	})
}

func checkAccepted(t *testing.T, err error, p referral.PersonInput, again func() error) {
	t.Helper()
	if err != nil {
		var problems directory.Problems
		if !errors.As(err, &problems) || !errors.Is(err, directory.ErrInvalid) {
			t.Fatalf("refused with %T %v, want field problems", err, err)
		}
		return
	}
	if p.NHSNumber != "" {
		if n, err := referral.ParseNHSNumber(p.NHSNumber); err != nil || n != p.NHSNumber {
			t.Fatalf("accepted NHS number %q is not normalised: %q %v", p.NHSNumber, n, err)
		}
	}
	if p.Postcode != "" {
		if pc, err := geo.NormalisePostcode(p.Postcode); err != nil || pc != p.Postcode {
			t.Fatalf("accepted postcode %q is not normalised: %q %v", p.Postcode, pc, err)
		}
	}
	if err := again(); err != nil {
		t.Fatalf("valid input became invalid once normalised: %v", err)
	}
}
