package search

import (
	"errors"
	"net/url"
	"testing"
)

// Any query string either parses into a query within the limits or fails
// with a ParamError naming a parameter: never a panic, never another error.
func FuzzParseQuery(f *testing.F) {
	for _, seed := range []string{
		"", "q=lonely&near=SR1+1RS", "near=54.9,-1.38&radius_km=2.5&category=walking&category=singing",
		"day=tue&day=thu&time=morning&free=true&age=67&delivery=online", "limit=100&offset=10000",
		"near=%ff%fe", "radius_km=NaN", "radius_km=1e309", "age=99999999999999999999", "q=" + string(make([]byte, 300)),
		"accessible=wheelchair&assured=1", "near=GIR+0AA", "near=-91,500",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return // the handler answers 400 for these before parsing
		}
		q, err := ParseQuery(v)
		if err != nil {
			var pe *ParamError
			if !errors.As(err, &pe) || pe.Param == "" {
				t.Fatalf("%q: %v is not a ParamError", raw, err)
			}
			return
		}
		if q.RadiusKm <= 0 || q.RadiusKm > MaxRadiusKm || q.Limit < 1 || q.Limit > MaxLimit || q.Offset < 0 {
			t.Fatalf("%q: parsed out of range: %+v", raw, q)
		}
	})
}
