package qa

import (
	"context"
	"crypto/sha256"

	"github.com/jmoiron/sqlx"

	"kith/directory"
)

// AddEvidence stores a file against the draft answer to item key of
// organisation org's checklist. Files that are too large or not an accepted
// kind are refused before anything is written.
func (s *Store) AddEvidence(ctx context.Context, org, key, filename string, data []byte) (EvidenceFile, error) {
	if _, err := editor(ctx, org); err != nil {
		return EvidenceFile{}, err
	}
	ct, err := checkUpload(data)
	if err != nil {
		return EvidenceFile{}, err
	}
	sum := sha256.Sum256(data)
	var f EvidenceFile
	err = s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		id, err := s.draft(ctx, tx, org, key, nil)
		if err != nil {
			return err
		}
		const q = `
INSERT INTO qa_evidence (response_id, filename, content_type, size, sha256, data, uploaded_by, uploaded_at)
VALUES ($1, $2, $3, $4, $5, $6, NULLIF($7, '')::uuid, $8)
RETURNING id, filename, content_type, size, encode(sha256, 'hex') AS sha256, uploaded_by, uploaded_at`
		err = tx.GetContext(ctx, &f, q, id, cleanFilename(filename), ct, len(data), sum[:], data,
			actorID(ctx), s.now().UTC())
		if err != nil {
			return err
		}
		return s.record(ctx, tx, event{org: org, response: id, key: key, action: "uploaded", note: f.Filename})
	})
	return f, err
}

// Evidence returns a file and its bytes, for the organisation's editors and
// for reviewers. Permission is checked before the bytes are read.
func (s *Store) Evidence(ctx context.Context, id string) (EvidenceFile, []byte, error) {
	const q = `
SELECT e.id, e.filename, e.content_type, e.size, encode(e.sha256, 'hex') AS sha256, e.uploaded_by,
       e.uploaded_at, r.organisation_id
FROM qa_evidence e JOIN qa_responses r ON r.id = e.response_id
WHERE e.id = $1`
	var row struct {
		EvidenceFile
		Org string `db:"organisation_id"`
	}
	if err := s.db.GetContext(ctx, &row, q, id); err != nil {
		return EvidenceFile{}, nil, notFound(err)
	}
	if u := directory.UserFrom(ctx); !mayView(u, row.Org) {
		return EvidenceFile{}, nil, denied(u)
	}
	var data []byte
	err := s.db.GetContext(ctx, &data, `SELECT data FROM qa_evidence WHERE id = $1`, id)
	return row.EvidenceFile, data, notFound(err)
}
