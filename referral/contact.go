package referral

import (
	"time"

	"kith/directory"
)

// ContactKinds are the ways a link worker is in touch with a person.
var ContactKinds = []string{"phone", "face_to_face", "home_visit", "video", "text", "accompanied"}

// ContactInput logs one contact. At defaults to now; DidNotAttend records a
// planned contact the person missed.
type ContactInput struct {
	Kind            string `json:"kind"`
	At              string `json:"at"`
	DurationMinutes int    `json:"duration_minutes"`
	Notes           string `json:"notes"`
	DidNotAttend    bool   `json:"did_not_attend"`

	at time.Time // At, read by Validate
}

// Validate checks the contact as of now: it cannot be in the future.
func (in *ContactInput) Validate(now time.Time) error {
	p := directory.Problems{}
	p.OneOf("kind", in.Kind, ContactKinds)
	if in.at = parseMoment(p, "at", in.At, now); in.at.After(now.Add(time.Minute)) {
		p.Add("at", "must not be in the future")
	}
	if in.DurationMinutes < 0 || in.DurationMinutes > 600 {
		p.Add("duration_minutes", "must be from 0 to 600 minutes")
	}
	p.Text("notes", in.Notes, false, maxText)
	return p.Err()
}

// Contact is one logged contact.
type Contact struct {
	ID              string    `db:"id" json:"id"`
	Kind            string    `db:"kind" json:"kind"`
	At              time.Time `db:"at" json:"at"`
	DurationMinutes int       `db:"duration_minutes" json:"duration_minutes"`
	Notes           string    `db:"notes" json:"notes"`
	DidNotAttend    bool      `db:"did_not_attend" json:"did_not_attend"`
	RecordedBy      string    `db:"recorded_by" json:"recorded_by"`
	RecordedAt      time.Time `db:"recorded_at" json:"recorded_at"`
}
