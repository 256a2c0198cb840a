package directory

import (
	"strings"
	"time"
)

// LegalStatuses are the legal forms a VCSE organisation can take in England.
var LegalStatuses = []string{
	"charity", "cio", "cic", "company", "constituted_group", "unincorporated", "public_body", "other",
}

// IdentifierSchemes are the registers an organisation can be found in.
var IdentifierSchemes = []string{"charity_ew", "company", "cic", "ico", "other"}

// Organisation is a VCSE group, charity, council team or other provider.
type Organisation struct {
	ID          string       `db:"id" json:"id"`
	Name        string       `db:"name" json:"name"`
	Description string       `db:"description" json:"description"`
	Email       string       `db:"email" json:"email,omitempty"`
	URL         string       `db:"url" json:"url,omitempty"`
	LegalStatus string       `db:"legal_status" json:"legal_status,omitempty"`
	Published   bool         `db:"published" json:"published"`
	Identifiers []Identifier `db:"-" json:"identifiers"`
	CreatedAt   time.Time    `db:"created_at" json:"created_at"`
	UpdatedAt   time.Time    `db:"updated_at" json:"updated_at"`
}

// Identifier is an organisation's number in a register, such as its charity
// or company number.
type Identifier struct {
	Scheme     string `json:"scheme"`
	Identifier string `json:"identifier"`
}

// OrganisationInput creates or replaces an organisation's details.
type OrganisationInput struct {
	Name        string       `json:"name"`
	Description string       `json:"description"`
	Email       string       `json:"email"`
	URL         string       `json:"url"`
	LegalStatus string       `json:"legal_status"`
	Identifiers []Identifier `json:"identifiers"`
}

// Validate checks every field and reports all problems at once.
func (in *OrganisationInput) Validate() error {
	p := Problems{}
	in.Name = strings.TrimSpace(in.Name)
	p.Text("name", in.Name, true, maxName)
	p.Text("description", in.Description, false, maxText)
	p.Email("email", in.Email)
	p.URL("url", in.URL)
	if in.LegalStatus != "" && !oneOf(in.LegalStatus, LegalStatuses...) {
		p.Add("legal_status", "must be one of %s", strings.Join(LegalStatuses, ", "))
	}
	seen := map[string]bool{}
	for i, id := range in.Identifiers {
		field := indexed("identifiers", i)
		if !oneOf(id.Scheme, IdentifierSchemes...) {
			p.Add(field+".scheme", "must be one of %s", strings.Join(IdentifierSchemes, ", "))
		} else if seen[id.Scheme] {
			p.Add(field+".scheme", "appears twice")
		}
		seen[id.Scheme] = true
		p.Text(field+".identifier", id.Identifier, true, 50)
	}
	return p.Err()
}
