package directory

import (
	"context"

	"kith/postgres"
)

// Taxonomies lists the vocabularies.
func (s *Store) Taxonomies(ctx context.Context) ([]Taxonomy, error) {
	const q = `SELECT id, name, description, uri, version FROM taxonomies ORDER BY name`
	var out []Taxonomy
	err := s.db.SelectContext(ctx, &out, q)
	return nonNil(out), postgres.MapError(err)
}

// Terms lists every term, parents before their children, by name.
func (s *Store) Terms(ctx context.Context) ([]Term, error) {
	const q = `
SELECT t.id, t.taxonomy_id, t.parent_id, t.code, t.name, t.description
FROM taxonomy_terms t LEFT JOIN taxonomy_terms p ON p.id = t.parent_id
ORDER BY COALESCE(p.name, t.name), t.parent_id IS NOT NULL, t.name`
	var out []Term
	err := s.db.SelectContext(ctx, &out, q)
	return nonNil(out), postgres.MapError(err)
}
