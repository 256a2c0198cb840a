package referral

import (
	"context"
	"encoding/json"

	"github.com/jmoiron/sqlx"

	"kith/directory"
	"kith/postgres"
)

// referralOf is the referral a person was recorded for; each referral has
// its own person.
func (s *Store) referralOf(ctx context.Context, personID string) (string, error) {
	var id string
	err := s.db.GetContext(ctx, &id, `SELECT id FROM referrals WHERE person_id = $1`, personID)
	return id, notFound(err)
}

// Export returns everything Kith holds about a person (subject access, UK
// GDPR article 15): their details, the referral with its needs, consents,
// history, contacts, "what matters" notes, every plan version, connections
// with their history, outcome measures, unmet needs, and the log of who read
// or changed any of it. Only the team holding the referral and admins may
// export it, and the export is itself logged.
func (s *Store) Export(ctx context.Context, personID string) (json.RawMessage, error) {
	id, err := s.referralOf(ctx, personID)
	if err != nil {
		return nil, err
	}
	var out json.RawMessage
	err = s.withReferral(ctx, id, actionRead, "subject_access_export", func(tx *sqlx.Tx, _ state, a act) error {
		if _, err := tx.ExecContext(ctx, `SET LOCAL TIME ZONE 'Europe/London'`); err != nil {
			return err
		}
		return tx.GetContext(ctx, &out, exportQuery, id, a.at)
	})
	return out, err
}

// exportQuery is the whole record of referral $1 as one JSON document,
// every table's rows as they are stored.
const exportQuery = `
SELECT jsonb_build_object(
  'exported_at', $2::timestamptz,
  'person', (SELECT to_jsonb(p) FROM people p WHERE p.id = r.person_id),
  'referral', to_jsonb(r) || jsonb_build_object('team_name', (SELECT t.name FROM teams t WHERE t.id = r.team_id)),
  'needs', COALESCE((SELECT jsonb_agg(jsonb_build_object('code', x.code, 'name', x.name) ORDER BY x.code)
            FROM referral_needs n JOIN taxonomy_terms x ON x.id = n.term_id WHERE n.referral_id = r.id), '[]'),
  'consents', COALESCE((SELECT jsonb_agg(to_jsonb(k) ORDER BY k.id) FROM consents k WHERE k.referral_id = r.id), '[]'),
  'events', COALESCE((SELECT jsonb_agg(to_jsonb(e) ORDER BY e.id) FROM referral_events e
             WHERE e.referral_id = r.id), '[]'),
  'contacts', COALESCE((SELECT jsonb_agg(to_jsonb(c) ORDER BY c.at) FROM referral_contacts c
               WHERE c.referral_id = r.id), '[]'),
  'what_matters', COALESCE((SELECT jsonb_agg(to_jsonb(w) ORDER BY w.id) FROM what_matters w
                   WHERE w.referral_id = r.id), '[]'),
  'care_plans', COALESCE((SELECT jsonb_agg(to_jsonb(cp) ORDER BY cp.version) FROM care_plans cp
                 WHERE cp.referral_id = r.id), '[]'),
  'connections', COALESCE((SELECT jsonb_agg(to_jsonb(c) || jsonb_build_object('service', s.name,
                  'organisation', o.name, 'events', COALESCE((SELECT jsonb_agg(to_jsonb(e) ORDER BY e.id)
                  FROM connection_events e WHERE e.connection_id = c.id), '[]')) ORDER BY c.created_at)
                  FROM connections c JOIN services s ON s.id = c.service_id
                  JOIN organisations o ON o.id = s.organisation_id WHERE c.referral_id = r.id), '[]'),
  'outcomes', COALESCE((SELECT jsonb_agg(to_jsonb(m) ORDER BY m.measure, m.stage) FROM outcomes m
               WHERE m.referral_id = r.id), '[]'),
  'unmet_needs', COALESCE((SELECT jsonb_agg(to_jsonb(u) || jsonb_build_object('need', x.code) ORDER BY u.recorded_at)
                  FROM unmet_needs u JOIN taxonomy_terms x ON x.id = u.term_id WHERE u.referral_id = r.id), '[]'),
  'access_log', COALESCE((SELECT jsonb_agg(jsonb_build_object('at', a.at, 'action', a.action, 'what', a.what,
                 'by', COALESCE(u.name, ''), 'role', a.actor_role, 'route', a.route) ORDER BY a.id)
                 FROM person_audit a LEFT JOIN users u ON u.id = a.actor_id WHERE a.referral_id = r.id), '[]')
) FROM referrals r WHERE r.id = $1`

// Erase removes a person's identifying data and every free-text note about
// them, in one transaction, keeping what the retention rule keeps
// (docs/RELIABILITY.md): the coded record of what happened, the area and
// deprivation decile, year of birth, outcome scores and the audit trail.
// Admins only; erasing an erased person changes nothing more but is logged.
func (s *Store) Erase(ctx context.Context, personID string, in Erasure) error {
	if u := directory.UserFrom(ctx); !u.Is(directory.RoleAdmin) {
		return denied(u)
	}
	if err := in.Validate(); err != nil {
		return err
	}
	id, err := s.referralOf(ctx, personID)
	if err != nil {
		return err
	}
	return s.withReferral(ctx, id, actionErase, "erasure:"+in.Reason, func(tx *sqlx.Tx, _ state, a act) error {
		_, err := tx.ExecContext(ctx, eraseQuery, id, a.at, in.Reason, ErasedName)
		return postgres.MapError(err)
	})
}

// eraseQuery blanks referral $1's person and free text in one statement.
// Idempotency replays are deleted: they hold copies of earlier answers.
const eraseQuery = `
WITH p AS (
  UPDATE people SET name = $4, date_of_birth = date_trunc('year', date_of_birth)::date, nhs_number = NULL,
         postcode = '', phone = '', email = '', address = '', contact_notes = '', language = '',
         interpreter = false, erased_at = COALESCE(erased_at, $2), erasure_reason = $3
  WHERE id = (SELECT person_id FROM referrals WHERE id = $1)),
r AS (UPDATE referrals SET referrer_name = '', referrer_phone = '', referrer_email = '', reason = '',
      redirected_to = '' WHERE id = $1),
e AS (UPDATE referral_events SET note = '' WHERE referral_id = $1),
c AS (UPDATE referral_contacts SET notes = '' WHERE referral_id = $1),
w AS (UPDATE what_matters SET themes = '{}', notes = '' WHERE referral_id = $1),
cp AS (UPDATE care_plans SET goals = '[]', actions = '[]' WHERE referral_id = $1),
cn AS (UPDATE connections SET reason = $4 WHERE referral_id = $1),
ce AS (UPDATE connection_events SET note = '' WHERE connection_id IN (SELECT id FROM connections WHERE referral_id = $1)),
u AS (UPDATE unmet_needs SET notes = '' WHERE referral_id = $1)
DELETE FROM idempotency_keys WHERE response->>'id' = $1::text OR response->>'referral_id' = $1::text`
