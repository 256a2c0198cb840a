package qa

import (
	"context"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"kith/directory"
	"kith/postgres"
)

type templateRow struct {
	Template
	ItemsCol postgres.JSON[[]Item] `db:"items"`
}

const templateSelect = `
SELECT t.id, t.version, t.title, t.notes, t.created_at,
       COALESCE((SELECT json_agg(json_build_object(
                 'key', i.key, 'title', i.title, 'guidance', i.guidance,
                 'required_from', COALESCE(i.required_from, ''), 'evidence', i.evidence,
                 'reference_label', i.reference_label, 'date_label', i.date_label,
                 'validity', i.validity, 'valid_months', COALESCE(i.valid_months, 0)) ORDER BY i.position)
                 FROM qa_template_items i WHERE i.template_id = t.id), '[]') AS items
FROM qa_templates t`

func selectTemplates(ctx context.Context, db sqlx.QueryerContext, q string, args ...any) ([]Template, error) {
	var rows []templateRow
	if err := sqlx.SelectContext(ctx, db, &rows, q, args...); err != nil {
		return nil, postgres.MapError(err)
	}
	out := make([]Template, len(rows))
	for i, r := range rows {
		out[i] = r.Template
		out[i].Items = r.ItemsCol.V
	}
	return out, nil
}

// Templates lists every published version of the checklist, newest first.
// Checklists are public so groups can see what they will be asked for.
func (s *Store) Templates(ctx context.Context) ([]Template, error) {
	return selectTemplates(ctx, s.db, templateSelect+` ORDER BY t.version DESC`)
}

// currentTemplate is the newest version, the one new submissions answer.
func currentTemplate(ctx context.Context, db sqlx.QueryerContext) (Template, error) {
	ts, err := selectTemplates(ctx, db, templateSelect+` ORDER BY t.version DESC LIMIT 1`)
	if err != nil {
		return Template{}, err
	}
	if len(ts) == 0 {
		return Template{}, directory.Errorf(directory.ErrNotFound, "no checklist template has been published")
	}
	return ts[0], nil
}

// templatesByID loads the given versions keyed by id.
func templatesByID(ctx context.Context, db sqlx.QueryerContext, ids []string) (map[string]Template, error) {
	ts, err := selectTemplates(ctx, db, templateSelect+` WHERE t.id = ANY($1::uuid[])`, pq.Array(ids))
	out := make(map[string]Template, len(ts))
	for _, t := range ts {
		out[t.ID] = t
	}
	return out, err
}

// PublishTemplate adds a new version of the checklist; admins only. Versions
// already published, and every assessment made under them, stay as they are.
func (s *Store) PublishTemplate(ctx context.Context, in TemplateInput) (Template, error) {
	if u := directory.UserFrom(ctx); !u.Is(directory.RoleAdmin) {
		return Template{}, denied(u)
	}
	if err := in.Validate(); err != nil {
		return Template{}, err
	}
	id := uuid.NewString()
	err := s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		// Versions are numbered in order of publishing; the lock makes two
		// admins publishing at once queue rather than collide.
		if _, err := tx.ExecContext(ctx, `LOCK TABLE qa_templates IN SHARE ROW EXCLUSIVE MODE`); err != nil {
			return err
		}
		const q = `
INSERT INTO qa_templates (id, version, title, notes, created_by, created_at)
SELECT $1, COALESCE(max(version), 0) + 1, $2, $3, NULLIF($4, '')::uuid, $5 FROM qa_templates`
		if _, err := tx.ExecContext(ctx, q, id, in.Title, in.Notes, actorID(ctx), s.now().UTC()); err != nil {
			return err
		}
		if err := insertItems(ctx, tx, id, in.Items); err != nil {
			return err
		}
		return s.record(ctx, tx, event{action: "template_published", note: in.Title})
	})
	if err != nil {
		return Template{}, err
	}
	ts, err := selectTemplates(ctx, s.db, templateSelect+` WHERE t.id = $1`, id)
	if err != nil {
		return Template{}, err
	}
	return ts[0], nil
}

func insertItems(ctx context.Context, tx *sqlx.Tx, templateID string, items []Item) error {
	const q = `
INSERT INTO qa_template_items (template_id, key, position, title, guidance, required_from, evidence,
                               reference_label, date_label, validity, valid_months)
VALUES ($1, $2, $3, $4, $5, NULLIF($6, ''), $7, $8, $9, $10, NULLIF($11, 0))`
	for i, it := range items {
		_, err := tx.ExecContext(ctx, q, templateID, it.Key, i+1, it.Title, it.Guidance, it.RequiredFrom,
			pq.Array(it.Evidence), it.ReferenceLabel, it.DateLabel, it.Validity, it.ValidMonths)
		if err != nil {
			return err
		}
	}
	return nil
}
