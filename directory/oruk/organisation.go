package oruk

import (
	"errors"

	"kith/directory"
)

// organisation fills in who runs the service. A record that names its
// organisation only by id gets no Organisation: the id is enough to link
// it, provided the same source brings the organisation in full.
func (b *build) organisation(r *Record, o object) error {
	org := o.child("organization", "organisation")
	name := org.text("name")
	key := org.text("id")
	if key == "" {
		key = o.text("organization_id", "organisation_id")
	}
	if key == "" && name != "" {
		key = "name:" + fold(name) // some feeds give the organisation no id
	}
	if key == "" {
		return errors.New("the record names no organisation")
	}
	r.OrgSourceID, r.OrganisationID = key, ImportID(b.source, "organisation", key)
	b.orgKey = "organisation:" + key
	if name != "" {
		in := b.organisationInput(org)
		r.Organisation = &in
	}
	return nil
}

func (b *build) organisationInput(org object) directory.OrganisationInput {
	return directory.OrganisationInput{
		Name:        b.prose("organisation name", org.text("name"), nameLimit),
		Description: b.prose("organisation description", org.text("description"), textLimit),
		Email:       b.email("organisation email", org.text("email")),
		URL:         b.url("organisation website", org.text("website", "url")),
		Identifiers: b.identifiers(org),
	}
}

// identifiers keeps the registers Kith knows, one number per register.
func (b *build) identifiers(org object) []directory.Identifier {
	var out []directory.Identifier
	seen := map[string]bool{}
	for _, id := range org.list("organization_identifiers", "organisation_identifiers") {
		number := id.text("identifier")
		scheme, ok := identifierScheme(id.text("identifier_scheme"), id.text("identifier_type"))
		switch {
		case number == "":
		case !ok:
			b.fix("organisation identifier %q of an unknown register was left out", number)
		case seen[scheme]:
			b.fix("a second %s identifier (%s) was left out", scheme, number)
		default:
			seen[scheme] = true
			out = append(out, directory.Identifier{Scheme: scheme, Identifier: b.text("organisation identifier", number, 50)})
		}
	}
	return out
}
