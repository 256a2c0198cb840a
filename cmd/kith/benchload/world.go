package benchload

import (
	"context"
	"fmt"
	"net/url"
	"slices"

	"kith/cmd/kith/demo"
	"kith/geo"
)

// world is what the clients share: the demo region as the bench found it
// through the API, the signed-in demo users, and the referrals and
// connections the run has made so far.
type world struct {
	c            *client
	services     []string // every listing, for views
	terms        []string // taxonomy codes: search categories and referral needs
	postcodes    []string // the region's postcodes
	workers      []*session
	vcses        []*session
	commissioner *session
	answered     []vcseService // where connections go that a demo VCSE answers
	elsewhere    []string      // other listings open to referrals, answered by nobody in the run
	referrals    pool[benchReferral]
	connections  pool[benchConnection]
}

// vcseService is a listing of a demo VCSE organisation and its editor.
type vcseService struct {
	id     string
	editor *session
}

// The demo logins the mix acts as (cmd/kith/demo creates them).
var (
	workerLogins      = []string{"linkworker@kith.example", "linkworker2@kith.example"}
	vcseLogins        = []string{"vcse@kith.example", "vcse2@kith.example"}
	commissionerLogin = "commissioner@kith.example"
)

// region is the postcode area the demo region lies in.
const region = "SR"

// discover signs the demo users in and reads, through the API, what the
// mix needs: listings, categories, the demo VCSEs' services and the other
// services link workers may connect people to.
func discover(ctx context.Context, c *client) (*world, error) {
	w := &world{c: c, postcodes: geo.Postcodes(region)}
	if len(w.postcodes) == 0 {
		return nil, fmt.Errorf("no %s postcodes shipped", region)
	}
	var err error
	if w.workers, err = loginAll(ctx, c, workerLogins); err != nil {
		return nil, err
	}
	if w.vcses, err = loginAll(ctx, c, vcseLogins); err != nil {
		return nil, err
	}
	if w.commissioner, err = c.login(ctx, commissionerLogin, demo.Password); err != nil {
		return nil, err
	}
	for _, step := range []func(context.Context) error{w.readServices, w.readTerms, w.readAnswered, w.readElsewhere} {
		if err := step(ctx); err != nil {
			return nil, fmt.Errorf("is the demo region loaded (kith demo)? %w", err)
		}
	}
	return w, nil
}

func loginAll(ctx context.Context, c *client, emails []string) ([]*session, error) {
	var out []*session
	for _, e := range emails {
		s, err := c.login(ctx, e, demo.Password)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// listing is what the bench reads of a service in a list.
type listing struct {
	ID             string `json:"id"`
	OrganisationID string `json:"organisation_id"`
}

// listPage reads one page of /api/services.
func (w *world) listPage(ctx context.Context, q url.Values) ([]listing, int, error) {
	var page struct {
		Total int       `json:"total"`
		Items []listing `json:"items"`
	}
	err := w.c.get(ctx, "/api/services?"+q.Encode(), nil, &page)
	return page.Items, page.Total, err
}

func (w *world) readServices(ctx context.Context) error {
	for offset := 0; ; offset += 100 {
		items, total, err := w.listPage(ctx, url.Values{"limit": {"100"}, "offset": {fmt.Sprint(offset)}})
		if err != nil {
			return err
		}
		for _, it := range items {
			w.services = append(w.services, it.ID)
		}
		if len(items) == 0 || len(w.services) >= total {
			break
		}
	}
	if len(w.services) == 0 {
		return fmt.Errorf("the directory lists no services")
	}
	return nil
}

func (w *world) readTerms(ctx context.Context) error {
	var terms struct {
		Items []struct {
			Code string `json:"code"`
		} `json:"items"`
	}
	if err := w.c.get(ctx, "/api/taxonomy_terms", nil, &terms); err != nil {
		return err
	}
	for _, t := range terms.Items {
		w.terms = append(w.terms, t.Code)
	}
	if len(w.terms) == 0 {
		return fmt.Errorf("the taxonomy has no terms")
	}
	return nil
}

// readAnswered finds the demo VCSE editors' own listings.
func (w *world) readAnswered(ctx context.Context) error {
	for _, v := range w.vcses {
		items, _, err := w.listPage(ctx, url.Values{"organisation": {v.OrganisationID}, "limit": {"100"}})
		if err != nil {
			return err
		}
		for _, it := range items {
			w.answered = append(w.answered, vcseService{id: it.ID, editor: v})
		}
	}
	if len(w.answered) == 0 {
		return fmt.Errorf("the demo VCSE organisations list no services")
	}
	return nil
}

// mostElsewhere bounds the other services connections go to.
const mostElsewhere = 300

// readElsewhere finds, as a link worker would, services open to referrals
// (quality assured, accepting) across the region, other than the demo
// VCSEs' own.
func (w *world) readElsewhere(ctx context.Context) error {
	own := func(org string) bool {
		return slices.ContainsFunc(w.vcses, func(v *session) bool { return v.OrganisationID == org })
	}
	q := url.Values{"near": {w.postcodes[len(w.postcodes)/2]}, "radius_km": {"50"}, "assured": {"true"},
		"accepting": {"true"}, "limit": {"100"}}
	for offset := 0; len(w.elsewhere) < mostElsewhere; offset += 100 {
		q.Set("offset", fmt.Sprint(offset))
		var page struct {
			Results []struct {
				ServiceID      string `json:"service_id"`
				OrganisationID string `json:"organisation_id"`
			} `json:"results"`
		}
		if err := w.c.get(ctx, "/api/search?"+q.Encode(), w.workers[0], &page); err != nil {
			return err
		}
		for _, r := range page.Results {
			if !own(r.OrganisationID) {
				w.elsewhere = append(w.elsewhere, r.ServiceID)
			}
		}
		if len(page.Results) == 0 {
			break
		}
	}
	if len(w.elsewhere) == 0 {
		return fmt.Errorf("search finds no service open to referrals")
	}
	return nil
}
