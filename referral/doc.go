// Package referral owns the link-worker workflow: the people referred and
// their referrals, triage, contacts, "what matters to me" and versioned care
// and support plans, connections to community services, outcome measures,
// unmet needs, the message back to the referrer, and the audit trail of
// every read and change of a person's data.
//
// A person's data is visible to the link-worker team that holds the referral
// and to admins; to anyone else the referral does not exist. A VCSE sees,
// through a connection to one of its services, only the person's name, how
// to contact them, why they were connected and what they agreed to share.
// Every view and change writes a person_audit row in the same transaction as
// the read or write, so there is no unaudited access.
//
// Connections take and give back places only through directory.Store's
// Reserve and Release, inside the connection's own transaction, with the qa
// store deciding whether an organisation may receive referrals at all.
//
// The two workflows are tables in status.go. Domain types and their Validate
// methods live in plain files; their SQL lives beside them in *_store.go.
package referral
