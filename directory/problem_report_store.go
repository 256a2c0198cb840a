package directory

import (
	"context"
	"strings"

	"kith/postgres"
)

// maxResolution bounds a moderator's note on how a report was dealt with.
const maxResolution = 1000

// ReportProblem records a report about a published listing. Anyone may send
// one, signed in or not; a listing the public cannot see is not found.
func (s *Store) ReportProblem(ctx context.Context, serviceID string, in ProblemReportInput) (ProblemReport, error) {
	if err := in.Validate(); err != nil {
		return ProblemReport{}, err
	}
	const q = `
INSERT INTO listing_reports (service_id, kind, details, reporter_email, reported_by, created_at)
SELECT s.id, $2, $3, $4, NULLIF($5, '')::uuid, $6 FROM services s WHERE s.id = $1 AND s.published
RETURNING id`
	r := ProblemReport{ServiceID: serviceID, Kind: in.Kind, Details: in.Details, Email: in.Email, CreatedAt: s.now().UTC()}
	reporter := ""
	if u := UserFrom(ctx); u != nil {
		reporter = u.ID
	}
	if err := s.db.GetContext(ctx, &r.ID, q, serviceID, in.Kind, in.Details, in.Email, reporter, r.CreatedAt); err != nil {
		return ProblemReport{}, postgres.MapError(err)
	}
	return r, nil
}

const problemReportSelect = `
SELECT r.id, r.service_id, s.name AS service_name, s.organisation_id, o.name AS organisation_name,
       r.kind, r.details, r.reporter_email, r.created_at, r.resolved_at,
       COALESCE(NULLIF(u.name, ''), u.email, '') AS resolved_by, r.resolution, COUNT(*) OVER () AS total
FROM listing_reports r
JOIN services s ON s.id = r.service_id
JOIN organisations o ON o.id = s.organisation_id
LEFT JOIN users u ON u.id = r.resolved_by`

type problemReportRow struct {
	ProblemReport
	Total int `db:"total"`
}

// ProblemReports lists reports for admins and QA reviewers: open ones first,
// safety concerns at the top and then oldest first, since those have waited
// longest; then the resolved ones, most recently resolved first.
func (s *Store) ProblemReports(ctx context.Context, f ProblemReportFilter) (ProblemReportPage, error) {
	if u := UserFrom(ctx); !u.Moderates() {
		return ProblemReportPage{}, forbiddenOrAnonymous(u)
	}
	const q = problemReportSelect + `
WHERE NOT $1 OR r.resolved_at IS NULL
ORDER BY r.resolved_at IS NOT NULL, r.resolved_at IS NULL AND r.kind = 'safety_concern' DESC,
         CASE WHEN r.resolved_at IS NULL THEN r.created_at END, r.resolved_at DESC, r.id
LIMIT $2 OFFSET $3`
	var rows []problemReportRow
	if err := s.db.SelectContext(ctx, &rows, q, f.OpenOnly, f.Limit, f.Offset); err != nil {
		return ProblemReportPage{}, postgres.MapError(err)
	}
	page := ProblemReportPage{Items: make([]ProblemReport, len(rows))}
	for i, r := range rows {
		page.Items[i], page.Total = r.ProblemReport, r.Total
	}
	return page, nil
}

// ResolveProblemReport closes an open report with a note on what was done
// (optional: "listing corrected" is often all there is to say). Resolving a
// report twice is a conflict, so two moderators never both act on one.
func (s *Store) ResolveProblemReport(ctx context.Context, id, resolution string) (ProblemReport, error) {
	u := UserFrom(ctx)
	if !u.Moderates() {
		return ProblemReport{}, forbiddenOrAnonymous(u)
	}
	resolution = strings.TrimSpace(resolution)
	p := Problems{}
	p.Text("resolution", resolution, false, maxResolution)
	if err := p.Err(); err != nil {
		return ProblemReport{}, err
	}
	const q = `
UPDATE listing_reports SET resolved_at = $2, resolved_by = NULLIF($3, '')::uuid, resolution = $4
WHERE id = $1 AND resolved_at IS NULL`
	res, err := s.db.ExecContext(ctx, q, id, s.now().UTC(), u.ID, resolution)
	if err != nil {
		return ProblemReport{}, postgres.MapError(err)
	}
	report, err := s.problemReport(ctx, id)
	if err != nil {
		return ProblemReport{}, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ProblemReport{}, Errorf(ErrConflict, "this report has already been resolved")
	}
	return report, nil
}

func (s *Store) problemReport(ctx context.Context, id string) (ProblemReport, error) {
	const q = problemReportSelect + ` WHERE r.id = $1`
	var row problemReportRow
	if err := s.db.GetContext(ctx, &row, q, id); err != nil {
		return ProblemReport{}, postgres.MapError(err)
	}
	return row.ProblemReport, nil
}
