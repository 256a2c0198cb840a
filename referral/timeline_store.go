package referral

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// timelineSelect gathers every event of referral $1 from each table that
// records one, newest first; at equal times the later-written comes first.
const timelineSelect = `
SELECT * FROM (
    SELECT 'status' AS kind, e.at, COALESCE(u.name, '') AS by, '' AS ref, '' AS subject, e.from_status,
           e.to_status, e.reason, e.note, 0 AS minutes, false AS flag, e.snomed_code, e.id AS seq
    FROM referral_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.referral_id = $1
    UNION ALL
    SELECT 'contact', c.at, COALESCE(u.name, ''), c.id::text, c.kind, '', '', '', c.notes, c.duration_minutes,
           c.did_not_attend, '', 0
    FROM referral_contacts c LEFT JOIN users u ON u.id = c.recorded_by WHERE c.referral_id = $1
    UNION ALL
    SELECT 'what_matters', w.recorded_at, COALESCE(u.name, ''), w.id::text, array_to_string(w.themes, '; '),
           '', '', '', '', 0, false, '', w.id
    FROM what_matters w LEFT JOIN users u ON u.id = w.recorded_by WHERE w.referral_id = $1
    UNION ALL
    SELECT 'plan', p.created_at, COALESCE(u.name, ''), p.version::text,
           (SELECT string_agg(g, '; ') FROM jsonb_array_elements_text(p.goals) g), '', '', '',
           to_char(p.review_on, 'YYYY-MM-DD'), 0, false, '', p.version
    FROM care_plans p LEFT JOIN users u ON u.id = p.created_by WHERE p.referral_id = $1
    UNION ALL
    SELECT 'connection', e.at, COALESCE(u.name, ''), c.id::text, s.name, e.from_status, e.to_status, e.reason,
           e.note, 0, false, '', e.id
    FROM connection_events e JOIN connections c ON c.id = e.connection_id JOIN services s ON s.id = c.service_id
    LEFT JOIN users u ON u.id = e.actor_id WHERE c.referral_id = $1
    UNION ALL
    SELECT 'outcome', o.recorded_at, COALESCE(u.name, ''), '', o.measure, '', o.stage, '', '',
           COALESCE(o.score, 0), false, '', 0
    FROM outcomes o LEFT JOIN users u ON u.id = o.recorded_by WHERE o.referral_id = $1
    UNION ALL
    SELECT 'unmet_need', n.recorded_at, COALESCE(u.name, ''), n.id::text, t.name, '', '', '', n.notes, 0, false,
           '', 0
    FROM unmet_needs n JOIN taxonomy_terms t ON t.id = n.term_id LEFT JOIN users u ON u.id = n.recorded_by
    WHERE n.referral_id = $1
    UNION ALL
    SELECT 'consent', k.given_at, k.recorded_by, '', k.kind, '', '', '', '', 0, k.given, '', k.id
    FROM consents k WHERE k.referral_id = $1
) x
ORDER BY at DESC, seq DESC, kind`

// timelineRow adds the tie-breaking sequence the query sorts by.
type timelineRow struct {
	TimelineEntry
	Seq int64 `db:"seq"`
}

// Timeline lists everything that has happened on a referral, newest first:
// status changes, contacts, "what matters to me" records, plan versions,
// every connection's changes, outcome measures, unmet needs and consents.
func (s *Store) Timeline(ctx context.Context, id string) ([]TimelineEntry, error) {
	var rows []timelineRow
	err := s.withReferral(ctx, id, actionRead, "timeline", func(tx *sqlx.Tx, _ state, _ act) error {
		return tx.SelectContext(ctx, &rows, timelineSelect, id)
	})
	if err != nil {
		return nil, err
	}
	out := make([]TimelineEntry, len(rows))
	for i, r := range rows {
		out[i] = r.TimelineEntry
		out[i].At = london(out[i].At)
	}
	return out, nil
}
