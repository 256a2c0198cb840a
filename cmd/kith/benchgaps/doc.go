// Package benchgaps is `kith bench gaps`: it generates a national dataset
// (by default 1,000,000 referrals from people in every English LSOA and
// 100,000 services), bulk-loads it with COPY into a database it is given
// fresh, and times the commissioners' gap analysis end to end, through
// the HTTP API, for all of England at LSOA level. It also times the spatial
// primitive the analysis rests on, "services within r km of a point", with
// geo.Grid against a naive scan of every venue, and checks the two agree.
//
// The data comes from fixed seeds, so two runs with the same options load
// the same rows. docs/INSIGHT.md records the figures of a run.
package benchgaps
