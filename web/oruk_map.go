package web

import (
	"net/url"
	"strings"
	"time"

	"kith/directory"
	"kith/directory/oruk"
)

// orukSummary writes a listing's own fields and its organisation's, as
// lists show them. A free service with nothing more to say about fees says
// "Free", which is how ORUK feeds write it.
func orukSummary(r feedService, assured map[string]string) orukService {
	fees := r.FeesDescription
	if fees == "" && r.Free {
		fees = "Free"
	}
	return orukService{
		ID: r.ID, OrganizationID: r.OrganisationID, Name: r.Name, AlternateName: r.AlternateName,
		Description: r.Description, URL: r.URL, Email: r.Email, Status: r.Status, Fees: fees,
		EligibilityDescription: r.Eligibility, MinimumAge: r.MinAge, MaximumAge: r.MaxAge,
		AssuredDate: assured[r.OrganisationID], LastModified: r.UpdatedAt.UTC().Format(time.RFC3339),
		Organization: &orukOrganization{ID: r.OrganisationID, Name: r.OrgName, Description: r.OrgDescription,
			Email: r.OrgEmail, Website: r.OrgURL},
	}
}

// orukFull adds everything the public may see of a listing to its summary.
// Named contacts and internal notes are not public, so never written; a
// hidden address is written as the directory shows it to anyone, without
// the street and with its point blurred to about a kilometre.
func orukFull(sum orukService, svc directory.Service, org directory.Organisation, links map[[2]string]string, terms map[string]feedTerm) orukService {
	svc = svc.PublicView()
	out := sum
	out.Organization = orukOrg(org)
	for _, l := range svc.Locations {
		out.ServiceAtLocations = append(out.ServiceAtLocations, orukServiceAtLocation{
			ID: links[[2]string{svc.ID, l.ID}], ServiceID: svc.ID, LocationID: l.ID, Location: orukLoc(l)})
	}
	attending := attendingType(svc.DeliveryModes)
	for _, sc := range svc.Schedules {
		s := orukSched(svc.ID, sc, links[[2]string{svc.ID, sc.LocationID}])
		s.AttendingType = attending
		out.Schedules = append(out.Schedules, s)
	}
	for _, p := range svc.Phones {
		out.Phones = append(out.Phones, orukPhone{ID: p.ID, ServiceID: svc.ID, Number: p.Number, Type: p.Type, Description: p.Description})
	}
	for _, c := range svc.CostOptions {
		out.CostOptions = append(out.CostOptions, orukCostOption{ID: c.ID, ServiceID: svc.ID, Option: c.Option,
			Amount: c.Amount, Currency: c.Currency, AmountDescription: c.Description})
	}
	for _, code := range svc.Languages {
		out.Languages = append(out.Languages, orukLanguage{ID: oruk.FeedID(svc.ID, "language", code), ServiceID: svc.ID,
			Name: oruk.LanguageName(code), Code: code})
	}
	for _, a := range svc.Areas {
		out.ServiceAreas = append(out.ServiceAreas, orukArea(svc.ID, a))
	}
	for _, c := range svc.Categories {
		out.Attributes = append(out.Attributes, orukAttribute{ID: oruk.FeedID(svc.ID, "attribute", c.ID), LinkID: svc.ID,
			LinkType: "service", TaxonomyTermID: c.ID, TaxonomyTerm: orukTermOf(terms[c.ID])})
	}
	return out
}

func orukOrg(o directory.Organisation) *orukOrganization {
	out := &orukOrganization{ID: o.ID, Name: o.Name, Description: o.Description, Email: o.Email, Website: o.URL}
	for _, id := range o.Identifiers {
		scheme, label := oruk.Identifier(id.Scheme)
		out.OrganizationIdentifiers = append(out.OrganizationIdentifiers, orukIdentifier{
			ID: oruk.FeedID(o.ID, "identifier", id.Scheme), OrganizationID: o.ID,
			IdentifierScheme: scheme, IdentifierType: label, Identifier: id.Identifier})
	}
	return out
}

// orukLoc writes a venue as the directory shows it to anyone. The address
// fields ORUK requires are written even when Kith has nothing for them.
func orukLoc(l directory.Location) *orukLocation {
	pub := directory.Service{Locations: []directory.Location{l}}.PublicView().Locations[0]
	out := &orukLocation{ID: pub.ID, LocationType: "physical", Name: pub.Name, Description: pub.Description,
		Latitude: pub.Lat, Longitude: pub.Lon, Transportation: pub.Transport}
	if !pub.HideAddress && (pub.Address1 != "" || pub.Postcode != "" || pub.City != "") {
		out.Addresses = []orukAddress{{ID: oruk.FeedID(pub.ID, "address", "physical"), LocationID: pub.ID,
			Address1: pub.Address1, Address2: pub.Address2, City: pub.City, Region: pub.Region,
			StateProvince: pub.Region, PostalCode: pub.Postcode, Country: pub.Country, AddressType: "physical"}}
	}
	for _, a := range pub.Accessibility {
		out.Accessibility = append(out.Accessibility, orukAccessibility{ID: oruk.FeedID(pub.ID, "accessibility", a),
			LocationID: pub.ID, Description: oruk.AccessibilityLabel(a)})
	}
	return out
}

func orukSched(serviceID string, s directory.Schedule, linkID string) orukSchedule {
	return orukSchedule{ID: s.ID, ServiceID: serviceID, ServiceAtLocationID: linkID, Freq: s.Freq, Interval: 1,
		ByDay: strings.Join(s.ByDay, ","), OpensAt: s.OpensAt + ":00", ClosesAt: s.ClosesAt + ":00",
		ValidFrom: s.ValidFrom, ValidTo: s.ValidTo, Description: s.Description}
}

// attendingWords are how the feed says a service is delivered, in the words
// importers (Kith's own among them) read back.
var attendingWords = map[string]string{"in_person": "in person", "online": "online", "phone": "by phone", "home_visit": "home visits"}

// attendingType says how people attend a service's sessions; HSDS 3.0 has
// no field for how a service is delivered, so its sessions carry it.
func attendingType(modes []string) string {
	words := make([]string, len(modes))
	for i, m := range modes {
		words[i] = attendingWords[m]
	}
	return strings.Join(words, ", ")
}

// orukArea writes a covered area; a GSS-coded one gets the ONS URI that
// names it.
func orukArea(serviceID string, a directory.ServiceArea) orukServiceArea {
	out := orukServiceArea{ID: a.ID, ServiceID: serviceID, Name: a.Name, ServiceArea: a.Description}
	if a.AreaCode != "" {
		out.URI = oruk.AreaURI(a.AreaCode)
	}
	return out
}

// orukTermOf writes a term; its term is Kith's category code, which is what
// an importer of Kith's feed matches on.
func orukTermOf(t feedTerm) orukTaxonomyTerm {
	out := orukTaxonomyTerm{ID: t.ID, Name: t.Name, Description: t.Description, Taxonomy: t.TaxonomyName,
		TaxonomyID: t.TaxonomyID, Term: t.Code}
	if t.ParentID != nil {
		out.ParentID = *t.ParentID
	}
	if t.TaxonomyURI != "" {
		out.TermURI = strings.TrimSuffix(t.TaxonomyURI, "/") + "/" + url.PathEscape(t.Code)
	}
	return out
}

func orukTaxonomyOf(t directory.Taxonomy) orukTaxonomy {
	return orukTaxonomy{ID: t.ID, Name: t.Name, Description: t.Description, URI: t.URI, Version: t.Version}
}
