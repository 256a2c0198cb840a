// Package oruk reads directory data from outside Kith into directory inputs:
// Open Referral UK feeds in both shapes councils publish (ORUK 3.0, with
// contents, schedules and attributes; and the older ORUK 1.0, with content,
// regular_schedules and service_taxonomys), and the spreadsheet layout in
// docs/IMPORT.md. It is pure: no database and no network, so every rule can
// be tested and fuzzed on its own; cmd/kith only fetches, and package
// importing only writes.
//
// Real feeds are untidy. Ids arrive as numbers or strings, numbers as
// strings, nulls anywhere, HTML in descriptions, phone numbers with words
// around them. Reading is therefore lenient: a field that cannot be used is
// left out and the fix is reported with the record, and only a record that
// cannot be a listing at all (no id, no organisation) is refused here. What
// is left is checked by directory's own Validate when it is written.
//
// Every id is derived from the source's name and the source's own id
// (ImportID), child records included, so importing the same feed again
// updates the same rows and a write that changes nothing records nothing.
// The derivation also keeps a feed from choosing, and so overwriting, the id
// of a listing it did not create.
//
// The tables here (languages, accessibility, identifier schemes, area URIs)
// are used both ways: the ORUK feed Kith publishes writes with them, so a
// Kith feed imported elsewhere reads back the same listing.
package oruk
