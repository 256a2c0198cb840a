package qa

import (
	"cmp"
	"strings"
	"time"

	"kith/directory"
)

// Response states. A draft is what an editor is still filling in; submitting
// it puts it in the reviewers' queue; a newer submission of the same item
// supersedes one still waiting.
const (
	StateMissing    = "missing" // no response: only ever reported, never stored
	StateDraft      = "draft"
	StateSubmitted  = "submitted"
	StateVerified   = "verified"
	StateRejected   = "rejected"
	StateSuperseded = "superseded"
)

// Response is an organisation's answer to one checklist item.
type Response struct {
	ID              string         `db:"id" json:"id"`
	OrganisationID  string         `db:"organisation_id" json:"organisation_id"`
	ItemKey         string         `db:"item_key" json:"item_key"`
	TemplateID      string         `db:"template_id" json:"-"`
	TemplateVersion int            `db:"template_version" json:"template_version"`
	State           string         `db:"state" json:"state"`
	Reference       string         `db:"reference" json:"reference,omitempty"`
	EvidenceDate    string         `db:"evidence_date" json:"evidence_date,omitempty"`
	Attestation     *bool          `db:"attestation" json:"attestation,omitempty"`
	AttestedBy      string         `db:"attested_by" json:"attested_by,omitempty"`
	CreatedBy       *string        `db:"created_by" json:"created_by,omitempty"`
	CreatedAt       time.Time      `db:"created_at" json:"created_at"`
	SubmittedBy     *string        `db:"submitted_by" json:"submitted_by,omitempty"`
	SubmittedAt     *time.Time     `db:"submitted_at" json:"submitted_at,omitempty"`
	ReviewedBy      *string        `db:"reviewed_by" json:"reviewed_by,omitempty"`
	ReviewedAt      *time.Time     `db:"reviewed_at" json:"reviewed_at,omitempty"`
	ReviewNote      string         `db:"review_note" json:"review_note,omitempty"`
	ExpiresAt       *time.Time     `db:"expires_at" json:"expires_at,omitempty"`
	Evidence        []EvidenceFile `db:"-" json:"evidence"`
}

// EvidenceFile describes an uploaded file; its bytes are fetched separately.
type EvidenceFile struct {
	ID          string    `db:"id" json:"id"`
	Filename    string    `db:"filename" json:"filename"`
	ContentType string    `db:"content_type" json:"content_type"`
	Size        int       `db:"size" json:"size"`
	SHA256      string    `db:"sha256" json:"sha256"`
	UploadedBy  *string   `db:"uploaded_by" json:"uploaded_by,omitempty"`
	UploadedAt  time.Time `db:"uploaded_at" json:"uploaded_at"`
}

// ItemInput is what an editor enters for an item; files are uploaded
// separately. It replaces the item's draft.
type ItemInput struct {
	Reference    string `json:"reference"`
	EvidenceDate string `json:"evidence_date"` // YYYY-MM-DD
	Attestation  *bool  `json:"attestation"`
	AttestedBy   string `json:"attested_by"`
}

const dateLayout = "2006-01-02"

// Validate checks the input's shape; whether it is enough for its item is
// checked when the draft is submitted.
func (in *ItemInput) Validate() error {
	p := directory.Problems{}
	in.Reference = strings.TrimSpace(in.Reference)
	in.AttestedBy = strings.TrimSpace(in.AttestedBy)
	p.Text("reference", in.Reference, false, 500)
	p.Text("attested_by", in.AttestedBy, false, 200)
	if in.EvidenceDate != "" {
		if d, err := time.Parse(dateLayout, in.EvidenceDate); err != nil || d.Year() < 1900 || d.Year() > 2200 {
			p.Add("evidence_date", "must be a date like 2026-03-31")
		}
	}
	if in.Attestation != nil && in.AttestedBy == "" {
		p.Add("attested_by", "give the name of the person making the statement")
	}
	return p.Err()
}

// date returns the response's evidence date, if it has one.
func (r Response) date() *time.Time {
	d, err := time.Parse(dateLayout, r.EvidenceDate)
	if err != nil {
		return nil
	}
	return &d
}

// complete reports, field by field under prefix, what r still lacks to be
// submitted for it at now.
func (it Item) complete(p directory.Problems, prefix string, r Response, now time.Time) {
	if it.Needs(NeedsDocument) && len(r.Evidence) == 0 {
		p.Add(prefix+"file", "upload the document")
	}
	if it.Needs(NeedsReference) && r.Reference == "" {
		p.Add(prefix+"reference", "is required: %s", strings.ToLower(cmp.Or(it.ReferenceLabel, "a reference")))
	}
	if it.Needs(NeedsAttestation) && r.Attestation == nil {
		p.Add(prefix+"attestation", "answer yes or no, with the name of who is answering")
	}
	if it.Needs(NeedsDate) {
		it.checkDate(p, prefix+"evidence_date", r.date(), now)
	}
}

func (it Item) checkDate(p directory.Problems, field string, d *time.Time, now time.Time) {
	switch {
	case d == nil:
		p.Add(field, "is required: %s", strings.ToLower(cmp.Or(it.DateLabel, "a date")))
	case it.Validity == ValidUntilEvidenceDate && !it.ExpiresAt(d, now).After(now):
		p.Add(field, "has passed: this evidence has expired")
	case it.Validity == ValidForMonths && d.After(now):
		p.Add(field, "must not be in the future")
	case it.Validity == ValidForMonths && !it.ExpiresAt(d, now).After(now):
		p.Add(field, "is more than %d months ago, so this evidence has already lapsed", it.ValidMonths)
	}
}
