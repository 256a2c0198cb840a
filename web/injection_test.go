package web_test

import (
	"encoding/json"
	"html"
	"net/url"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"kith/directory"
	"kith/referral"
)

// injection is SQL and two kinds of script injection in one string.
const injection = `'; DROP TABLE services; --<script>alert(1)</script>"><img src=x onerror=alert(1)>`

// injectionCase is one kind of input: a complete valid body, where to send
// it, and where to read back what was stored.
type injectionCase struct {
	name   string
	as     role
	post   string
	input  any // the Go type the body decodes into
	body   string
	readAt func(created map[string]any) string
}

func injectionCases(f *secFixture) []injectionCase {
	return []injectionCase{
		{"organisation", adm, "/api/organisations", directory.OrganisationInput{},
			`{"name":"Hendon Choir","description":"We sing.","email":"choir@hendon.example","url":"https://hendon.example/",
			  "legal_status":"charity","identifiers":[{"scheme":"charity_ew","identifier":"1099999"}]}`,
			func(m map[string]any) string {
				return "/api/organisations/" + m["current"].(map[string]any)["id"].(string)
			}},
		{"service", adm, "/api/services", directory.ServiceInput{},
			`{"organisation_id":"` + f.ids["organisations"] + `","name":"Walk","alternate_name":"Stroll","description":"A walk.",
			  "url":"https://walk.example/","email":"walk@walk.example","status":"active","eligibility":"Adults","fees_description":"Free",
			  "languages":["en"],"delivery_modes":["in_person"],"internal_notes":"Key at the café","categories":["walking"],
			  "locations":[{"name":"Bandstand","description":"By the lake","address_1":"Roker Park","address_2":"Roker",
			    "city":"Sunderland","region":"Tyne and Wear","postcode":"SR6 9AA","country":"GB","accessibility":["step_free"],"transport":"Bus 10"}],
			  "schedules":[{"freq":"WEEKLY","byday":["TU"],
			    "opens_at":"10:00","closes_at":"11:00","valid_from":"2026-01-01","valid_to":"2026-12-31","description":"Tuesdays"}],
			  "phones":[{"number":"0191 555 0000","type":"voice","description":"Office"}],
			  "contacts":[{"name":"Ann","title":"Lead","email":"ann@walk.example","phone":"0191 555 0001"}],
			  "cost_options":[{"option":"Session","amount":2,"currency":"GBP","description":"Each"}],
			  "service_areas":[{"name":"Sunderland","area_code":"E08000024","description":"All"}]}`,
			func(m map[string]any) string { return "/api/services/" + m["current"].(map[string]any)["id"].(string) }},
		{"referral", lwOwn, "/api/referrals", referral.ReferralInput{},
			`{"person":{"name":"Jean Robson","date_of_birth":"1951-06-14","nhs_number":"9434765919","postcode":"SR1 1EQ",
			   "phone":"07700 900123","email":"jean@example.org","address":"1 High Street","contact_by":"phone",
			   "contact_notes":"Mornings","language":"English"},
			  "source":"gp_practice","referrer":{"name":"Dr Amira Patel","organisation":"Hendon Medical Practice",
			   "phone":"0191 555 0100","email":"amira@practice.example"},
			  "needs":["loneliness"],"reason":"Lonely.","urgency":"routine","team_id":"` + f.ids["teams"] + `",
			  "link_worker_id":"` + f.users[lwOwn].ID + `",
			  "consent":{"referral":true,"share_gp":true,"share_services":true,"recorded_by":"Dr Amira Patel","given_at":"2026-03-01T10:00"}}`,
			func(m map[string]any) string { return "/api/referrals/" + m["id"].(string) }},
	}
}

// TestInjectionStringsStoredVerbatimShownEscaped puts the injection string in
// each text field in turn: it is either refused with a problem naming that
// field, or stored exactly as sent and returned JSON-escaped (no raw < or >
// reaches a browser from the API or the ORUK feed).
func TestInjectionStringsStoredVerbatimShownEscaped(t *testing.T) {
	f := newSecFixture(t)
	for _, c := range injectionCases(f) {
		var base map[string]any
		must(t, json.Unmarshal([]byte(c.body), &base))
		if resp, raw := f.send(t, c.as, "POST", c.post, "application/json", c.body); resp.StatusCode != 201 {
			t.Fatalf("%s: the valid body is refused: %d %s", c.name, resp.StatusCode, raw)
		}
		paths := stringFields(reflect.TypeOf(c.input), "")
		for _, p := range paths {
			if !hasPath(base, p) {
				t.Errorf("%s: the test body lacks %s; add it so injection is tried there", c.name, p)
			}
		}
		stored := 0
		for _, p := range paths {
			body := setPath(base, p, injection)
			resp, raw := f.send(t, c.as, "POST", c.post, "application/json", body)
			switch resp.StatusCode {
			case 201:
				stored++
				f.checkStoredVerbatim(t, c, p, decode(raw))
			case 422:
				if !namesField(decode(raw), p) {
					t.Errorf("%s.%s: 422 without naming the field: %s", c.name, p, raw)
				}
			default:
				t.Errorf("%s.%s: %d %s", c.name, p, resp.StatusCode, raw)
			}
		}
		if stored == 0 {
			t.Errorf("%s: no field took free text", c.name)
		}
		t.Logf("%s: %d text fields stored the string verbatim, %d refused it with a problem", c.name, stored, len(paths)-stored)
	}
}

func (f *secFixture) checkStoredVerbatim(t *testing.T, c injectionCase, field string, created map[string]any) {
	t.Helper()
	reads := []string{c.readAt(created)}
	if c.name == "service" {
		reads = append(reads, "/oruk/services/"+strings.TrimPrefix(reads[0], "/api/services/"))
	}
	for i, path := range reads {
		resp, raw := f.send(t, c.as, "GET", path, "", "")
		if resp.StatusCode != 200 || strings.ContainsAny(string(raw), "<>") {
			t.Errorf("%s.%s: GET %s: %d, raw < or > in %.300s", c.name, field, path, resp.StatusCode, raw)
		}
		var v any
		json.Unmarshal(raw, &v)
		if i == 0 && !holds(v, injection) { // the feed leaves some fields out
			t.Errorf("%s.%s: GET %s does not give back the string as stored: %.400s", c.name, field, path, raw)
		}
	}
}

// holds reports whether the decoded JSON v has s as one of its strings.
func holds(v any, s string) bool {
	switch x := v.(type) {
	case string:
		return x == s
	case []any:
		for _, e := range x {
			if holds(e, s) {
				return true
			}
		}
	case map[string]any:
		for _, e := range x {
			if holds(e, s) {
				return true
			}
		}
	}
	return false
}

// stringFields lists the JSON paths of every string in a value of type t,
// with the first element of each list: person.name, locations[0].city.
func stringFields(t reflect.Type, prefix string) []string {
	switch t.Kind() {
	case reflect.Pointer:
		return stringFields(t.Elem(), prefix)
	case reflect.String:
		if strings.HasSuffix(prefix, "id") { // ids are UUIDs, checked as such, not text
			return nil
		}
		return []string{prefix}
	case reflect.Slice:
		return stringFields(t.Elem(), prefix+"[0]")
	case reflect.Struct:
		var out []string
		for i := range t.NumField() {
			sf := t.Field(i)
			name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
			if !sf.IsExported() || name == "-" || name == "" {
				continue
			}
			if prefix != "" {
				name = prefix + "." + name
			}
			out = append(out, stringFields(sf.Type, name)...)
		}
		return out
	}
	return nil
}

var step = regexp.MustCompile(`^([a-z_0-9]+)(\[0\])?$`)

// walk follows path through v, calling at with the container and key of
// the last step.
func walk(v any, path string, at func(parent any, key any)) bool {
	steps := strings.Split(path, ".")
	for i, s := range steps {
		m := step.FindStringSubmatch(s)
		obj, ok := v.(map[string]any)
		if m == nil || !ok {
			return false
		}
		if m[2] == "" {
			if i == len(steps)-1 {
				at(obj, m[1])
				return true
			}
			v = obj[m[1]]
			continue
		}
		list, ok := obj[m[1]].([]any)
		if !ok || len(list) == 0 {
			return false
		}
		if i == len(steps)-1 {
			at(list, 0)
			return true
		}
		v = list[0]
	}
	return false
}

func hasPath(base map[string]any, path string) bool {
	found := false
	walk(base, path, func(parent, key any) {
		switch p := parent.(type) {
		case map[string]any:
			_, found = p[key.(string)].(string)
		case []any:
			_, found = p[key.(int)].(string)
		}
	})
	return found
}

// setPath returns base as JSON with the string at path replaced by s.
func setPath(base map[string]any, path, s string) string {
	var copied map[string]any
	raw, _ := json.Marshal(base)
	json.Unmarshal(raw, &copied)
	walk(copied, path, func(parent, key any) {
		switch p := parent.(type) {
		case map[string]any:
			p[key.(string)] = s
		case []any:
			p[key.(int)] = s
		}
	})
	out, _ := json.Marshal(copied)
	return string(out)
}

// namesField reports whether a 422 answer's problems name the field or the
// list it is in.
func namesField(answer map[string]any, path string) bool {
	problems, _ := answer["problems"].(map[string]any)
	for k := range problems {
		if strings.HasPrefix(path, k) || strings.HasPrefix(path, strings.Replace(k, "[0]", "", 1)) {
			return true
		}
	}
	return false
}

// TestSignInPageEchoesEmailEscaped: the sign-in page puts the email back in
// the form after a failure; it must come back as text, not markup.
func TestSignInPageEchoesEmailEscaped(t *testing.T) {
	app, _ := sessionApp(t, false)
	for _, email := range []string{`"><img src=x onerror=alert(1)>`, `<script>alert(1)</script>`, `'; DROP TABLE users; --`} {
		resp := post(t, app, "/login", "application/x-www-form-urlencoded",
			"email="+url.QueryEscape(email)+"&password=x&csrf_token="+csrfValue, "Cookie", "kith_csrf="+csrfValue)
		page := readAll(t, resp)
		if resp.StatusCode != 401 || strings.Contains(page, email) || !strings.Contains(page, html.EscapeString(email)) &&
			!strings.Contains(page, strings.NewReplacer(`"`, "&#34;", "'", "&#39;", "<", "&lt;", ">", "&gt;").Replace(email)) {
			t.Errorf("%s: %d, echoed raw or not at all", strconv.Quote(email), resp.StatusCode)
		}
	}
}
