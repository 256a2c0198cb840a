package qa

import (
	"context"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"kith/directory"
	"kith/postgres"
)

type responseRow struct {
	Response
	EvidenceCol postgres.JSON[[]EvidenceFile] `db:"evidence"`
	Total       int                           `db:"total"`
}

const responseSelect = `
SELECT r.id, r.organisation_id, r.item_key, r.template_id, t.version AS template_version, r.state,
       r.reference, COALESCE(to_char(r.evidence_date, 'YYYY-MM-DD'), '') AS evidence_date,
       r.attestation, r.attested_by, r.created_by, r.created_at, r.submitted_by, r.submitted_at,
       r.reviewed_by, r.reviewed_at, r.review_note, r.expires_at, COUNT(*) OVER () AS total,
       COALESCE((SELECT json_agg(json_build_object(
                 'id', e.id, 'filename', e.filename, 'content_type', e.content_type, 'size', e.size,
                 'sha256', encode(e.sha256, 'hex'), 'uploaded_by', e.uploaded_by,
                 'uploaded_at', e.uploaded_at) ORDER BY e.uploaded_at, e.id)
                 FROM qa_evidence e WHERE e.response_id = r.id), '[]') AS evidence
FROM qa_responses r JOIN qa_templates t ON t.id = r.template_id`

func selectResponses(ctx context.Context, db sqlx.QueryerContext, q string, args ...any) ([]Response, int, error) {
	var rows []responseRow
	if err := sqlx.SelectContext(ctx, db, &rows, q, args...); err != nil {
		return nil, 0, postgres.MapError(err)
	}
	out := make([]Response, len(rows))
	total := 0
	for i, r := range rows {
		out[i] = r.Response
		out[i].Evidence = r.EvidenceCol.V
		if out[i].Evidence == nil {
			out[i].Evidence = []EvidenceFile{}
		}
		total = r.Total
	}
	return out, total, nil
}

func response(ctx context.Context, db sqlx.QueryerContext, id string) (Response, error) {
	rs, _, err := selectResponses(ctx, db, responseSelect+` WHERE r.id = $1`, id)
	if err != nil {
		return Response{}, err
	}
	if len(rs) == 0 {
		return Response{}, directory.ErrNotFound
	}
	return rs[0], nil
}

// SaveItem replaces the draft answer to item key of organisation org's
// checklist. Drafts change nothing until submitted.
func (s *Store) SaveItem(ctx context.Context, org, key string, in ItemInput) (Response, error) {
	if _, err := editor(ctx, org); err != nil {
		return Response{}, err
	}
	if err := in.Validate(); err != nil {
		return Response{}, err
	}
	var id string
	err := s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		var err error
		id, err = s.draft(ctx, tx, org, key, &in)
		if err != nil {
			return err
		}
		return s.record(ctx, tx, event{org: org, response: id, key: key, action: "saved"})
	})
	if err != nil {
		return Response{}, err
	}
	return response(ctx, s.db, id)
}

// draft locks org and returns its draft for item key of the current
// checklist, creating it if need be, and replacing its values with in unless
// in is nil.
func (s *Store) draft(ctx context.Context, tx *sqlx.Tx, org, key string, in *ItemInput) (string, error) {
	if err := lockOrganisation(ctx, tx, org); err != nil {
		return "", err
	}
	tpl, err := currentTemplate(ctx, tx)
	if err != nil {
		return "", err
	}
	it, ok := tpl.Item(key)
	switch {
	case !ok:
		return "", directory.Errorf(directory.ErrNotFound, "the checklist has no item %q", key)
	case it.Needs(NeedsListing):
		return "", directory.Problems{"item": "is met by confirming your listing is accurate"}
	}
	const q = `
INSERT INTO qa_responses (organisation_id, template_id, item_key, state, reference, evidence_date,
                          attestation, attested_by, created_by, created_at)
VALUES ($1, $2, $3, 'draft', $4, NULLIF($5, '')::date, $6, $7, NULLIF($8, '')::uuid, $9)
ON CONFLICT (organisation_id, item_key) WHERE state = 'draft' DO UPDATE SET
    template_id = EXCLUDED.template_id,
    reference = CASE WHEN $10 THEN EXCLUDED.reference ELSE qa_responses.reference END,
    evidence_date = CASE WHEN $10 THEN EXCLUDED.evidence_date ELSE qa_responses.evidence_date END,
    attestation = CASE WHEN $10 THEN EXCLUDED.attestation ELSE qa_responses.attestation END,
    attested_by = CASE WHEN $10 THEN EXCLUDED.attested_by ELSE qa_responses.attested_by END
RETURNING id`
	replace := in != nil
	if in == nil {
		in = &ItemInput{}
	}
	var id string
	err = tx.GetContext(ctx, &id, q, org, tpl.ID, key, in.Reference, in.EvidenceDate, in.Attestation,
		in.AttestedBy, actorID(ctx), s.now().UTC(), replace)
	return id, err
}

// Submit sends every draft of organisation org's checklist for review, or
// none of them if any is incomplete. Submitting moves the organisation onto
// the current checklist version.
func (s *Store) Submit(ctx context.Context, org string) ([]Response, error) {
	if _, err := editor(ctx, org); err != nil {
		return nil, err
	}
	var ids []string
	err := s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		if err := lockOrganisation(ctx, tx, org); err != nil {
			return err
		}
		tpl, keys, err := s.checkDrafts(ctx, tx, org)
		if err != nil {
			return err
		}
		submitted, err := s.submitDrafts(ctx, tx, org, tpl, keys)
		if err != nil {
			return err
		}
		for _, r := range submitted {
			if err := s.record(ctx, tx, event{org: org, response: r.ID, key: r.Key, action: "submitted"}); err != nil {
				return err
			}
			ids = append(ids, r.ID)
		}
		return enqueue(ctx, tx, org)
	})
	if err != nil {
		return nil, err
	}
	rs, _, err := selectResponses(ctx, s.db, responseSelect+` WHERE r.id = ANY($1::uuid[]) ORDER BY r.item_key`, pq.Array(ids))
	return rs, err
}

// checkDrafts returns the current template and the keys of org's drafts for
// its items if every one of them is complete, and otherwise what is missing,
// item by item. Drafts for items a newer version dropped are left alone.
func (s *Store) checkDrafts(ctx context.Context, tx *sqlx.Tx, org string) (Template, []string, error) {
	tpl, err := currentTemplate(ctx, tx)
	if err != nil {
		return Template{}, nil, err
	}
	drafts, _, err := selectResponses(ctx, tx, responseSelect+` WHERE r.organisation_id = $1 AND r.state = 'draft'`, org)
	if err != nil {
		return Template{}, nil, err
	}
	p, now := directory.Problems{}, s.now()
	var keys []string
	for _, d := range drafts {
		if it, ok := tpl.Item(d.ItemKey); ok {
			it.complete(p, "items."+d.ItemKey+".", d, now)
			keys = append(keys, d.ItemKey)
		}
	}
	if len(keys) == 0 {
		return Template{}, nil, directory.Problems{"items": "nothing to submit: fill in an item first"}
	}
	return tpl, keys, p.Err()
}

// submitDrafts pins org to tpl and moves its drafts for keys into the review
// queue, superseding earlier submissions of the same items still waiting.
func (s *Store) submitDrafts(ctx context.Context, tx *sqlx.Tx, org string, tpl Template, keys []string) ([]submitted, error) {
	now := s.now().UTC()
	const pin = `
INSERT INTO qa_assessments (organisation_id, template_id, started_at) VALUES ($1, $2, $3)
ON CONFLICT (organisation_id, template_id) DO NOTHING`
	if _, err := tx.ExecContext(ctx, pin, org, tpl.ID, now); err != nil {
		return nil, err
	}
	const supersede = `
UPDATE qa_responses SET state = 'superseded'
WHERE organisation_id = $1 AND state = 'submitted' AND item_key = ANY($2)`
	if _, err := tx.ExecContext(ctx, supersede, org, pq.Array(keys)); err != nil {
		return nil, err
	}
	const submit = `
UPDATE qa_responses SET state = 'submitted', template_id = $2, submitted_by = NULLIF($3, '')::uuid, submitted_at = $4
WHERE organisation_id = $1 AND state = 'draft' AND item_key = ANY($5)
RETURNING id, item_key`
	var out []submitted
	err := tx.SelectContext(ctx, &out, submit, org, tpl.ID, actorID(ctx), now, pq.Array(keys))
	return out, err
}

type submitted struct {
	ID  string `db:"id"`
	Key string `db:"item_key"`
}
