package directory

import (
	"strings"
	"time"
)

// ProblemKinds are what a reader can say is wrong with a listing.
var ProblemKinds = []string{"wrong_details", "closed", "safety_concern", "other"}

// maxProblemDetails keeps a report to what a moderator can read at a glance.
const maxProblemDetails = 2000

// ProblemReportInput is "report a problem with this listing", from anyone
// reading the directory. The email address is optional: it is only there so
// a moderator can ask a question back.
type ProblemReportInput struct {
	Kind    string `json:"kind"`
	Details string `json:"details"`
	Email   string `json:"email"`
}

// Validate checks the report and trims its text.
func (in *ProblemReportInput) Validate() error {
	p := Problems{}
	in.Details = strings.TrimSpace(in.Details)
	in.Email = strings.TrimSpace(in.Email)
	p.OneOf("kind", in.Kind, ProblemKinds)
	p.Text("details", in.Details, true, maxProblemDetails)
	p.Email("email", in.Email)
	return p.Err()
}

// ProblemReport is a report as moderators see it, with the listing it is
// about and, once resolved, who resolved it and how.
type ProblemReport struct {
	ID               string     `db:"id" json:"id"`
	ServiceID        string     `db:"service_id" json:"service_id"`
	ServiceName      string     `db:"service_name" json:"service_name"`
	OrganisationID   string     `db:"organisation_id" json:"organisation_id"`
	OrganisationName string     `db:"organisation_name" json:"organisation_name"`
	Kind             string     `db:"kind" json:"kind"`
	Details          string     `db:"details" json:"details"`
	Email            string     `db:"reporter_email" json:"email,omitempty"`
	CreatedAt        time.Time  `db:"created_at" json:"created_at"`
	ResolvedAt       *time.Time `db:"resolved_at" json:"resolved_at,omitempty"`
	ResolvedBy       string     `db:"resolved_by" json:"resolved_by,omitempty"`
	Resolution       string     `db:"resolution" json:"resolution,omitempty"`
}

// Open reports whether nobody has resolved the report yet.
func (r ProblemReport) Open() bool { return r.ResolvedAt == nil }

// ProblemReportFilter narrows the moderators' list.
type ProblemReportFilter struct {
	OpenOnly      bool
	Limit, Offset int
}

// ProblemReportPage is one page of reports and how many match in all.
type ProblemReportPage struct {
	Total int             `json:"total"`
	Items []ProblemReport `json:"items"`
}
