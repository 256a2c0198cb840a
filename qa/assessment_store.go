package qa

import (
	"context"

	"github.com/jmoiron/sqlx"

	"kith/directory"
	"kith/postgres"
)

// Assessment returns organisation org's checklist with its answers, status
// and history, for the organisation's editors and for reviewers.
func (s *Store) Assessment(ctx context.Context, org string) (Assessment, error) {
	if u := directory.UserFrom(ctx); !mayView(u, org) {
		return Assessment{}, denied(u)
	}
	a, err := s.status(ctx, s.db, org)
	if err != nil {
		return Assessment{}, err
	}
	tpl, err := currentTemplate(ctx, s.db)
	if err != nil {
		return Assessment{}, err
	}
	const q = responseSelect + `
WHERE r.organisation_id = $1 AND r.state <> 'superseded'
ORDER BY COALESCE(r.submitted_at, r.created_at) DESC, r.id`
	rs, _, err := selectResponses(ctx, s.db, q, org)
	if err != nil {
		return Assessment{}, err
	}
	events, err := s.events(ctx, s.db, org)
	if err != nil {
		return Assessment{}, err
	}
	return Assessment{OrganisationID: org, TemplateVersion: tpl.Version, Assurance: a,
		Items: itemStates(tpl, rs, a, s.now()), Events: events}, nil
}

// eventLimit bounds the history an assessment carries; older steps stay in
// the table.
const eventLimit = 200

func (s *Store) events(ctx context.Context, db sqlx.QueryerContext, org string) ([]Event, error) {
	const q = `
SELECT e.id, e.response_id, e.item_key, e.action, e.note, e.actor_id, u.email AS actor_email, e.at
FROM qa_events e LEFT JOIN users u ON u.id = e.actor_id
WHERE e.organisation_id = $1
ORDER BY e.at DESC, e.id DESC
LIMIT $2`
	out := []Event{}
	err := sqlx.SelectContext(ctx, db, &out, q, org, eventLimit)
	return out, postgres.MapError(err)
}

// Todo is organisation org's work list.
func (s *Store) Todo(ctx context.Context, org string) (Todo, error) {
	a, err := s.Assessment(ctx, org)
	if err != nil {
		return Todo{}, err
	}
	return a.todo(s.now()), nil
}
