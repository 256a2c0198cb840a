package referral

import (
	"strings"
	"time"

	"kith/directory"
)

// selfReferrer is who takes consent on the public form: the person.
const selfReferrer = "the person, on Kith's self-referral form"

// SelfReferralInput is the public self-referral form. Anyone can send it,
// so it asks for less than a professional referral and checks it more
// strictly: the postcode must be one Kith can place, the person must agree
// to be contacted, and free text may not carry web links.
type SelfReferralInput struct {
	Person        PersonInput `json:"person"`
	Needs         []string    `json:"needs"`
	Reason        string      `json:"reason"`
	Consent       bool        `json:"consent"`
	ShareGP       bool        `json:"share_gp"`
	ShareServices bool        `json:"share_services"`
}

// Validate checks the form as of now.
func (in *SelfReferralInput) Validate(now time.Time) error {
	p := directory.Problems{}
	in.Person.validate(p, "person.", now, true)
	in.Needs = checkNeeds(p, in.Needs)
	p.Text("reason", in.Reason, false, maxNote)
	for field, text := range map[string]string{"reason": in.Reason, "person.contact_notes": in.Person.ContactNotes} {
		if hasLink(text) {
			p.Add(field, "must not contain web links")
		}
	}
	if !in.Consent {
		p.Add("consent", "agree to a link worker contacting you, so they can help")
	}
	return p.Err()
}

func hasLink(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "http:") || strings.Contains(s, "https:") || strings.Contains(s, "www.")
}

// referral is the form as a referral from the person themselves.
func (in SelfReferralInput) referral() ReferralInput {
	return ReferralInput{
		Person: in.Person, Source: "self_referral", Referrer: Referrer{Name: in.Person.Name},
		Needs: in.Needs, Reason: in.Reason, Urgency: "routine",
		Consent: ConsentInput{Referral: in.Consent, ShareGP: in.ShareGP, ShareServices: in.ShareServices,
			RecordedBy: selfReferrer},
	}
}

// Receipt is all a self-referrer is told: a reference to quote and who will
// be in touch. It holds no person data, since anyone can ask for one.
type Receipt struct {
	Reference string `json:"reference"`
	Team      string `json:"team"`
	Message   string `json:"message"`
}
