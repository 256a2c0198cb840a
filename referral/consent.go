package referral

import (
	"strings"
	"time"

	"kith/directory"
)

// ConsentKinds are what a person consents to: being referred, their GP
// hearing how it went, and services receiving their details.
var ConsentKinds = []string{"referral", "share_gp", "share_services"}

// ConsentInput is what the person agreed to when referred, and who took
// their consent. Consent to the referral itself is required.
type ConsentInput struct {
	Referral      bool   `json:"referral"`
	ShareGP       bool   `json:"share_gp"`
	ShareServices bool   `json:"share_services"`
	RecordedBy    string `json:"recorded_by"`
	GivenAt       string `json:"given_at"`

	at time.Time // GivenAt, read by validate
}

func (c *ConsentInput) validate(p directory.Problems, now time.Time) {
	if !c.Referral {
		p.Add("consent.referral", "the person must agree to be referred")
	}
	c.RecordedBy = strings.TrimSpace(c.RecordedBy)
	p.Text("consent.recorded_by", c.RecordedBy, true, maxName)
	if c.at = parseMoment(p, "consent.given_at", c.GivenAt, now); c.at.After(now.Add(time.Minute)) {
		p.Add("consent.given_at", "must not be in the future")
	}
}

// Consent is one consent as it stands: the latest recorded of its kind.
type Consent struct {
	Kind       string    `json:"kind"`
	Given      bool      `json:"given"`
	RecordedBy string    `json:"recorded_by"`
	GivenAt    time.Time `json:"given_at"`
}

// ConsentChange records a consent given or withdrawn after the referral,
// such as agreeing later to services being sent their details.
type ConsentChange struct {
	Kind       string `json:"kind"`
	Given      bool   `json:"given"`
	RecordedBy string `json:"recorded_by"`
}

// Validate checks the kind; RecordedBy defaults to the acting user's name
// in the store.
func (in *ConsentChange) Validate() error {
	p := directory.Problems{}
	p.OneOf("kind", in.Kind, ConsentKinds)
	in.RecordedBy = strings.TrimSpace(in.RecordedBy)
	p.Text("recorded_by", in.RecordedBy, false, maxName)
	return p.Err()
}
