// Package benchload is `kith bench load`: it drives a realistic mix of
// requests against a running Kith server on loopback for a fixed time, with
// N concurrent clients (closed loop) or at a fixed rate (open loop), and
// reports throughput, p50/p99/max per route, errors, and the server's
// memory and database connections over the run, against the targets of
// issue 10.
//
// The mix acts as the demo region's users (cmd/kith/demo): the public
// searching and reading listings; link workers creating referrals (with an
// Idempotency-Key), moving them along the workflow and asking services to
// take people on; VCSE editors reading their inbox and accepting, declining
// and completing the connections sent to them; a commissioner reading
// reports and the gap analysis. Writes are made valid by construction: each
// referral and connection the run makes is worked on by one client at a
// time, in the state the bench knows it is in. So any 5xx, unexpected 4xx
// or failed request is an error. The one refusal a working system gives
// under this load, a connection to a service with no room left (409 full
// or weekly_cap), is counted apart as a business answer.
//
// Without --url the bench starts its own server in this process, over a
// fresh database with the demo region loaded, so that one command measures
// a fresh machine. docs/RELIABILITY.md records the figures of a run.
package benchload
