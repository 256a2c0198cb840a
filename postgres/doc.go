// Package postgres owns Kith's database plumbing: opening and pinging a
// server with retry, the one transaction helper, the mapping from SQLSTATE
// codes to the error kinds the rest of Kith speaks, and the private embedded
// cluster that lets `kith serve` and the tests run with no database set up.
//
// It knows nothing about the domain: stores in directory/, qa/ and referral/
// write their own SQL and call into this package only to run it.
package postgres
