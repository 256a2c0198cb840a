package oruk_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"kith/directory/oruk"
)

var (
	hhmm     = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)
	language = regexp.MustCompile(`^[a-z]{2,3}$`)
)

// checkRecord holds a mapped record to what the mapper promises directory:
// ids that are UUIDs and distinct, sessions at the record's own venues with
// times that make sense, sane ages and language codes, valid UTF-8 text.
func checkRecord(t *testing.T, r oruk.Record) {
	t.Helper()
	svc := r.Service
	checkIDs(t, r)
	venues := map[string]bool{"": true}
	for _, l := range svc.Locations {
		venues[l.ID] = true
		if (l.Lat == nil) != (l.Lon == nil) {
			t.Fatalf("venue with half a point: %+v", l)
		}
	}
	for _, s := range svc.Schedules {
		if !venues[s.LocationID] || !hhmm.MatchString(s.OpensAt) || !hhmm.MatchString(s.ClosesAt) || s.ClosesAt <= s.OpensAt || len(s.ByDay) == 0 {
			t.Fatalf("bad session %+v", s)
		}
	}
	if svc.MinAge != nil && svc.MaxAge != nil && *svc.MinAge > *svc.MaxAge {
		t.Fatalf("ages %d > %d", *svc.MinAge, *svc.MaxAge)
	}
	for _, l := range svc.Languages {
		if !language.MatchString(l) {
			t.Fatalf("language %q", l)
		}
	}
	for _, s := range []string{svc.Name, svc.Description, svc.Eligibility, svc.FeesDescription} {
		if !utf8.ValidString(s) || utf8.RuneCountInString(s) > 10000 {
			t.Fatalf("text %q", s)
		}
	}
	if len(svc.DeliveryModes) == 0 {
		t.Fatal("no delivery mode")
	}
	_ = svc.Validate() // may find problems; must not panic
}

func checkIDs(t *testing.T, r oruk.Record) {
	t.Helper()
	ids := []string{r.ServiceID, r.OrganisationID}
	for _, l := range r.Service.Locations {
		ids = append(ids, l.ID)
	}
	for _, s := range r.Service.Schedules {
		ids = append(ids, s.ID)
	}
	for _, p := range r.Service.Phones {
		ids = append(ids, p.ID)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if _, err := uuid.Parse(id); err != nil || seen[id] {
			t.Fatalf("id %q is not a fresh UUID", id)
		}
		seen[id] = true
	}
}

func FuzzReadFeed(f *testing.F) {
	for _, name := range []string{"oruk1_feed.json", "oruk3_page.json"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{`[]`, `{"contents": [{"id": 1, "name": "x", "organization": {"id": 2, "name": "y"}}]}`,
		`{"content": [{"id": "a", "organization_id": "b", "regular_schedules": [{"byday": "1MO,MO", "opens_at": "24:00", "closes_at": "9"}]}]}`,
		`{"id": 1e400, "name": {}, "organization": []}`, `[{"id": 1, "organization": {"name": "x"}, "service_at_locations": {"location": {"latitude": "NaN", "longitude": "Inf"}}}]`} {
		f.Add([]byte(s))
	}
	m := oruk.Mapper{Source: "fuzz", Vocabulary: mustVocabulary(f)}
	f.Fuzz(func(t *testing.T, data []byte) {
		page, err := oruk.ReadPage(data)
		if err != nil {
			return
		}
		for _, it := range page.Items {
			if r, err := m.Map(it); err == nil {
				checkRecord(t, r)
			}
		}
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add(string(oruk.Template()))
	f.Add(sheet)
	f.Add("organisation,name,sessions\nA,B,\"Mon-Sun 0-23:59; last Sun 11pm-11:59pm\"\n")
	f.Add("organisation,name,latitude,longitude\nA,B,1e308,-1e308\nA,B,NaN,0\n")
	f.Add("\ufefforganisation,name\n\"A\nB\",\"C\"\"D\"\n")
	m := oruk.Mapper{Source: "fuzz", Vocabulary: mustVocabulary(f)}
	f.Fuzz(func(t *testing.T, doc string) {
		s, err := m.ReadCSV(strings.NewReader(doc))
		if err != nil {
			return
		}
		for i, r := range s.Records {
			if len(s.Lines[i]) == 0 || s.Lines[i][0] < 2 {
				t.Fatalf("record %d from lines %v", i, s.Lines[i])
			}
			checkRecord(t, r)
		}
		for _, e := range s.Errors {
			if e.Line < 1 {
				t.Fatalf("error without a line: %v", e)
			}
		}
	})
}

func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"<p>a</p>", "&lt;b&gt;", "<script>x", "<!--", "a<b", "\xff<li>x</li>", "&#0;&#xD800;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := oruk.PlainText(s)
		if !utf8.ValidString(out) || strings.Contains(out, "\n\n\n") || out != strings.TrimSpace(out) {
			t.Fatalf("PlainText(%q) = %q", s, out)
		}
		visible := strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return ' '
			}
			return r
		}, strings.ToValidUTF8(s, ""))
		if !strings.ContainsAny(s, "<&") && strings.Join(strings.Fields(out), " ") != strings.Join(strings.Fields(visible), " ") {
			t.Fatalf("text without markup changed: %q → %q", s, out)
		}
	})
}

func mustVocabulary(f *testing.F) *oruk.Vocabulary {
	v, err := oruk.LoadVocabulary(strings.NewReader(mapping), categories)
	if err != nil {
		f.Fatal(err)
	}
	return v
}
