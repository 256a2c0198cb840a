package directory

import (
	"context"

	"github.com/jmoiron/sqlx"

	"kith/postgres"
)

// ImportRecord names where an imported organisation or service came from.
type ImportRecord struct {
	Source   string // the feed or spreadsheet, as given to kith import
	SourceID string // the record's own id there
}

// SourceTerm is a taxonomy term as a source filed a service under it, and
// the Kith category code it was mapped to ("" when it maps to none).
type SourceTerm struct {
	Vocabulary string `db:"vocabulary" json:"vocabulary"`
	TermID     string `db:"term_id" json:"term_id"`
	Term       string `db:"term" json:"term"`
	Category   string `db:"category" json:"category"`
}

// ImportOutcome says what importing one record did.
type ImportOutcome string

const (
	ImportCreated   ImportOutcome = "created"
	ImportUpdated   ImportOutcome = "updated"
	ImportUnchanged ImportOutcome = "unchanged"
)

func outcomeOf(existed bool, v *Version) ImportOutcome {
	switch {
	case v == nil:
		return ImportUnchanged
	case existed:
		return ImportUpdated
	}
	return ImportCreated
}

// ImportOrganisation creates or replaces organisation id with what a source
// says, and notes the source's id for it. Admins only.
func (s *Store) ImportOrganisation(ctx context.Context, rec ImportRecord, id string, in OrganisationInput) (ImportOutcome, error) {
	if u := UserFrom(ctx); !u.Is(RoleAdmin) {
		return "", forbiddenOrAnonymous(u)
	}
	existed, err := s.exists(ctx, "organisations", id)
	if err != nil {
		return "", err
	}
	also := func(tx *sqlx.Tx) error { return recordSource(ctx, tx, rec, "organisation", id) }
	_, v, err := s.saveOrganisation(ctx, id, in, upsert, also)
	if err != nil {
		return "", err
	}
	return outcomeOf(existed, v), nil
}

// ImportService creates or replaces listing id with what a source says,
// notes the source's id, and keeps the source's own terms beside the
// categories they mapped to. Admins only.
func (s *Store) ImportService(ctx context.Context, rec ImportRecord, id string, in ServiceInput, terms []SourceTerm) (ImportOutcome, error) {
	if u := UserFrom(ctx); !u.Is(RoleAdmin) {
		return "", forbiddenOrAnonymous(u)
	}
	existed, err := s.exists(ctx, "services", id)
	if err != nil {
		return "", err
	}
	// One transaction, so a killed import leaves each listing with its
	// source record and terms, or not there at all.
	also := func(tx *sqlx.Tx) error {
		if err := recordSource(ctx, tx, rec, "service", id); err != nil {
			return err
		}
		return replaceSourceTerms(ctx, tx, id, rec.Source, terms)
	}
	_, v, err := s.saveService(ctx, id, in, upsert, also)
	if err != nil {
		return "", err
	}
	return outcomeOf(existed, v), nil
}

func (s *Store) exists(ctx context.Context, table, id string) (bool, error) {
	q := `SELECT EXISTS (SELECT 1 FROM ` + table + ` WHERE id = $1)`
	var ok bool
	err := s.db.GetContext(ctx, &ok, q, id)
	return ok, postgres.MapError(err)
}

func recordSource(ctx context.Context, tx *sqlx.Tx, rec ImportRecord, kind, id string) error {
	const q = `
INSERT INTO import_records (source, kind, source_id, entity_id, imported_at)
VALUES ($1, $2, $3, $4, now())
ON CONFLICT (source, kind, source_id) DO UPDATE SET
    entity_id = EXCLUDED.entity_id, imported_at = EXCLUDED.imported_at`
	_, err := tx.ExecContext(ctx, q, rec.Source, kind, rec.SourceID, id)
	return err
}

func replaceSourceTerms(ctx context.Context, tx *sqlx.Tx, id, source string, terms []SourceTerm) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM import_terms WHERE service_id = $1`, id); err != nil {
		return err
	}
	const q = `
INSERT INTO import_terms (service_id, source, vocabulary, term_id, term, category)
SELECT $1, $2, COALESCE(x.vocabulary, ''), COALESCE(x.term_id, ''), x.term, COALESCE(x.category, '')
FROM json_populate_recordset(NULL::import_terms, $3) x
ON CONFLICT DO NOTHING`
	_, err := tx.ExecContext(ctx, q, id, source, jsonArg(terms))
	return err
}
