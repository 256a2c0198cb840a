package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/search"
)

// searchResult is one service in a search answer.
type searchResult struct {
	ServiceID      string               `json:"service_id"`
	Name           string               `json:"name"`
	Organisation   string               `json:"organisation"`
	OrganisationID string               `json:"organisation_id"`
	DistanceKm     *float64             `json:"distance_km"`
	Categories     []directory.Category `json:"categories"`
	NextSession    *time.Time           `json:"next_session"`
	Free           bool                 `json:"free"`
	Assured        bool                 `json:"assured"`
	Accepting      *bool                `json:"accepting"`
	PlacesLeft     *int                 `json:"places_left"`
	Why            string               `json:"why"`
}

type searchAnswer struct {
	Total   int            `json:"total"`
	Results []searchResult `json:"results"`
	Facets  search.Facets  `json:"facets"`
}

func (s *server) search(c *fiber.Ctx) error {
	params, err := url.ParseQuery(string(c.Request().URI().QueryString()))
	if err != nil {
		return errBadParam("query", "is not a valid URL query string")
	}
	_, ans, err := s.runSearch(c, params)
	if err != nil {
		return err
	}
	return streamJSON(c, ans)
}

// streamJSON writes v as the JSON body straight into the response's
// pooled buffer; c.JSON marshals into a new slice first, which for a page of
// results was a sixth of what a search allocated.
func streamJSON(c *fiber.Ctx, v any) error {
	c.Response().Header.SetContentType(fiber.MIMEApplicationJSON)
	return json.NewEncoder(c.Response().BodyWriter()).Encode(v)
}

// runSearch is the one search the API and the search page both answer
// with: parameters checked by search.ParseQuery (a mistake is a badParam
// naming it), the engine's hits, and their cards from PostgreSQL.
func (s *server) runSearch(c *fiber.Ctx, params url.Values) (search.Query, searchAnswer, error) {
	if s.searcher == nil {
		return search.Query{}, searchAnswer{}, search.ErrNotReady
	}
	q, err := search.ParseQuery(params)
	var pe *search.ParamError
	if errors.As(err, &pe) {
		return search.Query{}, searchAnswer{}, errBadParam(pe.Param, pe.Why)
	}
	if err != nil {
		return search.Query{}, searchAnswer{}, err
	}
	res, err := s.searcher.Search(c.UserContext(), q)
	if err != nil {
		return search.Query{}, searchAnswer{}, err
	}
	results, err := s.hydrate(c, q, res.Hits)
	if err != nil {
		return search.Query{}, searchAnswer{}, err
	}
	return q, searchAnswer{Total: res.Total, Results: results, Facets: res.Facets}, nil
}

// hydrate fills hits in from PostgreSQL, dropping any the database no longer
// shows (the index can lag a write by a moment; results must not).
func (s *server) hydrate(c *fiber.Ctx, q search.Query, hits []search.Hit) ([]searchResult, error) {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ServiceID
	}
	cards, err := s.dir.ResultCards(c.UserContext(), ids, q.Text != "") // why explains text matches from it
	if err != nil {
		return nil, err
	}
	byID := make(map[string]int, len(cards))
	for i := range cards {
		byID[cards[i].ID] = i
	}
	now := s.now()
	out := make([]searchResult, 0, len(hits))
	for _, h := range hits {
		if i, ok := byID[h.ServiceID]; ok {
			out = append(out, resultFor(cards[i], h, q, now))
		}
	}
	return out, nil
}

func resultFor(svc directory.ResultCard, h search.Hit, q search.Query, now time.Time) searchResult {
	r := searchResult{
		ServiceID: svc.ID, Name: svc.Name, Organisation: svc.OrganisationName, OrganisationID: svc.OrganisationID,
		DistanceKm: h.DistanceKm, Categories: svc.Categories, Free: svc.Free, Assured: h.Assured,
	}
	if h.DistanceKm != nil {
		d := float64(int(*h.DistanceKm*10+0.5)) / 10
		r.DistanceKm = &d
	}
	accepting := svc.Capacity.AcceptingAt(now)
	r.Accepting, r.PlacesLeft = &accepting, svc.Capacity.PlacesLeft()
	if next, ok := directory.NextSession(svc.Schedules, now); ok {
		local := next.In(directory.London)
		r.NextSession = &local
	}
	r.Why = why(svc, r, q)
	return r
}

// why explains a result in the words a link worker would use:
// "2.1 km · matches 'gardening' · Tue 10:00 · free · QA assured".
func why(svc directory.ResultCard, r searchResult, q search.Query) string {
	var parts []string
	switch {
	case r.DistanceKm != nil:
		parts = append(parts, fmt.Sprintf("%.1f km", *r.DistanceKm))
	case q.Near != nil:
		parts = append(parts, "by phone or online, wherever you are")
	}
	if m := search.Explain(q.Text, listingText(svc)...); m != "" {
		parts = append(parts, m)
	}
	if r.NextSession != nil {
		parts = append(parts, r.NextSession.Format("Mon 15:04"))
	}
	if svc.Free {
		parts = append(parts, "free")
	}
	switch {
	case r.Accepting != nil && !*r.Accepting && r.PlacesLeft != nil && *r.PlacesLeft == 0:
		parts = append(parts, "full")
	case r.Accepting != nil && !*r.Accepting:
		parts = append(parts, "not taking referrals just now")
	case r.PlacesLeft != nil:
		parts = append(parts, fmt.Sprintf("%d places left", *r.PlacesLeft))
	}
	if r.Assured {
		parts = append(parts, "QA assured")
	}
	return strings.Join(parts, " · ")
}

// listingText is what a search matched words in: the name, description and
// category names.
func listingText(svc directory.ResultCard) []string {
	out := make([]string, 0, 2+len(svc.Categories))
	out = append(out, svc.Name, svc.Description)
	for _, c := range svc.Categories {
		out = append(out, c.Name)
	}
	return out
}
