package qa

import (
	"context"
	"time"

	"kith/postgres"
)

// QueueEntry is a submission waiting for review.
type QueueEntry struct {
	ResponseID       string    `db:"id" json:"response_id"`
	OrganisationID   string    `db:"organisation_id" json:"organisation_id"`
	OrganisationName string    `db:"organisation_name" json:"organisation_name"`
	ItemKey          string    `db:"item_key" json:"item_key"`
	ItemTitle        string    `db:"item_title" json:"item_title"`
	SubmittedAt      time.Time `db:"submitted_at" json:"submitted_at"`
	SubmittedBy      *string   `db:"submitted_by_email" json:"submitted_by,omitempty"`
	Files            int       `db:"files" json:"files"`
	Total            int       `db:"total" json:"-"`
}

// Queue lists submissions waiting for review, oldest first; reviewers only.
func (s *Store) Queue(ctx context.Context, limit, offset int) ([]QueueEntry, int, error) {
	if _, err := reviewer(ctx); err != nil {
		return nil, 0, err
	}
	const q = `
SELECT r.id, r.organisation_id, o.name AS organisation_name, r.item_key, i.title AS item_title,
       r.submitted_at, u.email AS submitted_by_email, COUNT(*) OVER () AS total,
       (SELECT count(*) FROM qa_evidence e WHERE e.response_id = r.id) AS files
FROM qa_responses r
JOIN organisations o ON o.id = r.organisation_id
JOIN qa_template_items i ON i.template_id = r.template_id AND i.key = r.item_key
LEFT JOIN users u ON u.id = r.submitted_by
WHERE r.state = 'submitted'
ORDER BY r.submitted_at, r.id
LIMIT $1 OFFSET $2`
	out := []QueueEntry{}
	if err := s.db.SelectContext(ctx, &out, q, limit, offset); err != nil {
		return nil, 0, postgres.MapError(err)
	}
	total := 0
	if len(out) > 0 {
		total = out[0].Total
	}
	return out, total, nil
}

// Submission is one organisation's evidence waiting for review: how many
// items and files, and since when.
type Submission struct {
	OrganisationID   string    `db:"organisation_id" json:"organisation_id"`
	OrganisationName string    `db:"organisation_name" json:"organisation_name"`
	Items            int       `db:"items" json:"items"`
	Files            int       `db:"files" json:"files"`
	Oldest           time.Time `db:"oldest" json:"oldest_submitted_at"`
	Newest           time.Time `db:"newest" json:"newest_submitted_at"`
	Total            int       `db:"total" json:"-"`
	AllItems         int       `db:"all_items" json:"-"`
}

// SubmissionPage is a page of the organisations waiting for review, with
// how many organisations and items wait in all.
type SubmissionPage struct {
	Organisations int          `json:"organisations"`
	Items         int          `json:"items"`
	Entries       []Submission `json:"entries"`
}

// Submissions groups the review queue by organisation, the longest-waiting
// first, so a reviewer can take one organisation's evidence together.
func (s *Store) Submissions(ctx context.Context, limit, offset int) (SubmissionPage, error) {
	if _, err := reviewer(ctx); err != nil {
		return SubmissionPage{}, err
	}
	const q = `
SELECT r.organisation_id, o.name AS organisation_name, count(*) AS items,
       sum((SELECT count(*) FROM qa_evidence e WHERE e.response_id = r.id)) AS files,
       min(r.submitted_at) AS oldest, max(r.submitted_at) AS newest,
       COUNT(*) OVER () AS total, sum(count(*)) OVER () AS all_items
FROM qa_responses r JOIN organisations o ON o.id = r.organisation_id
WHERE r.state = 'submitted'
GROUP BY r.organisation_id, o.name
ORDER BY min(r.submitted_at), lower(o.name), r.organisation_id
LIMIT $1 OFFSET $2`
	page := SubmissionPage{Entries: []Submission{}}
	if err := s.db.SelectContext(ctx, &page.Entries, q, limit, offset); err != nil {
		return SubmissionPage{}, postgres.MapError(err)
	}
	if len(page.Entries) > 0 {
		page.Organisations, page.Items = page.Entries[0].Total, page.Entries[0].AllItems
	}
	return page, nil
}

// OrganisationStatus is one organisation in the admins' list.
type OrganisationStatus struct {
	ID         string      `json:"id"`
	Name       string      `json:"name"`
	TierStatus TierStatus  `json:"status"`
	Stale      bool        `json:"stale"`
	Suspension *Suspension `json:"suspension,omitempty"`
}

// OrganisationFilter picks organisations by their status at one tier; an
// empty Status means every status.
type OrganisationFilter struct {
	Tier          Tier
	Status        Status
	Limit, Offset int
}

// Organisations lists organisations by name with their status at f.Tier;
// reviewers and admins only. Status is derived, so every organisation's is
// computed and the filter applied here.
func (s *Store) Organisations(ctx context.Context, f OrganisationFilter) ([]OrganisationStatus, int, error) {
	if _, err := reviewer(ctx); err != nil {
		return nil, 0, err
	}
	var orgs []struct {
		ID   string `db:"id"`
		Name string `db:"name"`
	}
	const q = `SELECT id, name FROM organisations ORDER BY lower(name), id`
	if err := s.db.SelectContext(ctx, &orgs, q); err != nil {
		return nil, 0, postgres.MapError(err)
	}
	ids := make([]string, len(orgs))
	for i, o := range orgs {
		ids[i] = o.ID
	}
	all, err := s.Statuses(ctx, ids)
	if err != nil {
		return nil, 0, err
	}
	out := []OrganisationStatus{}
	total := 0
	for _, o := range orgs {
		a := all[o.ID]
		ts := a.At(f.Tier)
		if f.Status != "" && ts.Status != f.Status {
			continue
		}
		if total >= f.Offset && len(out) < f.Limit {
			out = append(out, OrganisationStatus{ID: o.ID, Name: o.Name, TierStatus: ts, Stale: a.Stale, Suspension: a.Suspension})
		}
		total++
	}
	return out, total, nil
}
