package web

import (
	"fmt"
	"math"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/referral"
)

// The load page: referrals a service received in each of the last twelve
// weeks, as a chart and the same figures in a table, and how quickly and
// how often it says yes.

type vcseLoadPage struct {
	ServiceID, ServiceName string
	Weeks                  []vcseLoadWeek
	Chart                  loadChart
	Figures                []vcseLine
	Total                  int
}

type vcseLoadWeek struct {
	Label, Received string
}

// loadChart is what kith.js reads from a canvas's data-chart attribute.
type loadChart struct {
	Type     string       `json:"type"`
	Labels   []string     `json:"labels"`
	Datasets []loadSeries `json:"datasets"`
}

type loadSeries struct {
	Label string `json:"label"`
	Data  []*int `json:"data"`
}

func (s *server) vcseLoadPage(c *fiber.Ctx) error {
	svc, err := s.vcseOwnService(c)
	if err != nil {
		return err
	}
	l, err := s.ref.ServiceLoad(c.UserContext(), svc.ID)
	if err != nil {
		return err
	}
	p := vcseLoadPage{ServiceID: svc.ID, ServiceName: svc.Name, Figures: vcseLoadFigures(l),
		Chart: loadChart{Type: "bar", Datasets: []loadSeries{{Label: "Referrals received"}}}}
	for _, w := range l.Weeks {
		label := vcseShortWeek(w.WeekStarting)
		p.Chart.Labels = append(p.Chart.Labels, label)
		p.Chart.Datasets[0].Data = append(p.Chart.Datasets[0].Data, w.Received)
		received := "fewer than 5"
		if w.Received != nil {
			received = fmt.Sprint(*w.Received)
			p.Total += *w.Received
		}
		p.Weeks = append(p.Weeks, vcseLoadWeek{Label: "Week starting " + isoDateText(w.WeekStarting), Received: received})
	}
	v := s.view(c, "Referral figures: "+svc.Name)
	v.Chart, v.Back, v.Data = true, "/app/organisation", p
	return s.render(c, fiber.StatusOK, "vcse-load", v)
}

func vcseShortWeek(iso string) string {
	d, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	return d.Format("2 Jan")
}

func vcseLoadFigures(l referral.Load) []vcseLine {
	return []vcseLine{
		{"People connected now", loadCount(l.ActiveNow)},
		{"On the waiting list", loadCount(l.Waiting)},
		{"Waiting for your reply past your target", loadCount(l.Overdue)},
		{"Referrals you accepted, of those you answered", loadPercent(l.AcceptanceRate)},
		{"Typical time to reply", loadHours(l.MedianResponseHours)},
		{"People who did not come to their first session", loadPercent(l.DidNotAttendRate)},
	}
}

const vcseNotEnough = "Not enough referrals yet"

func loadCount(n *int) string {
	if n == nil {
		return "fewer than 5"
	}
	return fmt.Sprint(*n)
}

func loadPercent(r *float64) string {
	if r == nil {
		return vcseNotEnough
	}
	return fmt.Sprintf("%.0f%%", *r*100)
}

func loadHours(h *float64) string {
	if h == nil {
		return vcseNotEnough
	}
	whole := int(math.Round(*h))
	if whole < 48 {
		return plural(whole, "hour")
	}
	return plural(whole/24, "day")
}
