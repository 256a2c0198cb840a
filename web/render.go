package web

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

// templates holds the pages. layout.html and partials*.html are shared by
// every page; each other file is one page defining "content".
//
//go:embed templates
var templates embed.FS

// view is what every page template receives.
type view struct {
	Title string
	User  *directory.User
	CSRF  string
	Path  string
	Nav   []navItem
	// Tiles is the map tile URL template; empty draws maps without tiles.
	Tiles string
	Flash string
	Form  *form
	// Map and Chart load Leaflet and Chart.js on pages that draw them.
	Map, Chart bool
	// Back is the back link's target, if the page has one.
	Back string
	Data any
}

type navItem struct {
	Label, Href string
	Current     bool
}

// pageSet parses every page with the shared layout and partials once, at
// start: a template error is a programming error and fails loudly.
func pageSet() map[string]*template.Template {
	base := template.Must(template.New("").Funcs(templateFuncs).ParseFS(templates, "templates/layout.html", "templates/partials*.html"))
	pages := map[string]*template.Template{}
	entries, err := fs.ReadDir(templates, "templates")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".html")
		if name == "layout" || strings.HasPrefix(name, "partials") {
			continue
		}
		t := template.Must(base.Clone())
		pages[name] = template.Must(t.ParseFS(templates, "templates/"+e.Name()))
	}
	return pages
}

var templateFuncs = template.FuncMap{
	"asset":    assetURL,
	"roleName": roleName,
	"field":    newField,
	"json":     toJSON,
	"london":   londonTime,
	"date":     londonDate,
	"ago":      ago,
	"query":    queryWith,
	"plural":   plural,
	"without":  queryWithout,
	"contains": func(list []string, s string) bool { return contains(list, s) },
}

// render writes a whole page. Handlers build v with s.view.
func (s *server) render(c *fiber.Ctx, status int, page string, v *view) error {
	return s.execute(c, status, page, "layout", v)
}

// fragment writes one block of a page without the layout, for htmx swaps.
func (s *server) fragment(c *fiber.Ctx, page, block string, v *view) error {
	return s.execute(c, fiber.StatusOK, page, block, v)
}

func (s *server) execute(c *fiber.Ctx, status int, page, block string, v *view) error {
	t, ok := s.pages[page]
	if !ok {
		return fmt.Errorf("web: no page %q", page)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, block, v); err != nil {
		return fmt.Errorf("web: render %s/%s: %w", page, block, err)
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Status(status).Send(buf.Bytes())
}

// view starts a page's data with what the layout needs.
func (s *server) view(c *fiber.Ctx, title string) *view {
	u := directory.UserFrom(c.UserContext())
	p := strings.Clone(c.Path())
	return &view{
		Title: title, User: u, CSRF: csrfToken(c), Path: p, Nav: navFor(u, p),
		Tiles: s.tiles, Flash: takeFlash(c), Form: newForm(nil),
	}
}

func toJSON(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

func londonTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(directory.London).Format("Mon 2 Jan 2006, 15:04")
}

func londonDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(directory.London).Format("2 January 2006")
}

// ago says how long before now t was, in the largest whole unit.
func ago(t time.Time) string {
	d := time.Since(t)
	switch {
	case d < time.Hour:
		return plural(int(d.Minutes()), "minute") + " ago"
	case d < 48*time.Hour:
		return plural(int(d.Hours()), "hour") + " ago"
	default:
		return plural(int(d.Hours()/24), "day") + " ago"
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// queryWith returns path with its query changed: pairs of key, value; an
// empty value removes the key. Filter chips link to the search without them.
func queryWith(raw string, pairs ...string) string {
	u, q := splitURL(raw)
	for i := 0; i+1 < len(pairs); i += 2 {
		q.Del(pairs[i])
		if pairs[i+1] != "" {
			q.Set(pairs[i], pairs[i+1])
		}
	}
	if enc := q.Encode(); enc != "" {
		return u + "?" + enc
	}
	return u
}

// queryWithout returns path with one value of a repeatable key removed, so a
// chip for one of several categories removes just that one.
func queryWithout(raw, key, value string) string {
	u, q := splitURL(raw)
	kept := q[key][:0:0]
	for _, v := range q[key] {
		if v != value {
			kept = append(kept, v)
		}
	}
	q[key] = kept
	if enc := q.Encode(); enc != "" {
		return u + "?" + enc
	}
	return u
}

func splitURL(raw string) (string, url.Values) {
	p, rawQuery, _ := strings.Cut(raw, "?")
	q, _ := url.ParseQuery(rawQuery)
	return p, q
}
