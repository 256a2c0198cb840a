// Package migrations owns Kith's database schema: numbered, forward-only SQL
// files embedded in the binary. Apply runs the ones a database has not seen,
// each in its own transaction, under an advisory lock so that several kith
// processes starting together against one database migrate exactly once.
//
// Files are never edited after they land; a change to the schema is a new file.
package migrations
