package directory

import (
	"context"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"kith/postgres"
)

// serviceRow is a service as one query returns it: the row plus its child
// records aggregated as JSON, so a page of listings costs one round trip.
type serviceRow struct {
	Service
	LanguagesCol     pq.StringArray               `db:"languages"`
	DeliveryModesCol pq.StringArray               `db:"delivery_modes"`
	LocationsCol     postgres.JSON[[]Location]    `db:"locations"`
	SchedulesCol     postgres.JSON[[]Schedule]    `db:"schedules"`
	PhonesCol        postgres.JSON[[]Phone]       `db:"phones"`
	ContactsCol      postgres.JSON[[]Contact]     `db:"contacts"`
	CostOptionsCol   postgres.JSON[[]CostOption]  `db:"cost_options"`
	CategoriesCol    postgres.JSON[[]Category]    `db:"categories"`
	AreasCol         postgres.JSON[[]ServiceArea] `db:"service_areas"`
	Total            int                          `db:"total"`
}

func (r serviceRow) service() Service {
	s := r.Service
	s.Languages = nonNil(r.LanguagesCol)
	s.DeliveryModes = nonNil(r.DeliveryModesCol)
	s.Locations = nonNil(r.LocationsCol.V)
	s.Schedules = nonNil(r.SchedulesCol.V)
	s.Phones = nonNil(r.PhonesCol.V)
	s.Contacts = nonNil(r.ContactsCol.V)
	s.CostOptions = nonNil(r.CostOptionsCol.V)
	s.Categories = nonNil(r.CategoriesCol.V)
	s.Areas = nonNil(r.AreasCol.V)
	return s
}

func nonNil[S ~[]T, T any](s S) []T {
	if s == nil {
		return []T{}
	}
	return s
}

const serviceSelect = `
SELECT s.id, s.organisation_id, o.name AS organisation_name, s.name, s.alternate_name,
       s.description, s.url, s.email, s.status, s.min_age, s.max_age, s.eligibility, s.free,
       s.fees_description, s.languages, s.delivery_modes, s.internal_notes, s.published,
       s.created_at, s.updated_at, COUNT(*) OVER () AS total,
       COALESCE((SELECT json_agg(json_build_object(
                 'id', l.id, 'name', l.name, 'description', l.description,
                 'address_1', l.address_1, 'address_2', l.address_2, 'city', l.city,
                 'region', l.region, 'postcode', l.postcode, 'country', l.country,
                 'lon', l.lon, 'lat', l.lat, 'hide_address', l.hide_address,
                 'accessibility', l.accessibility, 'transport', l.transport) ORDER BY l.name, l.id)
                 FROM service_at_location sal JOIN locations l ON l.id = sal.location_id
                 WHERE sal.service_id = s.id), '[]') AS locations,
       COALESCE((SELECT json_agg(json_build_object(
                 'id', x.id, 'location_id', x.location_id, 'freq', x.freq, 'byday', x.byday,
                 'opens_at', to_char(x.opens_at, 'HH24:MI'), 'closes_at', to_char(x.closes_at, 'HH24:MI'),
                 'valid_from', x.valid_from, 'valid_to', x.valid_to, 'description', x.description)
                 ORDER BY x.opens_at, x.id)
                 FROM schedules x WHERE x.service_id = s.id), '[]') AS schedules,
       COALESCE((SELECT json_agg(json_build_object('id', x.id, 'number', x.number, 'type', x.type,
                 'description', x.description) ORDER BY x.id)
                 FROM phones x WHERE x.service_id = s.id), '[]') AS phones,
       COALESCE((SELECT json_agg(json_build_object('id', x.id, 'name', x.name, 'title', x.title,
                 'email', x.email, 'phone', x.phone) ORDER BY x.name, x.id)
                 FROM contacts x WHERE x.service_id = s.id), '[]') AS contacts,
       COALESCE((SELECT json_agg(json_build_object('id', x.id, 'option', x.option, 'amount', x.amount,
                 'currency', x.currency, 'description', x.description) ORDER BY x.id)
                 FROM cost_options x WHERE x.service_id = s.id), '[]') AS cost_options,
       COALESCE((SELECT json_agg(json_build_object('id', t.id, 'code', t.code, 'name', t.name)
                 ORDER BY t.name)
                 FROM service_categories sc JOIN taxonomy_terms t ON t.id = sc.term_id
                 WHERE sc.service_id = s.id), '[]') AS categories,
       COALESCE((SELECT json_agg(json_build_object('id', x.id, 'name', x.name,
                 'area_code', x.area_code, 'description', x.description) ORDER BY x.name, x.id)
                 FROM service_areas x WHERE x.service_id = s.id), '[]') AS service_areas
FROM services s JOIN organisations o ON o.id = s.organisation_id`

// ServicesByID loads the given listings, in no particular order, leaving out
// ids that do not exist. It applies no visibility rules: callers that serve
// people filter with CanSee.
func (s *Store) ServicesByID(ctx context.Context, ids []string) ([]Service, error) {
	const q = serviceSelect + ` WHERE s.id = ANY($1::uuid[])`
	svcs, _, err := s.selectServices(ctx, s.db.Lookups(), q, pq.Array(ids))
	return svcs, err
}

// selectServices runs a serviceSelect query and returns its rows and the
// window total.
func (s *Store) selectServices(ctx context.Context, db sqlx.QueryerContext, q string, args ...any) ([]Service, int, error) {
	var rows []serviceRow
	if err := sqlx.SelectContext(ctx, db, &rows, q, args...); err != nil {
		return nil, 0, postgres.MapError(err)
	}
	out := make([]Service, len(rows))
	total := 0
	for i, r := range rows {
		out[i] = r.service()
		total = r.Total
	}
	return out, total, nil
}

// Service returns one listing as the acting user may see it.
func (s *Store) Service(ctx context.Context, id string) (Service, error) {
	svcs, err := s.ServicesByID(ctx, []string{id})
	if err != nil {
		return Service{}, err
	}
	if len(svcs) == 0 || !CanSee(UserFrom(ctx), svcs[0]) {
		return Service{}, ErrNotFound
	}
	return viewFor(UserFrom(ctx), svcs[0]), nil
}

// CanSee reports whether u may see listing svc at all: published listings are
// public; drafts only to their editors and moderators.
func CanSee(u *User, svc Service) bool {
	return svc.Published || u.EditsOrganisation(svc.OrganisationID) || u.Moderates()
}

func viewFor(u *User, svc Service) Service {
	if u == nil {
		return svc.PublicView()
	}
	return svc
}

// serviceVisible filters by organisation ($1, optional) to what a caller may
// see: published listings, everything for moderators ($2), and the drafts of
// the organisation a VCSE editor belongs to ($3).
const serviceVisible = `
WHERE ($1 = '' OR s.organisation_id = NULLIF($1, '')::uuid)
  AND (s.published OR $2 OR s.organisation_id = NULLIF($3, '')::uuid)`

// ServiceFilter narrows a listing of services.
type ServiceFilter struct {
	OrganisationID string
	Limit, Offset  int
}

// ServicePage is one page of listings and how many there are in all.
type ServicePage struct {
	Total int       `json:"total"`
	Items []Service `json:"items"`
}

// Services lists the listings the acting user may see, by name.
func (s *Store) Services(ctx context.Context, f ServiceFilter) (ServicePage, error) {
	const q = serviceSelect + serviceVisible + `
ORDER BY s.name, s.id
LIMIT $4 OFFSET $5`
	u := UserFrom(ctx)
	editorOrg := ""
	if u.Is(RoleVCSEEditor) && u.OrganisationID != nil {
		editorOrg = *u.OrganisationID
	}
	svcs, total, err := s.selectServices(ctx, s.db.DB, q, f.OrganisationID, u.Moderates(), editorOrg, f.Limit, f.Offset)
	if err != nil {
		return ServicePage{}, err
	}
	if len(svcs) == 0 && f.Offset > 0 {
		// Past the last page the window is empty, so count separately.
		total, err = s.countServices(ctx, f.OrganisationID, u.Moderates(), editorOrg)
		if err != nil {
			return ServicePage{}, err
		}
	}
	for i := range svcs {
		svcs[i] = viewFor(u, svcs[i])
	}
	return ServicePage{Total: total, Items: svcs}, nil
}

func (s *Store) countServices(ctx context.Context, org string, moderator bool, editorOrg string) (int, error) {
	const q = `SELECT count(*) FROM services s` + serviceVisible
	var n int
	err := s.db.GetContext(ctx, &n, q, org, moderator, editorOrg)
	return n, postgres.MapError(err)
}
