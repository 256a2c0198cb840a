package web

// The ORUK 3.0 documents the feed writes. A field with no value is left out
// (omitempty), never null, except where the schema requires the field: then
// it is written, empty if Kith has nothing. Beyond the UK profile, services
// carry the HSDS 3.0 fields Kith has and the profile left out (phones,
// language codes and names, eligibility, transport, address_2), which the
// profile allows and without which a listing loses what people need.

type orukPage[T any] struct {
	TotalItems int  `json:"total_items"`
	TotalPages int  `json:"total_pages"`
	PageNumber int  `json:"page_number"`
	Size       int  `json:"size"`
	FirstPage  bool `json:"first_page"`
	LastPage   bool `json:"last_page"`
	Empty      bool `json:"empty"`
	Contents   []T  `json:"contents"`
}

// newPage wraps one page of contents. Every page of a list agrees on the
// totals; a page past the end is empty and last, not an error.
func newPage[T any](f feedQuery, total int, contents []T) orukPage[T] {
	pages := (total + f.perPage - 1) / f.perPage
	if contents == nil {
		contents = []T{}
	}
	return orukPage[T]{TotalItems: total, TotalPages: pages, PageNumber: f.page, Size: len(contents),
		FirstPage: f.page == 1, LastPage: f.page >= pages, Empty: len(contents) == 0, Contents: contents}
}

type orukService struct {
	ID                     string                  `json:"id"`
	OrganizationID         string                  `json:"organization_id,omitempty"`
	Name                   string                  `json:"name"`
	AlternateName          string                  `json:"alternate_name,omitempty"`
	Description            string                  `json:"description,omitempty"`
	URL                    string                  `json:"url,omitempty"`
	Email                  string                  `json:"email,omitempty"`
	Status                 string                  `json:"status"`
	Fees                   string                  `json:"fees,omitempty"`
	EligibilityDescription string                  `json:"eligibility_description,omitempty"`
	MinimumAge             *int                    `json:"minimum_age,omitempty"`
	MaximumAge             *int                    `json:"maximum_age,omitempty"`
	AssuredDate            string                  `json:"assured_date,omitempty"`
	LastModified           string                  `json:"last_modified,omitempty"`
	Organization           *orukOrganization       `json:"organization,omitempty"`
	ServiceAtLocations     []orukServiceAtLocation `json:"service_at_locations,omitempty"`
	Schedules              []orukSchedule          `json:"schedules,omitempty"`
	Phones                 []orukPhone             `json:"phones,omitempty"`
	CostOptions            []orukCostOption        `json:"cost_options,omitempty"`
	Languages              []orukLanguage          `json:"languages,omitempty"`
	ServiceAreas           []orukServiceArea       `json:"service_areas,omitempty"`
	Attributes             []orukAttribute         `json:"attributes,omitempty"`
}

type orukOrganization struct {
	ID                      string           `json:"id"`
	Name                    string           `json:"name"`
	Description             string           `json:"description"`
	Email                   string           `json:"email,omitempty"`
	Website                 string           `json:"website,omitempty"`
	OrganizationIdentifiers []orukIdentifier `json:"organization_identifiers,omitempty"`
	Services                []orukService    `json:"services,omitempty"`
}

type orukIdentifier struct {
	ID               string `json:"id"`
	OrganizationID   string `json:"organization_id"`
	IdentifierScheme string `json:"identifier_scheme,omitempty"`
	IdentifierType   string `json:"identifier_type"`
	Identifier       string `json:"identifier"`
}

type orukServiceAtLocation struct {
	ID         string        `json:"id"`
	ServiceID  string        `json:"service_id,omitempty"`
	LocationID string        `json:"location_id,omitempty"`
	Location   *orukLocation `json:"location,omitempty"`
	Service    *orukService  `json:"service,omitempty"`
}

type orukLocation struct {
	ID             string              `json:"id"`
	LocationType   string              `json:"location_type"`
	Name           string              `json:"name,omitempty"`
	Description    string              `json:"description,omitempty"`
	Latitude       *float64            `json:"latitude,omitempty"`
	Longitude      *float64            `json:"longitude,omitempty"`
	Transportation string              `json:"transportation,omitempty"`
	Addresses      []orukAddress       `json:"addresses,omitempty"`
	Accessibility  []orukAccessibility `json:"accessibility,omitempty"`
}

type orukAddress struct {
	ID            string `json:"id"`
	LocationID    string `json:"location_id"`
	Address1      string `json:"address_1"`
	Address2      string `json:"address_2,omitempty"`
	City          string `json:"city"`
	Region        string `json:"region,omitempty"`
	StateProvince string `json:"state_province"`
	PostalCode    string `json:"postal_code"`
	Country       string `json:"country"`
	AddressType   string `json:"address_type"`
}

type orukAccessibility struct {
	ID          string `json:"id"`
	LocationID  string `json:"location_id"`
	Description string `json:"description"`
}

type orukSchedule struct {
	ID                  string `json:"id"`
	ServiceID           string `json:"service_id"`
	ServiceAtLocationID string `json:"service_at_location_id,omitempty"`
	Freq                string `json:"freq"`
	Interval            int    `json:"interval"`
	ByDay               string `json:"byday"`
	OpensAt             string `json:"opens_at"`
	ClosesAt            string `json:"closes_at"`
	ValidFrom           string `json:"valid_from,omitempty"`
	ValidTo             string `json:"valid_to,omitempty"`
	Description         string `json:"description,omitempty"`
	AttendingType       string `json:"attending_type,omitempty"`
}

type orukPhone struct {
	ID          string `json:"id"`
	ServiceID   string `json:"service_id"`
	Number      string `json:"number"`
	Type        string `json:"type,omitempty"`
	Description string `json:"description,omitempty"`
}

type orukCostOption struct {
	ID                string   `json:"id"`
	ServiceID         string   `json:"service_id"`
	Option            string   `json:"option,omitempty"`
	Amount            *float64 `json:"amount,omitempty"`
	Currency          string   `json:"currency,omitempty"`
	AmountDescription string   `json:"amount_description,omitempty"`
}

type orukLanguage struct {
	ID        string `json:"id"`
	ServiceID string `json:"service_id"`
	Name      string `json:"name"`
	Code      string `json:"code"`
}

type orukServiceArea struct {
	ID          string `json:"id"`
	ServiceID   string `json:"service_id"`
	Name        string `json:"name"`
	ServiceArea string `json:"service_area,omitempty"`
	URI         string `json:"uri,omitempty"`
}

type orukAttribute struct {
	ID             string           `json:"id"`
	LinkID         string           `json:"link_id"`
	LinkType       string           `json:"link_type"`
	TaxonomyTermID string           `json:"taxonomy_term_id"`
	TaxonomyTerm   orukTaxonomyTerm `json:"taxonomy_term"`
}

type orukTaxonomy struct {
	ID            string             `json:"id"`
	Name          string             `json:"name"`
	Description   string             `json:"description"`
	URI           string             `json:"uri,omitempty"`
	Version       string             `json:"version,omitempty"`
	TaxonomyTerms []orukTaxonomyTerm `json:"taxonomy_terms,omitempty"`
}

type orukTaxonomyTerm struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	ParentID    string `json:"parent_id,omitempty"`
	Taxonomy    string `json:"taxonomy,omitempty"`
	TaxonomyID  string `json:"taxonomy_id,omitempty"`
	TermURI     string `json:"term_uri,omitempty"`
	Term        string `json:"term"`
}
