package oruk

import (
	"errors"
	"fmt"
)

// Feed shapes, as ReadPage recognises them.
const (
	Version3 = "ORUK 3.0"
	Version1 = "ORUK 1.0"
)

// Page is one document of a feed: a page of records and, when the feed says,
// where the page sits among the others.
type Page struct {
	Version    string // Version3, Version1, or "" when nothing tells
	Items      []Item
	TotalItems int  // 0 when the feed does not say
	TotalPages int  // 0 when the feed does not say
	Last       bool // the feed says no page follows
}

// Item is one service record of a feed, read but not yet mapped.
type Item struct{ obj object }

// ID is the record's id in the source, "" if it has none.
func (it Item) ID() string { return it.obj.text("id") }

// Name is the record's name, as plain text.
func (it Item) Name() string { return PlainText(it.obj.text("name")) }

// Summary reports whether the record carries only a service's own fields,
// as ORUK list pages do, so that its full record must be fetched by id.
func (it Item) Summary() bool {
	for _, k := range []string{"service_at_locations", "schedules", "regular_schedules", "attributes", "service_taxonomys"} {
		if it.obj.has(k) {
			return false
		}
	}
	return true
}

// ParseItem reads a single service record, as GET /services/{id} answers.
func ParseItem(data []byte) (Item, error) {
	o, err := decodeObject(data)
	if err != nil {
		return Item{}, fmt.Errorf("the service record %w", err)
	}
	return Item{o}, nil
}

// ReadPage reads a feed document in any of the shapes feeds are published
// and saved in: an ORUK 3.0 page (contents, total_items, last_page), an
// ORUK 1.0 page (content, totalElements, last), a bare array of services,
// or one service on its own.
func ReadPage(data []byte) (Page, error) {
	v, err := decodeValue(data)
	if err != nil {
		return Page{}, fmt.Errorf("not JSON: %w", err)
	}
	switch doc := v.(type) {
	case []any:
		p := Page{Items: items(doc), Last: true}
		p.Version = sniff(p.Items)
		return p, nil
	case map[string]any:
		return readObject(doc)
	}
	return Page{}, errors.New("not an ORUK feed: expected a page of services, an array of them, or one service")
}

func readObject(o object) (Page, error) {
	if contents, ok := o["contents"].([]any); ok {
		p := Page{Version: Version3, Items: items(contents), Last: o["last_page"] == true}
		p.TotalItems, p.TotalPages = count(o, "total_items"), count(o, "total_pages")
		return p, nil
	}
	if content, ok := o["content"].([]any); ok {
		p := Page{Version: Version1, Items: items(content), Last: o["last"] == true}
		p.TotalItems, p.TotalPages = count(o, "totalElements"), count(o, "totalPages")
		return p, nil
	}
	if o.text("id") != "" && o.text("name") != "" {
		p := Page{Items: []Item{{o}}, Last: true}
		p.Version = sniff(p.Items)
		return p, nil
	}
	if o.has("version") {
		return Page{}, errors.New("this is an ORUK API's root document; give the URL of its services")
	}
	return Page{}, errors.New("not an ORUK feed: the object has no contents, content, or service id and name")
}

func items(list []any) []Item {
	out := make([]Item, 0, len(list))
	for _, v := range list {
		o, ok := v.(map[string]any)
		if !ok {
			o = object{} // kept, so the record's place in the feed still counts and is reported
		}
		out = append(out, Item{o})
	}
	return out
}

func count(o object, key string) int {
	n, ok := o.number(key)
	if !ok || n < 0 || n > 1e9 {
		return 0
	}
	return int(n)
}

// sniff tells the shape from the records themselves, for feeds saved
// without their page envelope.
func sniff(items []Item) string {
	for _, it := range items {
		for _, k := range []string{"regular_schedules", "service_taxonomys", "eligibilitys", "fundings"} {
			if it.obj.has(k) {
				return Version1
			}
		}
		for _, k := range []string{"schedules", "attributes", "last_modified"} {
			if it.obj.has(k) {
				return Version3
			}
		}
	}
	return ""
}
