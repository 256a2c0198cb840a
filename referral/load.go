package referral

import "kith/postgres"

// loadWeeks is how far back a service's load is shown.
const loadWeeks = 12

// smallNumber is the count below which commissioners see no figure, so no
// one person can be picked out of a small service's numbers.
const smallNumber = 5

// Load is how busy a service is with referrals: connections received each
// week (London weeks from Monday, this week last) and, over those twelve
// weeks, how many it accepted of those it answered, how fast it answered
// and how many people did not attend. Figures from fewer than five people
// are withheld (null) from commissioners.
type Load struct {
	ServiceID           string     `json:"service_id"`
	Weeks               []WeekLoad `json:"weeks"`
	ActiveNow           *int       `json:"active_now"`
	Waiting             *int       `json:"waiting"`
	Overdue             *int       `json:"overdue"`
	AcceptanceRate      *float64   `json:"acceptance_rate"`
	MedianResponseHours *float64   `json:"median_response_hours"`
	DidNotAttendRate    *float64   `json:"did_not_attend_rate"`
}

// WeekLoad is the connections a service received in one week.
type WeekLoad struct {
	WeekStarting string `json:"week_starting"`
	Received     *int   `json:"received"`
}

// loadFacts are a service's raw counts, before rates and suppression.
type loadFacts struct {
	Weeks          postgres.JSON[[]weekCount] `db:"weeks"`
	Active         int                        `db:"active"`
	Waiting        int                        `db:"waiting"`
	Overdue        int                        `db:"overdue"`
	Answered       int                        `db:"answered"`
	Accepted       int                        `db:"accepted"`
	MedianResponse *float64                   `db:"median_response_hours"`
	Attended       int                        `db:"attended"`
	DidNotAttend   int                        `db:"did_not_attend"`
}

type weekCount struct {
	Week     string `json:"week"`
	Received int    `json:"received"`
}

// load turns the facts into figures, withholding small numbers when
// suppress is set.
func (f loadFacts) load(serviceID string, suppress bool) Load {
	count := func(n int) *int {
		if suppress && n > 0 && n < smallNumber {
			return nil
		}
		return &n
	}
	rate := func(part, whole int) *float64 {
		if whole == 0 || (suppress && whole < smallNumber) {
			return nil
		}
		r := float64(part) / float64(whole)
		return &r
	}
	l := Load{ServiceID: serviceID, ActiveNow: count(f.Active), Waiting: count(f.Waiting), Overdue: count(f.Overdue),
		AcceptanceRate:   rate(f.Accepted, f.Answered),
		DidNotAttendRate: rate(f.DidNotAttend, f.Attended+f.DidNotAttend)}
	if !suppress || f.Answered >= smallNumber {
		l.MedianResponseHours = f.MedianResponse
	}
	for _, w := range f.Weeks.V {
		l.Weeks = append(l.Weeks, WeekLoad{WeekStarting: w.Week, Received: count(w.Received)})
	}
	return l
}
