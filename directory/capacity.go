package directory

import (
	"time"
)

// Capacity units, as HSDS 3.1 service_capacity describes them.
var CapacityUnits = []string{"places", "people_per_week", "sessions"}

// Capacity is how many people a service can take and whether it is taking
// them. Maximum nil means no limit is set.
type Capacity struct {
	ServiceID    string     `db:"service_id" json:"service_id"`
	Unit         string     `db:"unit" json:"unit"`
	Maximum      *int       `db:"maximum" json:"maximum"`
	WeeklyCap    *int       `db:"weekly_cap" json:"weekly_cap,omitempty"`
	Waitlist     int        `db:"waitlist" json:"waitlist"`
	Held         int        `db:"held" json:"held"`
	Waiting      int        `db:"waiting" json:"waiting"`
	WeekStart    *time.Time `db:"week_start" json:"-"`
	WeekCount    int        `db:"week_count" json:"new_this_week"`
	Paused       bool       `db:"paused" json:"paused"`
	PauseReason  string     `db:"pause_reason" json:"pause_reason,omitempty"`
	ResumeOn     *time.Time `db:"resume_on" json:"resume_on,omitempty"`
	ResponseDays int        `db:"response_days" json:"response_days"`
	UpdatedAt    time.Time  `db:"updated_at" json:"updated_at"`
}

// PlacesLeft is maximum − held, or nil when no maximum is set.
func (c Capacity) PlacesLeft() *int {
	if c.Maximum == nil {
		return nil
	}
	n := max(0, *c.Maximum-c.Held)
	return &n
}

// PausedAt reports whether intake is paused at now; a pause with a resume
// date ends by itself on that date (London), with no job to run.
func (c Capacity) PausedAt(now time.Time) bool {
	if !c.Paused {
		return false
	}
	return c.ResumeOn == nil || londonDate(now).Before(*c.ResumeOn)
}

// AcceptingAt reports whether the service takes new connections at now: not
// paused and not full. A full service reopens by itself when places free up.
func (c Capacity) AcceptingAt(now time.Time) bool {
	left := c.PlacesLeft()
	return !c.PausedAt(now) && (left == nil || *left > 0)
}

// londonDate is the calendar day at now in England, as a UTC midnight like
// PostgreSQL dates scan to.
func londonDate(now time.Time) time.Time {
	l := now.In(London)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC)
}

// weekStart is the Monday (London) of now's week; weekly caps reset then.
func weekStart(now time.Time) time.Time {
	d := londonDate(now)
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
}

// Refusal reasons, as the API reports them.
const (
	ReasonFull             = "full"
	ReasonWeeklyCap        = "weekly_cap"
	ReasonPaused           = "paused"
	ReasonNotReferralReady = "not_referral_ready"
)

// Reservation is the outcome of asking for a place.
type Reservation struct {
	Waitlisted bool // true: on the waiting list rather than holding a place
}

// Offer is the whole capacity rule, kept pure so it can be tested case by
// case: reserve a place, join the waiting list, or refuse with a reason.
// Reserve applies it under a lock; pages call it to say beforehand what
// asking for a place would get.
func (c Capacity) Offer(now time.Time) (Reservation, string) {
	switch {
	case c.PausedAt(now):
		return Reservation{}, ReasonPaused
	case c.WeeklyCap != nil && c.thisWeek(now) >= *c.WeeklyCap:
		return Reservation{}, ReasonWeeklyCap
	case c.Maximum == nil || c.Held < *c.Maximum:
		return Reservation{}, ""
	case c.Waiting < c.Waitlist:
		return Reservation{Waitlisted: true}, ""
	}
	return Reservation{}, ReasonFull
}

// thisWeek is how many connections the service took in now's week.
func (c Capacity) thisWeek(now time.Time) int {
	if c.WeekStart == nil || !c.WeekStart.Equal(weekStart(now)) {
		return 0
	}
	return c.WeekCount
}

// CapacityInput sets a service's capacity. Accepting false pauses intake.
type CapacityInput struct {
	Unit         string `json:"unit"`
	Maximum      *int   `json:"maximum"`
	WeeklyCap    *int   `json:"weekly_cap"`
	Waitlist     *int   `json:"waitlist"`
	Accepting    *bool  `json:"accepting"`
	ResponseDays *int   `json:"response_days"`
}

// Validate checks the numbers are sensible.
func (in *CapacityInput) Validate() error {
	p := Problems{}
	if in.Unit == "" {
		in.Unit = "places"
	}
	if !oneOf(in.Unit, CapacityUnits...) {
		p.Add("unit", "must be places, people_per_week or sessions")
	}
	if in.Maximum == nil {
		p.Add("maximum", "is required: how many people can be connected at once")
	} else if *in.Maximum < 0 || *in.Maximum > 100000 {
		p.Add("maximum", "must be between 0 and 100,000")
	}
	if in.WeeklyCap != nil && (*in.WeeklyCap < 1 || *in.WeeklyCap > 10000) {
		p.Add("weekly_cap", "must be between 1 and 10,000")
	}
	if in.Waitlist != nil && (*in.Waitlist < 0 || *in.Waitlist > 10000) {
		p.Add("waitlist", "must be between 0 and 10,000")
	}
	if in.ResponseDays != nil && (*in.ResponseDays < 1 || *in.ResponseDays > 60) {
		p.Add("response_days", "must be between 1 and 60 working days")
	}
	return p.Err()
}

// PauseInput pauses intake, with a reason people will see and an optional
// date it resumes by itself.
type PauseInput struct {
	Reason   string `json:"reason"`
	ResumeOn string `json:"resume_on"`
}

// Validate checks the reason and date.
func (in *PauseInput) Validate(now time.Time) error {
	p := Problems{}
	p.Text("reason", in.Reason, true, maxName)
	if in.ResumeOn != "" {
		d, err := time.Parse(time.DateOnly, in.ResumeOn)
		if err != nil {
			p.Add("resume_on", "must be a date like 2026-01-31")
		} else if !d.After(londonDate(now)) {
			p.Add("resume_on", "must be after today")
		}
	}
	return p.Err()
}
