package web_test

import (
	"encoding/json"
	"fmt"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

// orukSchemaDir is where CI keeps the ORUK 3.0 schemas: in shared/, beside
// the repository.
var orukSchemaDir = filepath.Join("..", "..", "shared", "hsds", "uk-profile", "schema")

// schemaValidator checks documents against the ORUK schemas. It implements
// the part of JSON Schema they use (type, properties, required, items,
// enum, format, and $ref to a sibling file) and refuses to guess at any
// other assertion, so a schema that starts using one fails loudly here
// rather than being half-checked.
type schemaValidator struct {
	dir   string
	cache map[string]map[string]any
}

func newSchemaValidator(t *testing.T) *schemaValidator {
	t.Helper()
	if _, err := os.Stat(filepath.Join(orukSchemaDir, "compiled", "service.json")); err != nil {
		t.Fatalf("the ORUK 3.0 schemas are not at %s: CI keeps shared/ beside the repository (%v)", orukSchemaDir, err)
	}
	return &schemaValidator{dir: orukSchemaDir, cache: map[string]map[string]any{}}
}

func (v *schemaValidator) schema(t *testing.T, name string) map[string]any {
	t.Helper()
	if s, ok := v.cache[name]; ok {
		return s
	}
	raw, err := os.ReadFile(filepath.Join(v.dir, name))
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	v.cache[name] = s
	return s
}

// validate reports every way doc breaks schema name (relative to the
// schema directory, e.g. "compiled/service.json").
func (v *schemaValidator) validate(t *testing.T, name string, doc any) []string {
	t.Helper()
	var errs []string
	v.check(t, filepath.Dir(name), v.schema(t, name), doc, "$", &errs)
	return errs
}

// assertions the validator does not implement; the ORUK schemas use none.
var unsupported = []string{"allOf", "anyOf", "oneOf", "not", "if", "const", "additionalProperties",
	"patternProperties", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
	"minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "dependentRequired", "$defs"}

func (v *schemaValidator) check(t *testing.T, dir string, s map[string]any, doc any, path string, errs *[]string) {
	fail := func(format string, args ...any) { *errs = append(*errs, path+": "+fmt.Sprintf(format, args...)) }
	for _, k := range unsupported {
		if _, ok := s[k]; ok {
			t.Fatalf("schema at %s uses %q, which this validator does not implement", path, k)
		}
	}
	if ref, ok := s["$ref"].(string); ok {
		v.check(t, dir, v.schema(t, filepath.Join(dir, ref)), doc, path, errs)
		return
	}
	if doc == nil {
		fail("is null")
		return
	}
	if typ, ok := s["type"].(string); ok && !hasType(doc, typ) {
		fail("is %T, want %s", doc, typ)
		return
	}
	if enum, ok := s["enum"].([]any); ok && !inEnum(doc, enum) {
		fail("%v is not one of %v", doc, enum)
	}
	if format, ok := s["format"].(string); ok {
		if str, isStr := doc.(string); isStr {
			if why := badFormat(format, str); why != "" {
				fail("%q is not a valid %s: %s", str, format, why)
			}
		}
	}
	v.checkObject(t, dir, s, doc, path, errs)
	if items, ok := s["items"].(map[string]any); ok {
		list, _ := doc.([]any)
		for i, item := range list {
			v.check(t, dir, items, item, fmt.Sprintf("%s[%d]", path, i), errs)
		}
	}
}

func (v *schemaValidator) checkObject(t *testing.T, dir string, s map[string]any, doc any, path string, errs *[]string) {
	obj, ok := doc.(map[string]any)
	if !ok {
		return
	}
	required, _ := s["required"].([]any)
	for _, r := range required {
		if _, present := obj[r.(string)]; !present {
			*errs = append(*errs, fmt.Sprintf("%s: required %q is missing", path, r))
		}
	}
	props, _ := s["properties"].(map[string]any)
	for k, val := range obj {
		if ps, ok := props[k].(map[string]any); ok {
			v.check(t, dir, ps, val, path+"."+k, errs)
		}
	}
}

func hasType(doc any, typ string) bool {
	switch typ {
	case "string":
		_, ok := doc.(string)
		return ok
	case "number":
		_, ok := doc.(float64)
		return ok
	case "integer":
		f, ok := doc.(float64)
		return ok && f == float64(int64(f))
	case "boolean":
		_, ok := doc.(bool)
		return ok
	case "object":
		_, ok := doc.(map[string]any)
		return ok
	case "array":
		_, ok := doc.([]any)
		return ok
	}
	return false
}

func inEnum(doc any, enum []any) bool {
	for _, e := range enum {
		if e == doc {
			return true
		}
	}
	return false
}

// badFormat says why s is not of format, "" when it is. "csv" is the
// tabular data package's format, not JSON Schema's, and says nothing about
// a JSON value.
func badFormat(format, s string) string {
	switch format {
	case "uuid":
		if u, err := uuid.Parse(s); err != nil || u.String() != strings.ToLower(s) {
			return "not a hyphenated UUID"
		}
	case "uri":
		if u, err := url.Parse(s); err != nil || u.Scheme == "" || (u.Host == "" && u.Opaque == "") {
			return "not an absolute URI"
		}
	case "email":
		if a, err := mail.ParseAddress(s); err != nil || a.Address != s {
			return "not an address"
		}
	case "date-time":
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			return err.Error()
		}
	case "csv":
	default:
		return "unknown format " + format
	}
	return ""
}

// pageErrors checks a list answer's envelope against the ORUK OpenAPI
// document's Page, that every field is there, and that the flags agree.
func (v *schemaValidator) pageErrors(t *testing.T, doc map[string]any, page, perPage int) []string {
	t.Helper()
	var api map[string]any
	raw, err := os.ReadFile(filepath.Join(v.dir, "openapi.json"))
	if err != nil || json.Unmarshal(raw, &api) != nil {
		t.Fatalf("ORUK openapi.json: %v", err)
	}
	pageSchema := api["components"].(map[string]any)["schemas"].(map[string]any)["Page"].(map[string]any)
	var errs []string
	v.check(t, ".", pageSchema, doc, "$", &errs)
	for _, k := range []string{"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"} {
		if _, ok := doc[k]; !ok {
			errs = append(errs, "page field "+k+" is missing")
		}
	}
	contents, _ := doc["contents"].([]any)
	total, pages := int(num(doc["total_items"])), int(num(doc["total_pages"]))
	want := map[string]any{
		"total_pages": float64((total + perPage - 1) / perPage), "page_number": float64(page),
		"size": float64(len(contents)), "first_page": page == 1, "last_page": page >= pages, "empty": len(contents) == 0,
	}
	for k, w := range want {
		if doc[k] != w {
			errs = append(errs, fmt.Sprintf("%s is %v, want %v", k, doc[k], w))
		}
	}
	return errs
}

func num(v any) float64 {
	f, _ := v.(float64)
	return f
}

// nulls lists the paths at which doc holds a null.
func nulls(doc any, path string) []string {
	var out []string
	switch v := doc.(type) {
	case nil:
		return []string{path}
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			out = append(out, nulls(v[k], path+"."+k)...)
		}
	case []any:
		for i, x := range v {
			out = append(out, nulls(x, fmt.Sprintf("%s[%d]", path, i))...)
		}
	}
	return out
}

// The validator itself must catch what it claims to: a test of the test.
func TestSchemaValidatorCatchesBadDocuments(t *testing.T) {
	v := newSchemaValidator(t)
	good := map[string]any{"id": "8b8c1f0e-6a43-4b55-9a8e-0c1d7e3f2a10", "name": "Walk", "status": "active"}
	if errs := v.validate(t, "compiled/service.json", good); len(errs) > 0 {
		t.Fatalf("a minimal service fails: %v", errs)
	}
	for name, bad := range map[string]map[string]any{
		"missing status": {"id": good["id"], "name": "Walk"},
		"bad status":     {"id": good["id"], "name": "Walk", "status": "open"},
		"bad uuid":       {"id": "42", "name": "Walk", "status": "active"},
		"bad email":      {"id": good["id"], "name": "Walk", "status": "active", "email": "walks at example"},
		"bad url":        {"id": good["id"], "name": "Walk", "status": "active", "url": "example.org"},
		"bad date-time":  {"id": good["id"], "name": "Walk", "status": "active", "last_modified": "yesterday"},
		"null":           {"id": good["id"], "name": nil, "status": "active"},
		"nested":         {"id": good["id"], "name": "Walk", "status": "active", "schedules": []any{map[string]any{"id": "x"}}},
		"wrong type":     {"id": good["id"], "name": "Walk", "status": "active", "minimum_age": "12"},
	} {
		if errs := v.validate(t, "compiled/service.json", bad); len(errs) == 0 {
			t.Errorf("%s: accepted", name)
		}
	}
	term := map[string]any{"id": good["id"], "name": "Walking", "description": "", "taxonomy_terms": []any{map[string]any{"id": "x"}}}
	if errs := v.validate(t, "taxonomy.json", term); len(errs) == 0 {
		t.Error("a $ref'd taxonomy term with a bad id was accepted")
	}
}
