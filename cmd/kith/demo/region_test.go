package demo

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"kith/directory"
	"kith/geo"
	"kith/migrations"
)

func mustRegion(t *testing.T) *region {
	t.Helper()
	r, err := buildRegion()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestRegionIsReproducible(t *testing.T) {
	a, b := mustRegion(t), mustRegion(t)
	for i, o := range a.orgs {
		ja, _ := json.Marshal([]any{o.id, o.in, inputs(o)})
		jb, _ := json.Marshal([]any{b.orgs[i].id, b.orgs[i].in, inputs(b.orgs[i])})
		if string(ja) != string(jb) {
			t.Fatalf("organisation %d (%s) differs between two builds", i, o.in.Name)
		}
	}
}

func inputs(o *org) []directory.ServiceInput {
	out := make([]directory.ServiceInput, len(o.services))
	for i, s := range o.services {
		out[i] = s.in
	}
	return out
}

func TestVenuePostcodesAreLiveAndResolve(t *testing.T) {
	rows, err := parseVenues()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 300 || len(rows) > 500 {
		t.Errorf("%d venues, want 300 to 500", len(rows))
	}
	seen := map[string]bool{}
	for _, r := range rows {
		p, err := geo.LookupPostcode(r.postcode)
		switch {
		case err != nil:
			t.Errorf("%s: %v", r.postcode, err)
		case p.Precision != geo.PrecisionPostcode || p.Terminated || !strings.HasPrefix(p.Outcode, "SR"):
			t.Errorf("%s: precision %s, terminated %v, outcode %s", r.postcode, p.Precision, p.Terminated, p.Outcode)
		case seen[r.postcode]:
			t.Errorf("%s listed twice", r.postcode)
		}
		seen[r.postcode] = true
	}
}

// taxonomyCodes reads the codes the taxonomy migration seeds.
func taxonomyCodes(t *testing.T) []string {
	all, err := migrations.All()
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, m := range all {
		if strings.Contains(m.Name, "taxonomy") {
			for _, c := range regexp.MustCompile(`(?m)^\('([a-z-]+)',`).FindAllStringSubmatch(m.SQL, -1) {
				codes = append(codes, c[1])
			}
		}
	}
	if len(codes) < 40 {
		t.Fatalf("found only %d taxonomy codes in the migrations", len(codes))
	}
	return codes
}

func TestEveryTaxonomyCodeHasPhrasesAndListings(t *testing.T) {
	codes := taxonomyCodes(t)
	used := map[string]int{}
	for _, s := range mustRegion(t).services() {
		if n := len(s.in.Categories); n < 1 || n > 3 {
			t.Errorf("%s has %d categories, want 1 to 3", s.in.Name, n)
		}
		for _, c := range s.in.Categories {
			used[c]++
			if !slices.Contains(codes, c) {
				t.Errorf("%s is filed under %q, which is not in the taxonomy", s.in.Name, c)
			}
		}
	}
	for _, c := range codes {
		if len(bank[c]) == 0 || used[c] == 0 {
			t.Errorf("code %q: %d templates, %d listings", c, len(bank[c]), used[c])
		}
	}
}

func TestRegionShape(t *testing.T) {
	r := mustRegion(t)
	svcs := r.services()
	if len(r.orgs) < 300 || len(svcs) < 1000 {
		t.Fatalf("%d organisations and %d services, want at least 300 and 1000", len(r.orgs), len(svcs))
	}
	var free, remote, monthly, twoVenues, homeVisits int
	status := map[string]int{}
	for _, s := range svcs {
		status[s.in.Status]++
		free += b2i(s.in.Free)
		remote += b2i(!slices.Contains(s.in.DeliveryModes, "in_person"))
		twoVenues += b2i(len(s.in.Locations) > 1)
		homeVisits += b2i(slices.Contains(s.in.DeliveryModes, "home_visit") && len(s.in.Areas) > 0)
		monthly += b2i(slices.ContainsFunc(s.in.Schedules, func(x directory.Schedule) bool { return x.Freq == "MONTHLY" }))
	}
	share := func(n int) float64 { return float64(n) / float64(len(svcs)) }
	if f := share(free); f < 0.6 || f > 0.8 {
		t.Errorf("%.0f%% free, want about 70%%", 100*f)
	}
	if f := share(remote); f < 0.06 || f > 0.15 {
		t.Errorf("%.0f%% remote-only, want about 10%%", 100*f)
	}
	if monthly < 20 || twoVenues < 20 || homeVisits < 10 {
		t.Errorf("%d monthly, %d at two venues, %d home visits: want more variety", monthly, twoVenues, homeVisits)
	}
	if status["inactive"] < 10 || status["temporarily closed"] < 5 || status["defunct"] < 3 {
		t.Errorf("statuses %v: want about 3%% inactive, 2%% closed, 1%% defunct", status)
	}
}

func TestTextReadsLikeListings(t *testing.T) {
	r := mustRegion(t)
	for _, o := range r.orgs {
		checkText(t, o.in.Name, o.in.Name, o.in.Description)
	}
	orgNames := map[string]bool{}
	for _, s := range r.services() {
		checkText(t, s.in.Name, s.in.Name, s.in.Description, s.in.Eligibility, s.in.FeesDescription)
		if n := countSentences(s.in.Description); n < 2 || n > 4 {
			t.Errorf("%s: %d sentences, want 2 to 4: %s", s.in.Name, n, s.in.Description)
		}
		key := s.in.OrganisationID + "|" + s.in.Name
		if orgNames[key] {
			t.Errorf("one organisation has two listings called %q", s.in.Name)
		}
		orgNames[key] = true
	}
}

func checkText(t *testing.T, what string, texts ...string) {
	t.Helper()
	for _, s := range texts {
		low := strings.ToLower(s)
		if strings.ContainsAny(s, "{}") || strings.Contains(low, "lorem") || strings.Contains(s, "  ") {
			t.Errorf("%s: %q", what, s)
		}
	}
}

var (
	dramaLandline = regexp.MustCompile(`^0191 498 0\d{3}$`)
	dramaMobile   = regexp.MustCompile(`^07700 900\d{3}$`)
)

// The demo must never ring, mail or link to a real person or organisation.
func TestContactDetailsAreReserved(t *testing.T) {
	r := mustRegion(t)
	for _, o := range r.orgs {
		checkReserved(t, o.in.Name, o.in.Email, o.in.URL)
	}
	for _, s := range r.services() {
		checkReserved(t, s.in.Name, s.in.Email, s.in.URL)
		for _, p := range s.in.Phones {
			if !dramaLandline.MatchString(p.Number) && !dramaMobile.MatchString(p.Number) {
				t.Errorf("%s: phone %q is outside Ofcom's drama ranges", s.in.Name, p.Number)
			}
		}
		for _, c := range s.in.Contacts {
			checkReserved(t, s.in.Name, c.Email)
			if c.Phone != "" && !dramaMobile.MatchString(c.Phone) {
				t.Errorf("%s: contact phone %q is outside the drama range", s.in.Name, c.Phone)
			}
		}
	}
}

func checkReserved(t *testing.T, what string, addresses ...string) {
	t.Helper()
	for _, a := range addresses {
		if a != "" && !strings.HasSuffix(strings.TrimSuffix(a, "/"), ".example") && !strings.Contains(a, ".example/") {
			t.Errorf("%s: %q is not on a reserved .example domain", what, a)
		}
	}
}

// Every record of every listing has its own id, derived from a name, so a
// second load lines up with the first.
func TestIDsAreUniqueAndStable(t *testing.T) {
	r := mustRegion(t)
	seen := map[string]string{}
	claim := func(id, what string) {
		if prev, ok := seen[id]; ok && prev != what {
			t.Errorf("id %s used by %s and %s", id, prev, what)
		}
		seen[id] = what
	}
	for _, o := range r.orgs {
		claim(o.id, "organisation "+o.key)
		for _, s := range o.services {
			claim(s.id, "service "+s.key)
			for _, l := range s.in.Locations {
				claim(l.ID, "location "+o.key+" "+l.Name) // shared by an organisation's listings
			}
			for _, id := range childIDs(s.in) {
				if id == "" {
					t.Fatalf("%s has a child record without an id", s.key)
				}
				claim(id, "child of "+s.key)
			}
		}
	}
}

func childIDs(in directory.ServiceInput) []string {
	var ids []string
	for _, x := range in.Schedules {
		ids = append(ids, x.ID)
	}
	for _, x := range in.Phones {
		ids = append(ids, x.ID)
	}
	for _, x := range in.Contacts {
		ids = append(ids, x.ID)
	}
	for _, x := range in.CostOptions {
		ids = append(ids, x.ID)
	}
	for _, x := range in.Areas {
		ids = append(ids, x.ID)
	}
	return ids
}

func TestEveryListingValidates(t *testing.T) {
	for _, s := range mustRegion(t).services() {
		in := s.in
		in.Locations = slices.Clone(in.Locations)
		if err := in.Validate(); err != nil {
			t.Errorf("%s: %v", s.in.Name, err)
		}
	}
	for _, o := range mustRegion(t).orgs {
		in := o.in
		if err := in.Validate(); err != nil {
			t.Errorf("%s: %v", o.in.Name, err)
		}
	}
}
