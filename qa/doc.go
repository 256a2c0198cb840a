// Package qa owns VCSE quality assurance: versioned checklist templates, an
// organisation's answers to them (responses, with uploaded evidence), the
// reviewers' verification, suspensions, listing confirmations, the audit trail
// of every step, and the assurance status derived from all of these and the
// clock.
//
// Status is never stored. It is computed from the rows and the time whenever
// it is asked for, so evidence lapses on its date without any background job;
// writes that can change a status append an outbox row so search re-reads it.
// Other packages ask two questions: ReferralReady (may this organisation be
// sent a referral, inside the caller's transaction) and Statuses (in bulk, for
// indexing).
package qa
