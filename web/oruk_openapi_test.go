package web_test

import (
	"encoding/json"
	"io"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"kith/web"
)

// openAPIDoc is the document as it sits in the repository.
func openAPIDoc(t *testing.T) (map[string]any, []byte) {
	t.Helper()
	raw, err := os.ReadFile("openapi/oruk.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("openapi/oruk.json: %v", err)
	}
	return doc, raw
}

// queryParams resolves a path's GET parameters and returns those in the
// query, by name.
func queryParams(doc map[string]any, path string) map[string]map[string]any {
	components := doc["components"].(map[string]any)["parameters"].(map[string]any)
	op := doc["paths"].(map[string]any)[path].(map[string]any)["get"].(map[string]any)
	params, _ := op["parameters"].([]any)
	out := map[string]map[string]any{}
	for _, p := range params {
		param := p.(map[string]any)
		if ref, ok := param["$ref"].(string); ok {
			param = components[strings.TrimPrefix(ref, "#/components/parameters/")].(map[string]any)
		}
		if param["in"] == "query" {
			out[param["name"].(string)] = param
		}
	}
	return out
}

// The document Kith serves says what the feed does: every route it lists
// answers, every /oruk route is listed, and each list takes exactly the
// query parameters the document gives it.
func TestORUKOpenAPIDocumentIsTrue(t *testing.T) {
	f := newFeedFixture(t)
	doc, raw := openAPIDoc(t)
	resp, err := f.app.Test(httptest.NewRequest("GET", "/oruk/openapi.json", nil), -1)
	if err != nil {
		t.Fatal(err)
	}
	served, _ := io.ReadAll(resp.Body)
	if string(served) != string(raw) || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatal("/oruk/openapi.json is not the document in web/openapi")
	}
	paths := doc["paths"].(map[string]any)
	var registered []string
	for _, r := range f.app.GetRoutes(true) {
		if r.Method == "GET" && strings.HasPrefix(r.Path, "/oruk") {
			p := strings.ReplaceAll(strings.TrimPrefix(r.Path, "/oruk"), ":id", "{id}")
			registered = append(registered, p)
			if paths[p] == nil {
				t.Errorf("route %s is not in the OpenAPI document", r.Path)
			}
		}
	}
	for p := range paths {
		if !slices.Contains(registered, p) {
			t.Errorf("the document lists %s, which is not a route", p)
			continue
		}
		f.mustGet(t, "/oruk"+strings.ReplaceAll(p, "{id}", f.sampleID(t, p)))
		f.checkParams(t, doc, p)
	}
}

// sampleID is an id the path answers for.
func (f *feedFixture) sampleID(t *testing.T, path string) string {
	t.Helper()
	if !strings.HasSuffix(path, "/{id}") {
		return ""
	}
	list := f.mustGet(t, "/oruk"+strings.TrimSuffix(path, "/{id}"))
	return list["contents"].([]any)[0].(map[string]any)["id"].(string)
}

// checkParams compares the document's query parameters for path with the
// ones the handler reads, and shows the handler reads each by sending a
// malformed value and getting a 400 that names it.
func (f *feedFixture) checkParams(t *testing.T, doc map[string]any, path string) {
	t.Helper()
	documented := queryParams(doc, path)
	var names []string
	for name := range documented {
		names = append(names, name)
	}
	sort.Strings(names)
	read := slices.Clone(web.ORUKQueryParams[path])
	sort.Strings(read)
	if !slices.Equal(names, read) {
		t.Errorf("%s: the document lists %v, the handler reads %v", path, names, read)
	}
	for name, p := range documented {
		value := "Funday!"
		if schema := p["schema"].(map[string]any); schema["maxLength"] != nil {
			value = strings.Repeat("x", int(num(schema["maxLength"]))+1)
		}
		status, body := f.get(t, "/oruk"+path+"?"+name+"="+url.QueryEscape(value))
		problems, _ := body["problems"].(map[string]any)
		if status != 400 || problems[name] == nil {
			t.Errorf("%s?%s=%s: %d %v; a documented parameter must be read and checked", path, name, value, status, body)
		}
	}
}
