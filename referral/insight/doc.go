// Package insight is what commissioners see of social prescribing: where
// need outstrips provision (the gap analysis), how referrals flow and what
// changes for people (the reports), and the community development work
// link workers do with groups (the community work log).
//
// Everything a commissioner receives is an aggregate. Counts are made in
// PostgreSQL (GROUP BY over the referral_facts and outcome_changes views,
// which carry no names, dates of birth, NHS numbers, postcodes or free
// text); the spatial part of the gap analysis (which services are within
// reach of which areas) is done in Go with geo.Grid. Every count then goes
// through one disclosure control, the ledger in disclosure.go: counts from
// 1 to 4 are withheld, and so is the next smallest member of any group
// (a row or column adding up to a total) left with just one withheld, so
// no small count can be recovered by subtraction. Figures computed from
// counts are withheld with them.
//
// A commissioner with an area code sees only people living in that local
// authority; one without, and admins, see all of England. Nobody else may
// read aggregates; the community work log is written and read by the
// link-worker team that keeps it.
//
// docs/INSIGHT.md states the method, the gap score formula, the data
// vintages and the disclosure rules. Domain types and their Validate
// methods live in plain files; their SQL lives beside them in *_store.go.
package insight
