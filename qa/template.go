package qa

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"kith/directory"
)

// What an item asks for. Listing items are met by the organisation's own
// "confirm listing is accurate" action rather than by a response.
const (
	NeedsDocument    = "document"    // an uploaded file
	NeedsReference   = "reference"   // a number or short text, such as a charity number
	NeedsDate        = "date"        // a date on the evidence
	NeedsAttestation = "attestation" // a yes/no statement with the name of who made it
	NeedsListing     = "listing"     // a recent listing confirmation
)

var evidenceKinds = []string{NeedsDocument, NeedsReference, NeedsDate, NeedsAttestation, NeedsListing}

// How long verified evidence stays valid.
const (
	ValidForMonths         = "months"        // valid_months after the evidence date, or after submission
	ValidUntilEvidenceDate = "evidence_date" // until the date given on the evidence, such as an insurance expiry
)

// Item is one requirement of a checklist.
type Item struct {
	Key            string   `json:"key"`
	Title          string   `json:"title"`
	Guidance       string   `json:"guidance"`
	RequiredFrom   Tier     `json:"required_from,omitempty"` // empty: never required
	Evidence       []string `json:"evidence"`
	ReferenceLabel string   `json:"reference_label,omitempty"`
	DateLabel      string   `json:"date_label,omitempty"`
	Validity       string   `json:"validity"`
	ValidMonths    int      `json:"valid_months,omitempty"`
}

// Template is one published version of the checklist. Published versions are
// never changed: an organisation is judged by the version it last submitted
// under.
type Template struct {
	ID        string    `db:"id" json:"id"`
	Version   int       `db:"version" json:"version"`
	Title     string    `db:"title" json:"title"`
	Notes     string    `db:"notes" json:"notes"`
	CreatedAt time.Time `db:"created_at" json:"created_at"`
	Items     []Item    `db:"-" json:"items"`
}

// RequiredAt reports whether the item must be verified for tier t.
func (it Item) RequiredAt(t Tier) bool {
	return it.RequiredFrom != "" && it.RequiredFrom.rank() <= t.rank()
}

// Needs reports whether the item asks for kind of evidence.
func (it Item) Needs(kind string) bool {
	return slices.Contains(it.Evidence, kind)
}

// ExpiresAt is when evidence for the item stops counting, given its date (if
// any) and when it was submitted. A date on the evidence is a whole day, so
// evidence "valid until 31 March" lapses as 1 April begins (UTC).
func (it Item) ExpiresAt(evidenceDate *time.Time, submittedAt time.Time) time.Time {
	if it.Validity == ValidUntilEvidenceDate && evidenceDate != nil {
		return evidenceDate.AddDate(0, 0, 1)
	}
	base := submittedAt.UTC()
	if evidenceDate != nil {
		base = *evidenceDate
	}
	return base.AddDate(0, it.ValidMonths, 0)
}

// Item returns the template's item called key.
func (t Template) Item(key string) (Item, bool) {
	for _, it := range t.Items {
		if it.Key == key {
			return it, true
		}
	}
	return Item{}, false
}

// TemplateInput is a new version of the checklist.
type TemplateInput struct {
	Title string `json:"title"`
	Notes string `json:"notes"`
	Items []Item `json:"items"`
}

var keyPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)

// Validate checks the whole template and reports every problem at once.
func (in *TemplateInput) Validate() error {
	p := directory.Problems{}
	p.Text("title", in.Title, true, 200)
	p.Text("notes", in.Notes, false, 5000)
	if len(in.Items) == 0 || len(in.Items) > 100 {
		p.Add("items", "must list from 1 to 100 items")
	}
	seen, base := map[string]bool{}, false
	for i := range in.Items {
		field := fmt.Sprintf("items[%d]", i)
		it := &in.Items[i]
		if seen[it.Key] {
			p.Add(field+".key", "appears twice")
		}
		seen[it.Key] = true
		base = base || it.RequiredFrom == TierSignposting
		it.validate(p, field+".")
	}
	// Assurance rests on required evidence, and all evidence lapses; a tier
	// with nothing required would be assured forever.
	if !base {
		p.Add("items", "at least one item must be required from signposting")
	}
	return p.Err()
}

func (it *Item) validate(p directory.Problems, prefix string) {
	if !keyPattern.MatchString(it.Key) {
		p.Add(prefix+"key", "must be lower-case letters, digits and underscores, starting with a letter")
	}
	p.Text(prefix+"title", it.Title, true, 200)
	p.Text(prefix+"guidance", it.Guidance, false, 5000)
	p.Text(prefix+"reference_label", it.ReferenceLabel, false, 200)
	p.Text(prefix+"date_label", it.DateLabel, false, 200)
	if it.RequiredFrom != "" {
		if _, err := ParseTier(string(it.RequiredFrom)); err != nil {
			p.Add(prefix+"required_from", "%v, or empty when never required", err)
		}
	}
	it.validateEvidence(p, prefix)
	switch it.Validity {
	case ValidForMonths:
		if it.ValidMonths < 1 || it.ValidMonths > 120 {
			p.Add(prefix+"valid_months", "must be from 1 to 120")
		}
	case ValidUntilEvidenceDate:
		it.ValidMonths = 0
		if !it.Needs(NeedsDate) {
			p.Add(prefix+"validity", "evidence_date needs the item to ask for a date")
		}
	default:
		p.Add(prefix+"validity", "must be months or evidence_date")
	}
}

func (it *Item) validateEvidence(p directory.Problems, prefix string) {
	if len(it.Evidence) == 0 {
		p.Add(prefix+"evidence", "must name at least one of %s", strings.Join(evidenceKinds, ", "))
	}
	seen := map[string]bool{}
	for _, k := range it.Evidence {
		switch {
		case !slices.Contains(evidenceKinds, k):
			p.Add(prefix+"evidence", "must be from %s", strings.Join(evidenceKinds, ", "))
		case seen[k]:
			p.Add(prefix+"evidence", "names %s twice", k)
		}
		seen[k] = true
	}
	if seen[NeedsListing] && len(it.Evidence) > 1 {
		p.Add(prefix+"evidence", "listing is met by confirming the listing and cannot be combined")
	}
}
