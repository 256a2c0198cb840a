package directory

import (
	"context"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"

	"kith/postgres"
)

type organisationRow struct {
	Organisation
	IdentifiersCol postgres.JSON[[]Identifier] `db:"identifiers"`
	Total          int                         `db:"total"`
}

const organisationSelect = `
SELECT o.id, o.name, o.description, o.email, o.url, o.legal_status, o.published, o.created_at,
       o.updated_at, COUNT(*) OVER () AS total,
       COALESCE((SELECT json_agg(json_build_object('scheme', i.scheme, 'identifier', i.identifier)
                 ORDER BY i.scheme) FROM organisation_identifiers i WHERE i.organisation_id = o.id),
                '[]') AS identifiers
FROM organisations o`

func (s *Store) selectOrganisations(ctx context.Context, db sqlx.QueryerContext, q string, args ...any) ([]Organisation, int, error) {
	var rows []organisationRow
	if err := sqlx.SelectContext(ctx, db, &rows, q, args...); err != nil {
		return nil, 0, postgres.MapError(err)
	}
	out := make([]Organisation, len(rows))
	total := 0
	for i, r := range rows {
		out[i] = r.Organisation
		out[i].Identifiers = nonNil(r.IdentifiersCol.V)
		total = r.Total
	}
	return out, total, nil
}

// Organisation returns one organisation.
func (s *Store) Organisation(ctx context.Context, id string) (Organisation, error) {
	orgs, _, err := s.selectOrganisations(ctx, s.db, organisationSelect+` WHERE o.id = $1`, id)
	if err != nil {
		return Organisation{}, err
	}
	u := UserFrom(ctx)
	if len(orgs) == 0 || (!orgs[0].Published && !u.EditsOrganisation(id) && !u.Moderates()) {
		return Organisation{}, ErrNotFound
	}
	return orgs[0], nil
}

// OrganisationPage is one page of organisations and how many there are.
type OrganisationPage struct {
	Total int            `json:"total"`
	Items []Organisation `json:"items"`
}

// Organisations lists published organisations by name.
func (s *Store) Organisations(ctx context.Context, limit, offset int) (OrganisationPage, error) {
	q := organisationSelect + ` WHERE o.published ORDER BY o.name, o.id LIMIT $1 OFFSET $2`
	orgs, total, err := s.selectOrganisations(ctx, s.db, q, limit, offset)
	if err == nil && len(orgs) == 0 && offset > 0 {
		err = s.db.GetContext(ctx, &total, `SELECT count(*) FROM organisations WHERE published`)
	}
	return OrganisationPage{Total: total, Items: orgs}, postgres.MapError(err)
}

// CreateOrganisation adds an organisation; only admins may.
func (s *Store) CreateOrganisation(ctx context.Context, in OrganisationInput) (Organisation, *Version, error) {
	return s.saveOrganisation(ctx, uuid.NewString(), in, create, nothingElse)
}

// UpdateOrganisation replaces an organisation's details, moderated like
// service listings.
func (s *Store) UpdateOrganisation(ctx context.Context, id string, in OrganisationInput) (Organisation, *Version, error) {
	return s.saveOrganisation(ctx, id, in, replace, nothingElse)
}

// PutOrganisation creates or replaces organisation id (importers, demo).
func (s *Store) PutOrganisation(ctx context.Context, id string, in OrganisationInput) (Organisation, *Version, error) {
	return s.saveOrganisation(ctx, id, in, upsert, nothingElse)
}

// saveOrganisation writes organisation id and then runs also in the same
// transaction, changed or not.
func (s *Store) saveOrganisation(ctx context.Context, id string, in OrganisationInput, mode saveMode, also func(*sqlx.Tx) error) (Organisation, *Version, error) {
	u := UserFrom(ctx)
	if u == nil {
		return Organisation{}, nil, ErrUnauthenticated
	}
	// Refused before the input is checked, so that callers who may not
	// write learn nothing from the answer; the transaction checks again.
	if !u.EditsOrganisation(id) {
		return Organisation{}, nil, ErrForbidden
	}
	if err := in.Validate(); err != nil {
		return Organisation{}, nil, err
	}
	var ver *Version
	err := s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		if _, err := lockRow(ctx, tx, "organisations", id); err != nil {
			return err
		}
		orgs, _, err := s.selectOrganisations(ctx, tx, organisationSelect+` WHERE o.id = $1`, id)
		if err != nil {
			return err
		}
		exists := len(orgs) == 1
		if err := checkSaveMode(mode, exists); err != nil {
			return err
		}
		if !u.EditsOrganisation(id) || (!exists && !u.Is(RoleAdmin)) {
			return ErrForbidden
		}
		var before *OrganisationInput
		if exists {
			b := orgs[0].Input()
			before = &b
		}
		if changed := changedFields(before, in); len(changed) > 0 {
			apply := func(publish bool) error { return s.applyOrganisation(ctx, tx, id, in, publish) }
			if ver, err = s.record(ctx, tx, "organisation", id, exists && orgs[0].Published, in, changed, apply); err != nil {
				return err
			}
		}
		return also(tx)
	})
	if err != nil {
		return Organisation{}, nil, err
	}
	org, err := s.Organisation(ctx, id)
	return org, ver, err
}

// Input returns the organisation in the shape it is written in.
func (o Organisation) Input() OrganisationInput {
	return OrganisationInput{Name: o.Name, Description: o.Description, Email: o.Email, URL: o.URL,
		LegalStatus: o.LegalStatus, Identifiers: o.Identifiers}
}

func (s *Store) applyOrganisation(ctx context.Context, tx *sqlx.Tx, id string, in OrganisationInput, publish bool) error {
	const q = `
INSERT INTO organisations (id, name, description, email, url, legal_status, published, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (id) DO UPDATE SET
    name = EXCLUDED.name, description = EXCLUDED.description, email = EXCLUDED.email,
    url = EXCLUDED.url, legal_status = EXCLUDED.legal_status,
    published = organisations.published OR EXCLUDED.published, updated_at = EXCLUDED.updated_at`
	_, err := tx.ExecContext(ctx, q, id, in.Name, in.Description, in.Email, in.URL, in.LegalStatus, publish, s.now().UTC())
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM organisation_identifiers WHERE organisation_id = $1`, id); err != nil {
		return err
	}
	const ins = `
INSERT INTO organisation_identifiers (organisation_id, scheme, identifier)
SELECT $1, x.scheme, x.identifier FROM json_populate_recordset(NULL::organisation_identifiers, $2) x`
	if _, err := tx.ExecContext(ctx, ins, id, jsonArg(in.Identifiers)); err != nil {
		return err
	}
	// The organisation's name is part of every one of its services' search entries.
	return enqueue(ctx, tx, "organisation", id)
}
