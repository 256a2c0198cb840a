package web

import (
	"cmp"
	"encoding/json"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// fieldChange is one field of a listing that a pending version changes, as
// lines of text a moderator can read: a single value before and after, or
// for lists (sessions, venues, categories) the entries removed and added.
type fieldChange struct {
	Label          string
	List           bool
	Before, After  []string
	Removed, Added []string
	Unchanged      int
}

// fieldLabels name a listing's fields in plain words; others are spelled
// out from their JSON names.
var fieldLabels = map[string]string{
	"name": "Name", "alternate_name": "Other name", "description": "Description", "url": "Website",
	"email": "Email", "status": "Status", "min_age": "Youngest age", "max_age": "Oldest age",
	"eligibility": "Who it is for", "free": "Free", "fees_description": "Fees", "languages": "Languages",
	"delivery_modes": "How it is delivered", "internal_notes": "Notes for link workers",
	"locations": "Venues", "schedules": "Sessions", "phones": "Phone numbers", "contacts": "Contacts",
	"cost_options": "Costs", "categories": "Categories", "service_areas": "Areas covered",
	"legal_status": "Legal status", "identifiers": "Register numbers",
}

// hiddenFields are never shown: ids mean nothing to a reader, and a
// listing's organisation is not the editor's to change.
var hiddenFields = map[string]bool{"id": true, "organisation_id": true}

// diffListing compares a proposed listing with the live one (nil for a
// listing that has never been published) field by field.
func diffListing(live, proposed json.RawMessage) []fieldChange {
	before, after := diffFields(live), diffFields(proposed)
	venues := diffVenues(before, after)
	keys := map[string]bool{}
	for k := range before {
		keys[k] = true
	}
	for k := range after {
		keys[k] = true
	}
	var out []fieldChange
	for _, k := range diffKeys(keys) {
		b, a := diffLines(before[k], venues), diffLines(after[k], venues)
		if slices.Equal(diffSorted(b), diffSorted(a)) {
			continue
		}
		out = append(out, diffField(k, before[k], after[k], b, a))
	}
	return out
}

func diffField(key string, rawBefore, rawAfter any, b, a []string) fieldChange {
	c := fieldChange{Label: diffLabel(key)}
	_, listB := rawBefore.([]any)
	_, listA := rawAfter.([]any)
	if !listA && !listB {
		c.Before, c.After = b, a
		return c
	}
	c.List = true
	for _, l := range b {
		if slices.Contains(a, l) {
			c.Unchanged++
		} else {
			c.Removed = append(c.Removed, l)
		}
	}
	for _, l := range a {
		if !slices.Contains(b, l) {
			c.Added = append(c.Added, l)
		}
	}
	return c
}

func diffFields(raw json.RawMessage) map[string]any {
	m := map[string]any{}
	if len(raw) > 0 {
		json.Unmarshal(raw, &m)
	}
	for k := range hiddenFields {
		delete(m, k)
	}
	return m
}

// diffKeys puts the fields people look at first (name, description)
// first, and the rest in alphabetical order.
func diffKeys(keys map[string]bool) []string {
	out := make([]string, 0, len(keys))
	for k := range keys {
		out = append(out, k)
	}
	first := map[string]int{"name": 0, "description": 1}
	sort.Slice(out, func(i, j int) bool {
		fi, oki := first[out[i]]
		fj, okj := first[out[j]]
		if oki || okj {
			return oki && (!okj || fi < fj)
		}
		return out[i] < out[j]
	})
	return out
}

// diffVenues maps venue ids to names, so a session reads "venue: Roker Park".
func diffVenues(listings ...map[string]any) map[string]string {
	names := map[string]string{}
	for _, l := range listings {
		locs, _ := l["locations"].([]any)
		for _, loc := range locs {
			if m, ok := loc.(map[string]any); ok {
				id, _ := m["id"].(string)
				name, _ := m["name"].(string)
				names[id] = name
			}
		}
	}
	return names
}

// diffLines renders a JSON value as text: a list as one line per entry, an
// object as "field: value" pairs, nothing for empty values.
func diffLines(v any, venues map[string]string) []string {
	switch x := v.(type) {
	case []any:
		var out []string
		for _, e := range x {
			if s := diffText(e, venues); s != "" {
				out = append(out, s)
			}
		}
		return out
	default:
		if s := diffText(x, venues); s != "" {
			return []string{s}
		}
		return nil
	}
}

func diffText(v any, venues map[string]string) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		if x {
			return "Yes"
		}
		return "No"
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		return strings.Join(diffLines(x, venues), ", ")
	case map[string]any:
		return diffObject(x, venues)
	}
	return ""
}

func diffObject(m map[string]any, venues map[string]string) string {
	if _, ok := m["freq"].(string); ok {
		return sessionText(m, venues)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		if k == "id" {
			continue
		}
		s := diffText(m[k], venues)
		if k == "location_id" && venues[s] != "" {
			k, s = "venue", venues[s]
		}
		if s != "" && s != "No" {
			parts = append(parts, strings.ToLower(diffLabel(k))+": "+s)
		}
	}
	return strings.Join(parts, "; ")
}

func diffLabel(key string) string {
	if l, ok := fieldLabels[key]; ok {
		return l
	}
	return sentence(strings.ReplaceAll(key, "_", " "))
}

func diffSorted(s []string) []string {
	c := slices.Clone(s)
	sort.Strings(c)
	return c
}

// dayNames are the weekdays of a session's byday codes.
var dayNames = map[string]string{"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday",
	"FR": "Friday", "SA": "Saturday", "SU": "Sunday"}

// ordinals are the weeks of a monthly session's codes (1SA, -1FR).
var ordinals = map[string]string{"1": "first", "2": "second", "3": "third", "4": "fourth", "5": "fifth", "-1": "last"}

// sessionText reads a session as a person would say it: "Weekly on
// Thursday, 13:30 to 15:30, at Hendon Community Centre".
func sessionText(m map[string]any, venues map[string]string) string {
	str := func(k string) string { s, _ := m[k].(string); return s }
	var days []string
	list, _ := m["byday"].([]any)
	for _, d := range list {
		code, _ := d.(string)
		week, day := code[:max(0, len(code)-2)], code[max(0, len(code)-2):]
		name := cmp.Or(dayNames[day], code)
		if week != "" {
			name = "the " + cmp.Or(ordinals[week], week) + " " + name
		}
		days = append(days, name)
	}
	out := sentence(strings.ToLower(str("freq"))) + " on " + strings.Join(days, " and ") + ", " + str("opens_at") + " to " + str("closes_at")
	if v := venues[str("location_id")]; v != "" {
		out += ", at " + v
	}
	var when []string
	if from := str("valid_from"); from != "" {
		when = append(when, "from "+from)
	}
	if to := str("valid_to"); to != "" {
		when = append(when, "until "+to)
	}
	if len(when) > 0 {
		out += " (" + strings.Join(when, " ") + ")"
	}
	if d := str("description"); d != "" {
		out += ": " + d
	}
	return out
}
