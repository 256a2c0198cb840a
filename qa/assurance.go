package qa

import "time"

// ExpiringWithin is how far ahead a lapse turns an assured tier to expiring,
// giving the group time to renew before referrals stop.
const ExpiringWithin = 30 * 24 * time.Hour

// StaleAfterMonths is how long a listing stays fresh after its organisation
// last confirmed it.
const StaleAfterMonths = 3

// Assurance is an organisation's status at every tier, as of one moment.
type Assurance struct {
	OrganisationID     string       `json:"organisation_id"`
	TemplateVersion    int          `json:"template_version"`
	Tiers              []TierStatus `json:"tiers"`
	Suspension         *Suspension  `json:"suspension,omitempty"`
	ListingConfirmedAt *time.Time   `json:"listing_confirmed_at,omitempty"`
	// Stale is set when the organisation has not confirmed its listings are
	// accurate for StaleAfterMonths.
	Stale bool `json:"stale"`
}

// TierStatus is the status at one tier. AssuredUntil is when it stops being
// assured unless evidence is renewed: the earliest expiry among the required
// verified items, so a search index can filter on it without being told when
// time passes. AssuredDate is the latest verification among that evidence:
// when the tier became assured, moved on by each renewal (ORUK's "last
// checked").
type TierStatus struct {
	Tier         Tier       `json:"tier"`
	Status       Status     `json:"status"`
	AssuredUntil *time.Time `json:"assured_until,omitempty"`
	AssuredDate  *time.Time `json:"assured_date,omitempty"`
}

// Suspension is a reviewer's stop on an organisation, whatever its evidence.
type Suspension struct {
	Reason      string    `db:"reason" json:"reason"`
	SuspendedBy *string   `db:"suspended_by" json:"suspended_by,omitempty"`
	SuspendedAt time.Time `db:"suspended_at" json:"suspended_at"`
}

// At returns the status at tier t.
func (a Assurance) At(t Tier) TierStatus {
	for _, ts := range a.Tiers {
		if ts.Tier == t {
			return ts
		}
	}
	return TierStatus{Tier: t, Status: StatusNotStarted}
}

// PublicTier is what anyone may see of a tier: no evidence, no expiry dates.
type PublicTier struct {
	Tier        Tier       `json:"tier"`
	Status      Status     `json:"status"`
	AssuredDate *time.Time `json:"assured_date,omitempty"`
}

// Public returns the status per tier and the assured dates only.
func (a Assurance) Public() []PublicTier {
	out := make([]PublicTier, len(a.Tiers))
	for i, ts := range a.Tiers {
		out[i] = PublicTier{Tier: ts.Tier, Status: ts.Status, AssuredDate: ts.AssuredDate}
	}
	return out
}

// verification is a verified answer that counts towards assurance.
type verification struct {
	VerifiedAt time.Time `db:"reviewed_at"`
	ExpiresAt  time.Time `db:"expires_at"`
}

// facts is everything one organisation's status depends on apart from the
// clock.
type facts struct {
	template   Template
	verified   map[string]verification // latest verified response per item key
	started    bool                    // anything submitted or confirmed
	suspension *Suspension
	confirmed  *time.Time // latest listing confirmation
}

// verification returns what meets item it, if anything does. Listing items
// are met by the latest listing confirmation.
func (f facts) verification(it Item) (verification, bool) {
	if !it.Needs(NeedsListing) {
		v, ok := f.verified[it.Key]
		return v, ok
	}
	if f.confirmed == nil {
		return verification{}, false
	}
	return verification{VerifiedAt: *f.confirmed, ExpiresAt: it.ExpiresAt(nil, *f.confirmed)}, true
}

func (f facts) assurance(org string, now time.Time) Assurance {
	a := Assurance{OrganisationID: org, TemplateVersion: f.template.Version, Suspension: f.suspension,
		ListingConfirmedAt: f.confirmed,
		Stale:              f.confirmed == nil || !f.confirmed.AddDate(0, StaleAfterMonths, 0).After(now)}
	for _, t := range Tiers {
		a.Tiers = append(a.Tiers, f.tier(t, now))
	}
	return a
}

func (f facts) tier(t Tier, now time.Time) TierStatus {
	if f.suspension != nil {
		return TierStatus{Tier: t, Status: StatusSuspended}
	}
	if !f.started {
		return TierStatus{Tier: t, Status: StatusNotStarted}
	}
	e := f.evidence(t, now)
	switch {
	case e.lapsed:
		return TierStatus{Tier: t, Status: StatusLapsed}
	case e.missing:
		return TierStatus{Tier: t, Status: StatusInProgress}
	}
	ts := TierStatus{Tier: t, Status: StatusAssured, AssuredUntil: &e.until, AssuredDate: &e.since}
	if e.until.Sub(now) <= ExpiringWithin {
		ts.Status = StatusExpiring
	}
	return ts
}

// tierEvidence sums up the required evidence for a tier: whether any is
// missing or expired, and over what is in date, the earliest expiry and the
// latest verification.
type tierEvidence struct {
	missing, lapsed bool
	until, since    time.Time
}

func (f facts) evidence(t Tier, now time.Time) tierEvidence {
	var e tierEvidence
	for _, it := range f.template.Items {
		if !it.RequiredAt(t) {
			continue
		}
		v, ok := f.verification(it)
		switch {
		case !ok:
			e.missing = true
		case !v.ExpiresAt.After(now):
			e.lapsed = true
		default:
			if e.until.IsZero() || v.ExpiresAt.Before(e.until) {
				e.until = v.ExpiresAt
			}
			if v.VerifiedAt.After(e.since) {
				e.since = v.VerifiedAt
			}
		}
	}
	return e
}
