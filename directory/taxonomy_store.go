package directory

import (
	"context"

	"github.com/jmoiron/sqlx"

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

// TermUsage lists every term, as Terms orders them, with how many published
// listings are filed under each.
func (s *Store) TermUsage(ctx context.Context) ([]TermUse, error) {
	const q = `
SELECT t.id, t.taxonomy_id, t.parent_id, t.code, t.name, t.description, count(s.id) AS services
FROM taxonomy_terms t LEFT JOIN taxonomy_terms p ON p.id = t.parent_id
LEFT JOIN service_categories sc ON sc.term_id = t.id
LEFT JOIN services s ON s.id = sc.service_id AND s.published
GROUP BY t.id, p.name
ORDER BY COALESCE(p.name, t.name), t.parent_id IS NOT NULL, t.name`
	var out []TermUse
	err := s.db.SelectContext(ctx, &out, q)
	return nonNil(out), postgres.MapError(err)
}

// UpdateTerm relabels the term with code; admins only. Search documents
// carry the names of a listing's terms and of the terms above them, so every
// listing filed under the term or below it is queued for the index in the
// same transaction.
func (s *Store) UpdateTerm(ctx context.Context, code string, in TermInput) (Term, error) {
	if u := UserFrom(ctx); !u.Is(RoleAdmin) {
		return Term{}, forbiddenOrAnonymous(u)
	}
	if err := in.Validate(); err != nil {
		return Term{}, err
	}
	const update = `
UPDATE taxonomy_terms SET name = $2, description = $3 WHERE code = $1
RETURNING id, taxonomy_id, parent_id, code, name, description`
	const requeue = `
WITH RECURSIVE below AS (
    SELECT id, 0 AS depth FROM taxonomy_terms WHERE code = $1
    UNION ALL
    SELECT t.id, b.depth + 1 FROM taxonomy_terms t JOIN below b ON t.parent_id = b.id WHERE b.depth < 16)
INSERT INTO outbox (entity, entity_id)
SELECT DISTINCT 'service', sc.service_id FROM service_categories sc WHERE sc.term_id IN (SELECT id FROM below)`
	var t Term
	err := s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		if err := tx.GetContext(ctx, &t, update, code, in.Name, in.Description); err != nil {
			return err // no such code: not found
		}
		_, err := tx.ExecContext(ctx, requeue, code)
		return err
	})
	return t, postgres.MapError(err)
}
