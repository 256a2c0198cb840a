package web

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/search"
)

// searchFieldWords names the search parameters the page has a control for, so a
// problem with one shows beside it. Others (paging, a mistyped link) can
// only be told in the error summary.
var searchFieldWords = []fieldWords{
	{Name: "q", Label: "What you are looking for"},
	{Name: "near", Label: "Postcode or place"},
	{Name: "radius_km", Label: "Distance"},
	{Name: "category", Missing: "Select a category from the list"},
	{Name: "day", Label: "Day"},
	{Name: "time", Label: "Time of day"},
	{Name: "delivery", Label: "How it is run"},
	{Name: "accessible", Label: "Accessibility"},
	{Name: "age", Label: "Age"},
	{Name: "free", Label: "Free"},
	{Name: "assured", Label: "Quality assured"},
	{Name: "accepting", Label: "Taking new people"},
}

// publicSearchView is what the search page draws.
type publicSearchView struct {
	// URL is this search with its empty parameters dropped: chips, pages
	// and the browser's address bar all build on it.
	URL      string
	Searched bool
	// Enhanced lets htmx swap just the results; a page showing problems
	// with the search posts whole so the fields' errors clear.
	Enhanced   bool
	Total      int
	From, To   int
	Pages      pubPages
	Results    []pubCard
	Chips      []pubChip
	Refine     []pubChip
	Map        pubMap
	Place      string
	Wider      string
	Categories []pubCategoryGroup
	Category   string   // the first category asked for, which the select shows
	Carried    []string // categories beyond the first, kept as hidden fields
	Flags      pubChecks
	MoreOpen   bool // a filter under "More filters" is in use
	Browse     []directory.Term
	// The choices of the form's lists.
	Radii, Days, Times, Delivery, Access []option
}

// pubCard is a search result as a card shows it.
type pubCard struct {
	searchResult
	Distance, Next string
	Open           bool   // taking new people
	Closed         string // why not, when not
	Places         string // "3 places left", when the service counts them
}

func cardOf(r searchResult) pubCard {
	c := pubCard{searchResult: r, Open: r.Accepting == nil || *r.Accepting, Closed: "Not taking new people just now"}
	if r.DistanceKm != nil {
		c.Distance = fmt.Sprintf("%.1f km away", *r.DistanceKm)
	}
	if r.NextSession != nil {
		c.Next = londonTime(*r.NextSession)
	}
	if r.PlacesLeft != nil {
		if *r.PlacesLeft == 0 {
			c.Closed = "Full"
		} else {
			c.Places = plural(*r.PlacesLeft, "place") + " left"
		}
	}
	return c
}

// pubChip is a filter shown as a link: to remove it, or to add it.
type pubChip struct {
	Label, Href string
	Count       int
}

// pubCategoryGroup is one need with the activities under it, for a select
// with option groups.
type pubCategoryGroup struct {
	Parent   directory.Term
	Children []directory.Term
}

// pubChecks is a fieldset of checkboxes, each a yes/no field of its own
// (free, assured…), drawn by "pub-checks".
type pubChecks struct {
	Legend string
	Checks []pubCheck
}

type pubCheck struct {
	Name, Label string
	Checked     bool
}

func (s *server) publicSearch(c *fiber.Ctx) error {
	v := s.view(c, "Find a community group or service")
	raw, perr := url.ParseQuery(string(c.Request().URI().QueryString()))
	params := filledParams(raw)
	v.Form = newForm(params)
	terms, err := s.dir.Terms(c.UserContext())
	if err != nil {
		return err
	}
	// The distance select always sends a value: on its own it is no search.
	searched := len(params) > 1 || (len(params) == 1 && !params.Has("radius_km"))
	data := &publicSearchView{URL: queryWith("/?" + params.Encode()), Enhanced: true, Searched: searched}
	data.setForm(params, terms)
	v.Data = data
	switch {
	case perr != nil:
		v.Form.general = append(v.Form.general, "This search link is not valid. Start a new search below.")
	case data.Searched:
		if err := s.fillSearch(c, v.Form, data, params, terms); err != nil {
			return err
		}
	}
	return s.answerSearch(c, v, data)
}

// answerSearch writes the page, or for htmx just the results. A search with
// problems goes to the whole page, where each shows beside its field.
func (s *server) answerSearch(c *fiber.Ctx, v *view, data *publicSearchView) error {
	status := fiber.StatusOK
	if !v.Form.Valid() {
		status, data.Enhanced = fiber.StatusBadRequest, false
	}
	if c.Get("HX-Request") != "true" || c.Get("HX-Target") != "search-results" || c.Get("HX-History-Restore-Request") == "true" {
		v.Map = true // results swapped in later draw their map with it
		return s.render(c, status, "public_search", v)
	}
	if status != fiber.StatusOK {
		c.Set("HX-Redirect", data.URL)
		return c.SendStatus(fiber.StatusNoContent)
	}
	c.Set("HX-Push-Url", data.URL)
	return s.fragment(c, "public_search", "pub-swap", v)
}

// filledParams drops the empty values a search form sends for "any" (an
// empty select, a blank box), which the search would otherwise refuse as
// malformed: the page's form and the API take the same parameters.
func filledParams(raw url.Values) url.Values {
	out := url.Values{}
	for k, vs := range raw {
		for _, v := range vs {
			if strings.TrimSpace(v) != "" {
				out.Add(k, v)
			}
		}
	}
	return out
}

// fillSearch runs the search and lays out its results; a problem with the
// parameters goes on the form rather than to an error page.
func (s *server) fillSearch(c *fiber.Ctx, f *form, data *publicSearchView, params url.Values, terms []directory.Term) error {
	q, ans, err := s.runSearch(c, params)
	var bp badParam
	if errors.As(err, &bp) {
		searchProblem(f, bp)
		return nil
	}
	if err != nil {
		return err
	}
	data.Total = ans.Total
	for _, r := range ans.Results {
		data.Results = append(data.Results, cardOf(r))
	}
	data.chips(q, params, terms)
	data.refine(ans.Facets, params, terms)
	data.pages(q, ans)
	if q.Near != nil {
		data.Place = strings.TrimSpace(params.Get("near"))
		if q.RadiusKm < search.MaxRadiusKm {
			data.Wider = queryWith(data.URL, "radius_km", strconv.FormatFloat(min(q.RadiusKm*2, search.MaxRadiusKm), 'f', -1, 64), "offset", "")
		}
	}
	return s.mapResults(c, data, q)
}

// searchProblem puts a refused parameter beside its field, or in the
// summary when the page has no field for it.
func searchProblem(f *form, bp badParam) {
	for _, w := range searchFieldWords {
		if w.Name == bp.param {
			f.Absorb(plainProblems(directory.Problems{bp.param: bp.why}, searchFieldWords))
			return
		}
	}
	f.general = append(f.general, fmt.Sprintf("This search link has a setting that is not right (%s %s). Change the search below and try again.", bp.param, bp.why))
}

// setForm fills what the form's controls show beyond the plain values.
func (d *publicSearchView) setForm(params url.Values, terms []directory.Term) {
	byID := map[string]int{}
	for _, t := range terms {
		if t.ParentID == nil {
			byID[t.ID] = len(d.Categories)
			d.Categories = append(d.Categories, pubCategoryGroup{Parent: t})
			d.Browse = append(d.Browse, t)
		}
	}
	for _, t := range terms {
		if t.ParentID != nil {
			if i, ok := byID[*t.ParentID]; ok {
				d.Categories[i].Children = append(d.Categories[i].Children, t)
			}
		}
	}
	d.Radii, d.Days, d.Times, d.Delivery, d.Access = pubRadii, pubDays, pubTimes, pubDelivery, pubAccess
	if cats := params["category"]; len(cats) > 0 {
		d.Category, d.Carried = cats[0], cats[1:]
	}
	d.Flags = pubChecks{Legend: "Only show", Checks: []pubCheck{
		{Name: "free", Label: "Free to attend", Checked: params.Get("free") != ""},
		{Name: "accepting", Label: "Taking new people now", Checked: params.Get("accepting") != ""},
		{Name: "assured", Label: "Quality assured for referrals", Checked: params.Get("assured") != ""},
	}}
	for _, k := range []string{"day", "time", "delivery", "accessible", "age", "free", "accepting", "assured"} {
		d.MoreOpen = d.MoreOpen || params.Has(k)
	}
}

// pages works out "showing 21 to 40" and the previous and next links.
func (d *publicSearchView) pages(q search.Query, ans searchAnswer) {
	d.Pages = pagesOf(d.URL, "results", q.Offset, q.Limit, ans.Total)
	if len(ans.Results) > 0 {
		d.From, d.To = q.Offset+1, q.Offset+len(ans.Results)
	}
}

// pubPages is the previous and next links of a long list, drawn by
// "pub-pages".
type pubPages struct {
	Prev, Next, Noun string
}

// pagesOf links the pages before and after the one at offset; past the end
// of the list, "previous" goes back to its last page.
func pagesOf(here, noun string, offset, limit, total int) pubPages {
	p := pubPages{Noun: noun}
	if offset > 0 {
		p.Prev = queryWith(here, "offset", offsetParam(max(0, min(offset, total)-limit)))
	}
	if offset+limit < total {
		p.Next = queryWith(here, "offset", offsetParam(offset+limit))
	}
	return p
}

func offsetParam(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
