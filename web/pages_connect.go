package web

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"kith/directory"
	"kith/referral"
	"kith/search"
)

// connectView is search-to-connect: the directory searched near the
// person, each result with whether it can take them now and why not, a
// shortlist to connect to in one step, and the unmet-need form for when
// nothing fits.
type connectView struct {
	lwHead
	Searched   bool
	Total      int
	Results    []connectResult
	Described  string // the search in words, for the unmet-need record
	More       string // the next page of results
	CanConnect bool
	Consented  bool
	Needs      []needGroup
	Radii      []option
	Params     []string // the search fields the forms carry along
}

// connectResult is one search result and what connecting to it would do.
type connectResult struct {
	searchResult
	Selectable bool
	Waitlist   bool   // connecting puts them on the waiting list
	Status     string // "Full — join the waiting list", "Paused until 3 December", …
	Tag        string // its colour
}

// connectParams are the search fields the connect page reads, from the
// query string or from the posted form that carries them along.
var connectParams = []string{"q", "near", "radius_km", "offset"}

func (s *server) connectPage(c *fiber.Ctx) error {
	ctx, r, err := s.openReferral(c)
	if err != nil {
		return err
	}
	v := s.view(c, "Connect")
	for _, p := range connectParams {
		v.Form.Set(p, strings.Clone(c.Query(p)))
	}
	if c.Query("q") == "" && c.Query("near") == "" {
		v.Form.Set("q", needWords(r.Needs))
		v.Form.Set("near", r.Person.Postcode)
	}
	v.Form.Set("idempotency_key", uuid.NewString())
	if len(r.Needs) > 0 {
		v.Form.Set("need", r.Needs[0].Code)
	}
	return s.renderConnect(c, ctx, r, fiber.StatusOK, v)
}

// needWords is a first search for the referral's needs: their names.
func needWords(needs []referral.Need) string {
	words := make([]string, len(needs))
	for i, n := range needs {
		words[i] = n.Name
	}
	return strings.Join(words, " ")
}

func (s *server) renderConnect(c *fiber.Ctx, ctx context.Context, r referral.Referral, status int, v *view) error {
	d := connectView{lwHead: newHead(r, "connect"), CanConnect: r.Status.Open(), Consented: consented(r, "share_services"),
		Params: connectParams, Radii: []option{{"1", "1 km"}, {"2", "2 km"}, {"5", "5 km"}, {"10", "10 km"}, {"20", "20 km"}}}
	d.Params = connectParams
	terms, err := s.dir.Terms(c.UserContext())
	if err != nil {
		return err
	}
	d.Needs = needGroups(terms)
	if err := s.connectSearch(c, ctx, r, v.Form, &d); err != nil {
		return err
	}
	v.Title, v.Data = "Connect "+r.Person.Name, d
	return s.render(c, status, "lw_connect", v)
}

// consented reports whether the person's consent of kind stands.
func consented(r referral.Referral, kind string) bool {
	for _, c := range r.Consents {
		if c.Kind == kind {
			return c.Given
		}
	}
	return false
}

// connectSearch runs the search the form describes, as /api/search does,
// and says of each result whether the person can be connected to it now.
// A search the form got wrong is a problem beside its field.
func (s *server) connectSearch(c *fiber.Ctx, ctx context.Context, r referral.Referral, f *form, d *connectView) error {
	params := url.Values{}
	for _, p := range connectParams {
		if val := f.Value(p); val != "" {
			params.Set(p, val)
		}
	}
	q, ans, err := s.runSearch(c, params)
	var bp badParam
	if errors.As(err, &bp) {
		f.Fail(bp.param, sentence(bp.why))
		return nil
	}
	if err != nil {
		return err
	}
	d.Searched, d.Total, d.Described = true, ans.Total, describeSearch(q, f.Value("near"))
	if next := q.Offset + len(ans.Results); next < ans.Total {
		params.Set("offset", strconv.Itoa(next))
		d.More = referralPath(r.ID) + "/connect?" + params.Encode()
	}
	d.Results, err = s.explainResults(c, ctx, r, ans.Results)
	return err
}

// describeSearch says what was searched for, as the unmet-need record keeps
// it: “walking” within 5 km of SR2 7AA.
func describeSearch(q search.Query, near string) string {
	out := "everything"
	if q.Text != "" {
		out = "\u201c" + q.Text + "\u201d"
	}
	if q.Near != nil {
		out += " within " + strconv.FormatFloat(q.RadiusKm, 'f', -1, 64) + " km of " + strings.ToUpper(near)
	}
	return out
}

// explainResults says of each result whether connecting is possible now:
// a service that is not quality assured, paused, full or capped this week,
// or already holds a connection for the person is shown with the reason.
func (s *server) explainResults(c *fiber.Ctx, ctx context.Context, r referral.Referral, results []searchResult) ([]connectResult, error) {
	ids := make([]string, len(results))
	for i, res := range results {
		ids[i] = res.ServiceID
	}
	caps, err := s.dir.Capacities(c.UserContext(), ids)
	if err != nil {
		return nil, err
	}
	conns, err := s.ref.Connections(ctx, r.ID)
	if err != nil {
		return nil, err
	}
	open := map[string]referral.ConnectionStatus{}
	for _, cn := range conns {
		if !cn.Status.Ended() {
			open[cn.ServiceID] = cn.Status
		}
	}
	out := make([]connectResult, len(results))
	for i, res := range results {
		out[i] = s.explain(res, caps, open)
	}
	return out, nil
}

func (s *server) explain(res searchResult, caps map[string]directory.Capacity, open map[string]referral.ConnectionStatus) connectResult {
	out := connectResult{searchResult: res}
	if st, ok := open[res.ServiceID]; ok {
		out.Status, out.Tag = "Already connected: "+strings.ToLower(lwLabel("connection", string(st))), "grey"
		return out
	}
	if !res.Assured {
		out.Status, out.Tag = "Not quality assured \u2014 cannot refer", "red"
		return out
	}
	capacity, ok := caps[res.ServiceID]
	if !ok {
		out.Selectable, out.Status, out.Tag = true, "Taking referrals", "green"
		return out
	}
	offer, why := capacity.Offer(s.now())
	out.Tag = "orange"
	switch {
	case why == directory.ReasonPaused:
		out.Status = pausedText(capacity)
	case why == directory.ReasonWeeklyCap:
		out.Status = "Taken all the new people it can this week \u2014 try again next week"
	case why == directory.ReasonFull:
		out.Status, out.Tag = "Full \u2014 no waiting list", "red"
	case offer.Waitlisted:
		out.Selectable, out.Waitlist = true, true
		out.Status = "Full \u2014 join the waiting list (" + people(capacity.Waiting) + " waiting)"
	default:
		out.Selectable, out.Tag, out.Status = true, "green", "Taking referrals"
		if left := capacity.PlacesLeft(); left != nil {
			out.Status = plural(*left, "place") + " left"
		}
	}
	return out
}

// pausedText says a service is paused, until when and why.
func pausedText(c directory.Capacity) string {
	out := "Paused"
	if c.ResumeOn != nil {
		out += " until " + c.ResumeOn.Format("2 January")
	}
	if c.PauseReason != "" {
		out += ": " + c.PauseReason
	}
	return out
}
