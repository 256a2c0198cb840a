package directory

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
