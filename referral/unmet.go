package referral

import (
	"time"

	"kith/directory"
)

// UnmetNeedInput records that search found nothing suitable for a need.
type UnmetNeedInput struct {
	Need  string `json:"need"`
	Notes string `json:"notes"`
}

// Validate checks the need is shaped like a taxonomy code; the store checks
// it exists.
func (in *UnmetNeedInput) Validate() error {
	p := directory.Problems{}
	if !codePattern.MatchString(in.Need) {
		p.Add("need", "is required: a taxonomy code such as befriending")
	}
	p.Text("notes", in.Notes, false, maxNote)
	return p.Err()
}

// UnmetNeed is a need nothing suitable was found for, in the small area the
// person lives in: evidence for commissioners' gap analysis.
type UnmetNeed struct {
	ID         string    `db:"id" json:"id"`
	Need       string    `db:"need" json:"need"`
	NeedName   string    `db:"need_name" json:"need_name"`
	LSOA       string    `db:"lsoa" json:"lsoa"`
	LAD        string    `db:"lad" json:"lad"`
	IMDDecile  int       `db:"imd_decile" json:"imd_decile,omitempty"`
	Notes      string    `db:"notes" json:"notes"`
	RecordedBy string    `db:"recorded_by" json:"recorded_by"`
	RecordedAt time.Time `db:"recorded_at" json:"recorded_at"`
}
