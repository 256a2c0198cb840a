package insight

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"slices"
	"time"

	"github.com/jmoiron/sqlx"

	"kith/directory"
	"kith/geo"
	"kith/postgres"
)

const workSelect = `
SELECT w.id, w.team_id, w.kind, w.organisation_id, COALESCE(o.name, '') AS organisation_name, w.area_code, w.lad,
       COALESCE(t.code, '') AS category, COALESCE(t.name, '') AS category_name, w.people,
       to_char(w.happened_on, 'YYYY-MM-DD') AS happened_on, w.notes, COALESCE(u.name, '') AS recorded_by,
       w.recorded_at
FROM community_work w
LEFT JOIN organisations o ON o.id = w.organisation_id
LEFT JOIN taxonomy_terms t ON t.id = w.term_id
LEFT JOIN users u ON u.id = w.recorded_by`

// LogWork records community development work for the acting link worker's
// team (admins name the team).
func (s *Store) LogWork(ctx context.Context, in WorkInput) (Work, error) {
	u := directory.UserFrom(ctx)
	if !u.Is(directory.RoleLinkWorker, directory.RoleAdmin) {
		return Work{}, denied(u)
	}
	now := s.now()
	if err := in.Validate(now); err != nil {
		return Work{}, err
	}
	team, err := workTeam(u, in.TeamID)
	if err != nil {
		return Work{}, err
	}
	var out Work
	err = s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		id, err := insertWork(ctx, tx, in, team, u.ID, now)
		if err != nil {
			return err
		}
		return tx.GetContext(ctx, &out, workSelect+` WHERE w.id = $1`, id)
	})
	out.RecordedAt = out.RecordedAt.In(directory.London)
	return out, workProblems(err)
}

// workTeam is the team an entry is logged for: a link worker's own, or
// the one an admin names.
func workTeam(u *directory.User, asked string) (string, error) {
	if u.Is(directory.RoleLinkWorker) {
		if asked != "" && asked != *u.TeamID {
			return "", directory.Problems{"team_id": "link workers log work for their own team"}
		}
		return *u.TeamID, nil
	}
	if asked == "" {
		return "", directory.Problems{"team_id": "is required: name the team the work was done by"}
	}
	return asked, nil
}

func insertWork(ctx context.Context, tx *sqlx.Tx, in WorkInput, team, by string, now time.Time) (string, error) {
	lad, err := workArea(ctx, tx, in, team)
	if err != nil {
		return "", err
	}
	term, err := termID(ctx, tx, in.Category)
	if err != nil {
		return "", err
	}
	const q = `
INSERT INTO community_work (team_id, kind, against, organisation_id, area_code, lad, term_id, people,
                            happened_on, notes, recorded_by, recorded_at)
VALUES ($1, $2, CASE WHEN $5 = '' THEN 'organisation' ELSE 'area' END, NULLIF($4, '')::uuid, $5, $6, $7, $8,
        $3, $9, NULLIF($10, '')::uuid, $11)
RETURNING id`
	var id string
	err = tx.GetContext(ctx, &id, q, team, in.Kind, in.HappenedOn, in.OrganisationID, in.AreaCode, lad, term,
		in.People, in.Notes, by, now.UTC())
	return id, err
}

// workArea is the local authority an entry counts in for commissioners:
// the area given; else where the organisation meets (its first venue with
// a postcode Kith can place); else the team's own area.
func workArea(ctx context.Context, tx *sqlx.Tx, in WorkInput, team string) (string, error) {
	if in.AreaCode != "" {
		lad, _ := geo.CurrentLAD(in.AreaCode)
		return lad, nil
	}
	var postcodes []string
	const venues = `SELECT postcode FROM locations WHERE organisation_id = $1 AND postcode <> '' ORDER BY id`
	if err := tx.SelectContext(ctx, &postcodes, venues, in.OrganisationID); err != nil {
		return "", err
	}
	for _, pc := range postcodes {
		if p, err := geo.LookupPostcode(pc); err == nil && p.LAD != "" {
			lad, _ := geo.CurrentLAD(p.LAD)
			return lad, nil
		}
	}
	var area string
	err := tx.GetContext(ctx, &area, `SELECT area_code FROM teams WHERE id = $1`, team)
	if errors.Is(err, sql.ErrNoRows) {
		return "", directory.Problems{"team_id": "is not a team"}
	}
	return area, err
}

// termID is the id of a need's code; nil for none.
func termID(ctx context.Context, tx *sqlx.Tx, code string) (*string, error) {
	if code == "" {
		return nil, nil
	}
	var id string
	err := tx.GetContext(ctx, &id, `SELECT id FROM taxonomy_terms WHERE code = $1`, code)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, directory.Problems{"category": "is not a need in the taxonomy"}
	}
	return &id, err
}

// workProblems turns constraint failures into answers a person can act on.
func workProblems(err error) error {
	var pe *postgres.Error
	if errors.As(postgres.MapError(err), &pe) && pe.Constraint == "community_work_organisation_id_fkey" {
		return directory.Problems{"organisation_id": "is not an organisation in the directory"}
	}
	return err
}

// WorkLog lists the community work a team has logged, newest first: to its
// link workers, and to admins (every team's when no team is named).
func (s *Store) WorkLog(ctx context.Context, f WorkFilter) (WorkPage, error) {
	u := directory.UserFrom(ctx)
	switch {
	case u.Is(directory.RoleLinkWorker) && f.TeamID == "":
		f.TeamID = *u.TeamID
	case u.Is(directory.RoleLinkWorker) && f.TeamID != *u.TeamID, !u.Is(directory.RoleLinkWorker, directory.RoleAdmin):
		return WorkPage{}, denied(u)
	}
	const where = ` WHERE (NULLIF($1, '')::uuid IS NULL OR w.team_id = NULLIF($1, '')::uuid)`
	page := WorkPage{Items: []Work{}}
	if err := s.db.GetContext(ctx, &page.Total, `SELECT count(*) FROM community_work w`+where, f.TeamID); err != nil {
		return WorkPage{}, postgres.MapError(err)
	}
	const q = workSelect + where + ` ORDER BY w.happened_on DESC, w.recorded_at DESC, w.id LIMIT $2 OFFSET $3`
	if err := s.db.SelectContext(ctx, &page.Items, q, f.TeamID, f.Limit, f.Offset); err != nil {
		return WorkPage{}, postgres.MapError(err)
	}
	for i := range page.Items {
		page.Items[i].RecordedAt = page.Items[i].RecordedAt.In(directory.London)
	}
	return page, nil
}

// workInScope keeps community work (w) done in the period, on a need in
// the category, counted in the viewer's authority.
const workInScope = `w.happened_on >= ` + firstDay + ` AND w.happened_on < ` + dayAfter + `
    AND ($3::uuid[] IS NULL OR w.term_id = ANY($3)) AND ($4 = '' OR w.lad = $4)`

// workRow is the work of one kind on one need in one authority.
type workRow struct {
	LAD    string `db:"lad"`
	Code   string `db:"code"`
	Name   string `db:"name"`
	Kind   string `db:"kind"`
	N      int    `db:"n"`
	People int    `db:"people"`
}

func (s *Store) communityWork(ctx context.Context, f filter) (Table, error) {
	const q = `
SELECT w.lad, COALESCE(t.code, '') AS code, COALESCE(t.name, '') AS name, w.kind, count(*) AS n,
       COALESCE(sum(w.people), 0) AS people
FROM community_work w LEFT JOIN taxonomy_terms t ON t.id = w.term_id
WHERE ` + workInScope + `
GROUP BY 1, 2, 3, 4`
	var rows []workRow
	if err := s.db.SelectContext(ctx, &rows, q, f.args()...); err != nil {
		return Table{}, postgres.MapError(err)
	}
	cols := []Column{{"activities", "All community development work"}}
	for _, k := range WorkKinds {
		cols = append(cols, Column{k, k})
	}
	cols = append(cols, Column{"people", "Volunteers recruited and people trained"})
	c := newCross(len(cols))
	for _, r := range rows {
		dims := []string{cmp.Or(r.LAD, "unknown"), areaName(GeoLA, r.LAD), cmp.Or(r.Code, "none"), r.Name}
		c.add(dims, 0, r.N)
		c.add(dims, 1+slices.Index(WorkKinds, r.Kind), r.N)
		c.add(dims, len(cols)-1, r.People)
	}
	t := c.table([]string{"area", "area_name", "category", "category_name"}, cols, len(WorkKinds))
	t.Caveats = []string{"Work link workers logged as done in the period, by the local authority it counts in " +
		"(the area named, or where the group meets) and the need it was about; none: no need named."}
	return t, nil
}
