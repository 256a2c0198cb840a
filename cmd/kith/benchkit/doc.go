// Package benchkit is what Kith's benchmarks share: reading a process's
// memory and the machine's CPU use from /proc, so that every report can say
// how much memory the server held and how busy the machine was; CPU and
// heap profiles of a phase; pacing an open loop's requests on time; and
// keeping a search engine in step with the outbox the way `kith serve` does.
package benchkit
