package directory

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// saveMode says whether a write may create, replace, or both.
type saveMode int

const (
	create saveMode = iota
	replace
	upsert
)

// nothingElse is the also of a write that is all there is to do.
func nothingElse(*sqlx.Tx) error { return nil }

// CreateService adds a listing for in.OrganisationID. An admin's listing is
// published at once; a VCSE editor's starts as a draft awaiting approval.
func (s *Store) CreateService(ctx context.Context, in ServiceInput) (Service, *Version, error) {
	return s.saveService(ctx, uuid.NewString(), in, create, nothingElse)
}

// UpdateService replaces listing id. A VCSE editor's change to a published
// listing waits as a pending version while the published one stays live.
// Version is nil when the input changes nothing.
func (s *Store) UpdateService(ctx context.Context, id string, in ServiceInput) (Service, *Version, error) {
	return s.saveService(ctx, id, in, replace, nothingElse)
}

// PutService creates or replaces listing id; importers and the demo use it so
// that loading the same data twice leaves one copy.
func (s *Store) PutService(ctx context.Context, id string, in ServiceInput) (Service, *Version, error) {
	return s.saveService(ctx, id, in, upsert, nothingElse)
}

// saveService writes listing id and then runs also in the same
// transaction, changed or not.
func (s *Store) saveService(ctx context.Context, id string, in ServiceInput, mode saveMode, also func(*sqlx.Tx) error) (Service, *Version, error) {
	u := UserFrom(ctx)
	if u == nil {
		return Service{}, nil, ErrUnauthenticated
	}
	// Refused before the input is checked, so that callers who may not
	// write learn nothing from the answer; the transaction checks again.
	if !u.EditsOrganisation(in.OrganisationID) {
		return Service{}, nil, ErrForbidden
	}
	if err := in.Validate(); err != nil {
		return Service{}, nil, err
	}
	var ver *Version
	err := s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		cur, exists, err := s.lockService(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := checkSaveMode(mode, exists); err != nil {
			return err
		}
		if !u.EditsOrganisation(in.OrganisationID) || (exists && !u.EditsOrganisation(cur.OrganisationID)) {
			return ErrForbidden
		}
		if err := checkCategories(ctx, tx, in.Categories); err != nil {
			return err
		}
		var before *ServiceInput
		if exists {
			b := cur.Input()
			before = &b
		}
		if changed := changedFields(before, in); len(changed) > 0 {
			apply := func(publish bool) error { return s.applyService(ctx, tx, id, in, publish) }
			if ver, err = s.record(ctx, tx, "service", id, exists && cur.Published, in, changed, apply); err != nil {
				return err
			}
		}
		return also(tx)
	})
	if err != nil {
		return Service{}, nil, err
	}
	svc, err := s.Service(ctx, id)
	return svc, ver, err
}

func checkSaveMode(mode saveMode, exists bool) error {
	switch {
	case mode == create && exists:
		return Errorf(ErrConflict, "the listing already exists")
	case mode == replace && !exists:
		return ErrNotFound
	}
	return nil
}

// lockService loads listing id and locks its row until the transaction ends,
// so two editors' changes are applied one after the other.
func (s *Store) lockService(ctx context.Context, tx *sqlx.Tx, id string) (Service, bool, error) {
	if exists, err := lockRow(ctx, tx, "services", id); !exists || err != nil {
		return Service{}, false, err
	}
	const q = serviceSelect + ` WHERE s.id = $1`
	svcs, _, err := s.selectServices(ctx, tx, q, id)
	if err != nil || len(svcs) == 0 {
		return Service{}, false, err
	}
	return svcs[0], true, nil
}

// lockRow locks row id of table until the transaction ends and reports
// whether it exists.
func lockRow(ctx context.Context, tx *sqlx.Tx, table, id string) (bool, error) {
	var one int
	err := tx.GetContext(ctx, &one, `SELECT 1 FROM `+table+` WHERE id = $1 FOR UPDATE`, id)
	if isNoRows(err) {
		return false, nil
	}
	return err == nil, err
}

// checkCategories reports unknown category codes field by field.
func checkCategories(ctx context.Context, tx *sqlx.Tx, codes []string) error {
	const q = `SELECT code FROM taxonomy_terms WHERE code = ANY($1)`
	var known []string
	if err := tx.SelectContext(ctx, &known, q, pq.Array(codes)); err != nil {
		return err
	}
	ok := map[string]bool{}
	for _, c := range known {
		ok[c] = true
	}
	p := Problems{}
	for i, c := range codes {
		if !ok[c] {
			p.Add(indexed("categories", i), "%q is not a category in the taxonomy", c)
		}
	}
	return p.Err()
}

// applyService writes the listing row and replaces its child records.
// publish=false leaves an existing listing's published flag as it was.
func (s *Store) applyService(ctx context.Context, tx *sqlx.Tx, id string, in ServiceInput, publish bool) error {
	const q = `
INSERT INTO services (id, organisation_id, name, alternate_name, description, url, email, status,
                      min_age, max_age, eligibility, free, fees_description, languages,
                      delivery_modes, internal_notes, published, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
ON CONFLICT (id) DO UPDATE SET
    organisation_id = EXCLUDED.organisation_id, name = EXCLUDED.name,
    alternate_name = EXCLUDED.alternate_name, description = EXCLUDED.description,
    url = EXCLUDED.url, email = EXCLUDED.email, status = EXCLUDED.status,
    min_age = EXCLUDED.min_age, max_age = EXCLUDED.max_age, eligibility = EXCLUDED.eligibility,
    free = EXCLUDED.free, fees_description = EXCLUDED.fees_description,
    languages = EXCLUDED.languages, delivery_modes = EXCLUDED.delivery_modes,
    internal_notes = EXCLUDED.internal_notes,
    published = services.published OR EXCLUDED.published, updated_at = EXCLUDED.updated_at`
	_, err := tx.ExecContext(ctx, q, id, in.OrganisationID, in.Name, in.AlternateName, in.Description,
		in.URL, in.Email, in.Status, in.MinAge, in.MaxAge, in.Eligibility, in.Free, in.FeesDescription,
		pq.Array(in.Languages), pq.Array(in.DeliveryModes), in.InternalNotes, publish, s.now().UTC())
	if err != nil {
		return err
	}
	if err := s.putLocations(ctx, tx, id, in, publish); err != nil {
		return err
	}
	if err := replaceChildren(ctx, tx, id, in); err != nil {
		return err
	}
	return enqueue(ctx, tx, "service", id)
}

// putLocations upserts the listing's venues (which belong to the
// organisation, and may be shared with its other services) and links them.
// A draft that is not published yet does not change a venue that published
// listings use, so moderation cannot be side-stepped through a draft; a venue
// change that does apply is re-indexed for every listing held there.
func (s *Store) putLocations(ctx context.Context, tx *sqlx.Tx, id string, in ServiceInput, publish bool) error {
	ids := make([]string, len(in.Locations))
	for i, l := range in.Locations {
		ids[i] = l.ID
	}
	if err := checkLocationOwner(ctx, tx, ids, in.OrganisationID); err != nil {
		return err
	}
	const upsert = `
INSERT INTO locations (id, organisation_id, name, description, address_1, address_2, city, region,
                       postcode, country, lon, lat, hide_address, accessibility, transport)
SELECT x.id, $2, COALESCE(x.name, ''), COALESCE(x.description, ''), COALESCE(x.address_1, ''), COALESCE(x.address_2, ''), COALESCE(x.city, ''), COALESCE(x.region, ''),
       COALESCE(x.postcode, ''), COALESCE(x.country, ''), x.lon, x.lat, x.hide_address, x.accessibility, COALESCE(x.transport, '')
FROM json_populate_recordset(NULL::locations, $1) x
ON CONFLICT (id) DO UPDATE SET
    name = EXCLUDED.name, description = EXCLUDED.description, address_1 = EXCLUDED.address_1,
    address_2 = EXCLUDED.address_2, city = EXCLUDED.city, region = EXCLUDED.region,
    postcode = EXCLUDED.postcode, country = EXCLUDED.country, lon = EXCLUDED.lon, lat = EXCLUDED.lat,
    hide_address = EXCLUDED.hide_address, accessibility = EXCLUDED.accessibility,
    transport = EXCLUDED.transport
WHERE $3 OR NOT EXISTS (
    SELECT 1 FROM service_at_location sal JOIN services o ON o.id = sal.service_id
    WHERE sal.location_id = locations.id AND o.published AND o.id <> $4)`
	if _, err := tx.ExecContext(ctx, upsert, jsonArg(in.Locations), in.OrganisationID, publish, id); err != nil {
		return err
	}
	const reindex = `
INSERT INTO outbox (entity, entity_id)
SELECT DISTINCT 'service', service_id FROM service_at_location
WHERE location_id = ANY($1::uuid[]) AND service_id <> $2`
	if _, err := tx.ExecContext(ctx, reindex, pq.Array(ids), id); err != nil {
		return err
	}
	return linkLocations(ctx, tx, id, ids)
}

func checkLocationOwner(ctx context.Context, tx *sqlx.Tx, ids []string, org string) error {
	const q = `SELECT count(*) FROM locations WHERE id = ANY($1::uuid[]) AND organisation_id <> $2`
	var n int
	if err := tx.GetContext(ctx, &n, q, pq.Array(ids), org); err != nil {
		return err
	}
	if n > 0 {
		return Problems{"locations": "a location id belongs to another organisation"}
	}
	return nil
}

// linkLocations makes ids the service's venues, keeping the ids of links
// that stay.
func linkLocations(ctx context.Context, tx *sqlx.Tx, id string, ids []string) error {
	const unlink = `DELETE FROM service_at_location WHERE service_id = $1 AND NOT location_id = ANY($2::uuid[])`
	if _, err := tx.ExecContext(ctx, unlink, id, pq.Array(ids)); err != nil {
		return err
	}
	const link = `
INSERT INTO service_at_location (service_id, location_id)
SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`
	_, err := tx.ExecContext(ctx, link, id, pq.Array(ids))
	return err
}

// childTables maps each child table to the statement that refills it from a
// JSON array whose keys are its column names.
var childTables = []struct {
	table  string
	insert string
	rows   func(in ServiceInput) any
}{
	{"schedules", `INSERT INTO schedules (id, service_id, location_id, freq, byday, opens_at, closes_at, valid_from, valid_to, description)
		SELECT x.id, $1, x.location_id, x.freq, x.byday, x.opens_at, x.closes_at, x.valid_from, x.valid_to, COALESCE(x.description, '')
		FROM json_populate_recordset(NULL::schedules, $2) x`, func(in ServiceInput) any { return in.Schedules }},
	{"phones", `INSERT INTO phones (id, service_id, number, type, description)
		SELECT x.id, $1, x.number, x.type, COALESCE(x.description, '') FROM json_populate_recordset(NULL::phones, $2) x`,
		func(in ServiceInput) any { return in.Phones }},
	{"contacts", `INSERT INTO contacts (id, service_id, name, title, email, phone)
		SELECT x.id, $1, x.name, COALESCE(x.title, ''), COALESCE(x.email, ''), COALESCE(x.phone, '') FROM json_populate_recordset(NULL::contacts, $2) x`,
		func(in ServiceInput) any { return in.Contacts }},
	{"cost_options", `INSERT INTO cost_options (id, service_id, option, amount, currency, description)
		SELECT x.id, $1, COALESCE(x.option, ''), x.amount, x.currency, COALESCE(x.description, '') FROM json_populate_recordset(NULL::cost_options, $2) x`,
		func(in ServiceInput) any { return in.CostOptions }},
	{"service_areas", `INSERT INTO service_areas (id, service_id, name, area_code, description)
		SELECT x.id, $1, x.name, COALESCE(x.area_code, ''), COALESCE(x.description, '') FROM json_populate_recordset(NULL::service_areas, $2) x`,
		func(in ServiceInput) any { return in.Areas }},
	{"service_categories", `INSERT INTO service_categories (service_id, term_id)
		SELECT $1, t.id FROM taxonomy_terms t WHERE t.code IN (SELECT json_array_elements_text($2)) ON CONFLICT DO NOTHING`,
		func(in ServiceInput) any { return in.Categories }},
}

func replaceChildren(ctx context.Context, tx *sqlx.Tx, id string, in ServiceInput) error {
	for _, c := range childTables {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+c.table+` WHERE service_id = $1`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, c.insert, id, jsonArg(c.rows(in))); err != nil {
			return fmt.Errorf("%s: %w", c.table, err)
		}
	}
	return nil
}

// jsonArg passes v to PostgreSQL as a json parameter; nil slices become [].
func jsonArg(v any) string {
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return "[]"
	}
	return string(b)
}
