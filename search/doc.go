// Package search owns Kith's directory search: the documents derived from
// PostgreSQL, the bleve full-text index (explicit, versioned mapping) and the
// in-memory table of facts and venue points that answers the geographic and
// filter part of every query exactly, the outbox indexer that keeps both in
// step with the database, and query parsing and ranking.
//
// Search answers with service ids, distances and scores only; callers hydrate
// details from PostgreSQL, so a result never shows stale data. Everything here
// can be thrown away and rebuilt from the database.
package search
