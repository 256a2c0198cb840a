package web

import (
	"fmt"
	"net/url"
	"sort"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/search"
)

// pubMap is what a [data-map] element carries for kith.js to draw.
type pubMap struct {
	Centre   *pubMarker  `json:"centre,omitempty"`
	RadiusKm float64     `json:"radius_km,omitempty"`
	Points   []pubMarker `json:"points"`
}

type pubMarker struct {
	Lat   float64 `json:"lat"`
	Lon   float64 `json:"lon"`
	Label string  `json:"label,omitempty"`
	Href  string  `json:"href,omitempty"`
	Note  string  `json:"note,omitempty"`
}

// chips lists the filters in force, each a link to the search without it.
func (d *publicSearchView) chips(q search.Query, params url.Values, terms []directory.Term) {
	base := queryWith(d.URL, "offset", "")
	if q.Text != "" {
		d.Chips = append(d.Chips, pubChip{Label: fmt.Sprintf("“%s”", q.Text), Href: queryWith(base, "q", "")})
	}
	if q.Near != nil {
		label := fmt.Sprintf("Within %g km of %s", q.RadiusKm, params.Get("near"))
		d.Chips = append(d.Chips, pubChip{Label: label, Href: queryWith(base, "near", "", "radius_km", "")})
	}
	names := termNames(terms)
	for _, list := range []struct {
		key  string
		opts []option
	}{{"category", nil}, {"day", pubDays}, {"time", pubTimes}, {"delivery", pubDelivery}, {"accessible", pubAccess}} {
		for _, code := range params[list.key] {
			label := labelOf(list.opts, code)
			if list.key == "category" {
				label = names[code]
			}
			d.Chips = append(d.Chips, pubChip{Label: label, Href: queryWithout(base, list.key, code)})
		}
	}
	for _, f := range d.Flags.Checks {
		if f.Checked {
			d.Chips = append(d.Chips, pubChip{Label: f.Label, Href: queryWith(base, f.Name, "")})
		}
	}
	if q.Age != nil {
		d.Chips = append(d.Chips, pubChip{Label: fmt.Sprintf("For age %d", *q.Age), Href: queryWith(base, "age", "")})
	}
}

// refine offers the categories most common among the results as links
// that narrow the search to them; one every result has narrows nothing.
func (d *publicSearchView) refine(facets search.Facets, params url.Values, terms []directory.Term) {
	names := termNames(terms)
	for code, n := range facets.Categories {
		if n > 0 && n < d.Total && names[code] != "" && !contains(params["category"], code) {
			d.Refine = append(d.Refine, pubChip{Label: names[code], Count: n, Href: queryAdd(d.URL, "category", code)})
		}
	}
	sort.Slice(d.Refine, func(i, j int) bool {
		a, b := d.Refine[i], d.Refine[j]
		return a.Count > b.Count || (a.Count == b.Count && a.Label < b.Label)
	})
	d.Refine = d.Refine[:min(len(d.Refine), 8)]
}

// mapResults places this page's results on the map, around the search
// circle when the search has a place.
func (s *server) mapResults(c *fiber.Ctx, d *publicSearchView, q search.Query) error {
	if q.Near != nil {
		d.Map.Centre = &pubMarker{Lat: q.Near.Point.Lat(), Lon: q.Near.Point.Lon()}
		d.Map.RadiusKm = q.RadiusKm
	}
	ids := make([]string, len(d.Results))
	names := map[string]string{}
	for i, r := range d.Results {
		ids[i], names[r.ServiceID] = r.ServiceID, r.Name
	}
	venues, err := s.dir.Venues(c.UserContext(), ids)
	if err != nil {
		return err
	}
	d.Map.Points = make([]pubMarker, len(venues))
	for i, v := range venues {
		d.Map.Points[i] = pubMarker{Lat: v.Lat, Lon: v.Lon, Label: names[v.ServiceID], Href: "/services/" + v.ServiceID, Note: v.Name}
	}
	return nil
}

func termNames(terms []directory.Term) map[string]string {
	out := make(map[string]string, len(terms))
	for _, t := range terms {
		out[t.Code] = t.Name
	}
	return out
}

// queryAdd returns path with one more value of a repeatable key, back on
// the first page.
func queryAdd(raw, key, value string) string {
	u, q := splitURL(raw)
	q.Add(key, value)
	q.Del("offset")
	return u + "?" + q.Encode()
}
