package oruk

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// object is a JSON object read leniently: numbers are kept as json.Number
// so that long numeric ids survive, and every accessor takes a list of
// keys, because ORUK 1.0 and 3.0 name the same thing differently.
type object map[string]any

// decodeObject reads one JSON object.
func decodeObject(data []byte) (object, error) {
	v, err := decodeValue(data)
	if err != nil {
		return nil, err
	}
	o, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("is not a JSON object")
	}
	return o, nil
}

func decodeValue(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("holds more than one JSON value")
	}
	return v, nil
}

// text returns the first of keys that holds a string, number or boolean,
// trimmed; "" when none does.
func (o object) text(keys ...string) string {
	for _, k := range keys {
		switch v := o[k].(type) {
		case string:
			if s := strings.TrimSpace(v); s != "" {
				return s
			}
		case json.Number:
			return v.String()
		case bool:
			return strconv.FormatBool(v)
		}
	}
	return ""
}

// number returns the first of keys that holds a number or a string that
// reads as one.
func (o object) number(keys ...string) (float64, bool) {
	for _, k := range keys {
		if s := o.text(k); s != "" {
			if f, err := strconv.ParseFloat(s, 64); err == nil {
				return f, true
			}
		}
	}
	return 0, false
}

// list returns the objects in the first of keys that holds an array; items
// that are not objects are skipped. A single object where an array belongs
// is read as a list of one, as some feeds write one-item lists.
func (o object) list(keys ...string) []object {
	for _, k := range keys {
		switch v := o[k].(type) {
		case []any:
			out := make([]object, 0, len(v))
			for _, item := range v {
				if m, ok := item.(map[string]any); ok {
					out = append(out, m)
				}
			}
			return out
		case map[string]any:
			return []object{v}
		}
	}
	return nil
}

// child returns the first of keys that holds an object, or nil.
func (o object) child(keys ...string) object {
	for _, k := range keys {
		if m, ok := o[k].(map[string]any); ok {
			return m
		}
	}
	return nil
}

// has reports whether key is present and not null.
func (o object) has(key string) bool { return o[key] != nil }
