package qa

import (
	"fmt"
	"strings"
)

// Tier is a level of assurance. Tiers are cumulative: what is required at one
// is required at every tier after it in Tiers.
type Tier string

const (
	TierSignposting      Tier = "signposting"       // may be listed
	TierReferral         Tier = "referral"          // may receive referrals
	TierVulnerableAdults Tier = "vulnerable_adults" // may work with adults at risk
	TierChildren         Tier = "children"          // may work with children
)

// Tiers lists every tier from least to most demanding.
var Tiers = []Tier{TierSignposting, TierReferral, TierVulnerableAdults, TierChildren}

// rank orders tiers; -1 means not a tier.
func (t Tier) rank() int {
	for i, x := range Tiers {
		if x == t {
			return i
		}
	}
	return -1
}

// ParseTier reads a tier name.
func ParseTier(s string) (Tier, error) { return parseName(s, Tiers) }

// Status is an organisation's assurance at one tier.
type Status string

const (
	StatusNotStarted Status = "not_started" // nothing submitted yet
	StatusInProgress Status = "in_progress" // something required is not verified
	StatusAssured    Status = "assured"     // every required item verified and in date
	StatusExpiring   Status = "expiring"    // assured, but something lapses soon
	StatusLapsed     Status = "lapsed"      // a required item's verified evidence has expired
	StatusSuspended  Status = "suspended"   // a reviewer suspended the organisation
)

// AllStatuses lists every status.
var AllStatuses = []Status{StatusNotStarted, StatusInProgress, StatusAssured, StatusExpiring, StatusLapsed, StatusSuspended}

// ParseStatus reads a status name.
func ParseStatus(s string) (Status, error) { return parseName(s, AllStatuses) }

// Assured reports whether s lets the organisation act at its tier.
func (s Status) Assured() bool { return s == StatusAssured || s == StatusExpiring }

func parseName[T ~string](s string, all []T) (T, error) {
	names := make([]string, len(all))
	for i, x := range all {
		if string(x) == s {
			return x, nil
		}
		names[i] = string(x)
	}
	return "", fmt.Errorf("must be one of %s", strings.Join(names, ", "))
}
