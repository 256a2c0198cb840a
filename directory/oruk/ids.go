package oruk

import "github.com/google/uuid"

// The namespaces of Kith's derived ids. They are arbitrary but fixed: a
// change would give every imported record and every published feed id a
// new identity.
var (
	importNamespace = uuid.MustParse("5b0a6c36-2f0e-4d0e-9a55-6f2c4d8e1b71")
	feedNamespace   = uuid.MustParse("c7e1d2a4-8b3f-4e6a-b0c9-1d5e7f2a3b84")
)

// ImportID is the Kith id of a record of kind ("service", "organisation",
// "location", ...) with id sourceID in source. The same three always give
// the same id, and no choice of sourceID gives an id Kith made itself.
func ImportID(source, kind, sourceID string) string {
	return uuid.NewSHA1(importNamespace, []byte(source+":"+kind+":"+sourceID)).String()
}

// FeedID is the stable id Kith's ORUK feed gives a record that Kith itself
// keeps no id for, such as the address of a location (owner is the
// location's id, kind "address") or the attribute filing a service under a
// term (owner the service, key the term's id).
func FeedID(owner, kind, key string) string {
	return uuid.NewSHA1(feedNamespace, []byte(owner+"/"+kind+"/"+key)).String()
}
