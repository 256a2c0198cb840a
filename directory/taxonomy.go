package directory

import "strings"

// Taxonomy is a vocabulary of terms services are filed under.
type Taxonomy struct {
	ID          string `db:"id" json:"id"`
	Name        string `db:"name" json:"name"`
	Description string `db:"description" json:"description"`
	URI         string `db:"uri" json:"uri,omitempty"`
	Version     string `db:"version" json:"version,omitempty"`
}

// Term is one need or activity in a taxonomy, optionally under a parent.
type Term struct {
	ID          string  `db:"id" json:"id"`
	TaxonomyID  string  `db:"taxonomy_id" json:"taxonomy_id"`
	ParentID    *string `db:"parent_id" json:"parent_id,omitempty"`
	Code        string  `db:"code" json:"code"`
	Name        string  `db:"name" json:"name"`
	Description string  `db:"description" json:"description"`
}

// TermUse is a term and how many published listings are filed under it
// (directly, not through the terms below it).
type TermUse struct {
	Term
	Services int `db:"services" json:"services"`
}

// maxTermDescription bounds a term's description: a line, not a page.
const maxTermDescription = 500

// TermInput relabels a term. Its code never changes: searches, feeds and
// spreadsheets refer to terms by code.
type TermInput struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

// Validate checks the label and description.
func (in *TermInput) Validate() error {
	p := Problems{}
	in.Name = strings.TrimSpace(in.Name)
	in.Description = strings.TrimSpace(in.Description)
	p.Text("name", in.Name, true, maxName)
	p.Text("description", in.Description, false, maxTermDescription)
	return p.Err()
}
