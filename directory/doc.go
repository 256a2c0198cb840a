// Package directory is the domain root of Kith. It owns the HSDS-shaped
// directory (organisations, services, locations, sessions, phones, contacts,
// cost options, categories, service areas), listing moderation and version
// history, the outbox rows that keep search in step, and the accounts every
// other package checks permissions against: users, teams, roles, sessions and
// the acting user carried in a context.
//
// Domain types and their Validate methods live in plain files; the SQL that
// stores them lives beside them in *_store.go.
package directory
