package search_test

import (
	"context"
	"net/url"
	"reflect"
	"slices"
	"testing"

	"kith/directory"
	"kith/postgres/pgtest"
	"kith/search"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

const centreLon, centreLat = -1.3838, 54.9069

type fixture struct {
	store *directory.Store
	ids   map[string]string // short name → service id
	org   string
}

func admin() context.Context {
	return directory.WithUser(context.Background(), directory.SystemUser())
}

func ptr[T any](v T) *T { return &v }

// kmNorth places a venue that many kilometres north of the centre.
func kmNorth(km float64, access ...string) []directory.Location {
	return []directory.Location{{Name: "Venue", Lon: ptr(centreLon), Lat: ptr(centreLat + km/111.2), Accessibility: access}}
}

func weekly(days []string, opens, closes string) []directory.Schedule {
	return []directory.Schedule{{Freq: "WEEKLY", ByDay: days, OpensAt: opens, ClosesAt: closes}}
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	store := directory.NewStore(pgtest.New(t))
	org, _, err := store.CreateOrganisation(admin(), directory.OrganisationInput{Name: "Sunderland Community Action"})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{store: store, ids: map[string]string{}, org: org.ID}
	weekdays := []string{"MO", "TU", "WE", "TH", "FR"}
	f.add(t, "A", directory.ServiceInput{Name: "Hendon community garden", Description: "Grow vegetables and flowers with neighbours.",
		Free: true, Categories: []string{"community-gardening"}, Locations: kmNorth(0.5), Schedules: weekly([]string{"TU"}, "10:00", "12:00")})
	f.add(t, "G", directory.ServiceInput{Name: "Millfield community choir", Description: "Sing together, no experience needed.",
		Categories: []string{"singing"}, Locations: kmNorth(1.5, "wheelchair", "hearing_loop"), Schedules: weekly([]string{"WE"}, "19:00", "21:00")})
	f.add(t, "B", directory.ServiceInput{Name: "Roker walking group", Description: "A gentle health walk along the seafront.",
		Free: true, Categories: []string{"walking"}, Locations: kmNorth(2), Schedules: weekly([]string{"TH"}, "10:00", "11:00")})
	f.add(t, "C", directory.ServiceInput{Name: "Silksworth chair exercise", Description: "Seated strength and balance for older people.",
		MinAge: ptr(50), Categories: []string{"gentle-exercise"}, Locations: kmNorth(4), Schedules: weekly([]string{"MO"}, "14:00", "15:00"),
		CostOptions: []directory.CostOption{{Option: "Per session", Amount: ptr(2.0)}}})
	f.add(t, "D", directory.ServiceInput{Name: "Washington allotment club", Description: "Shared plots and a greenhouse; gardening for all.",
		Free: true, Categories: []string{"community-gardening"}, Locations: kmNorth(8), Schedules: weekly([]string{"SA"}, "10:00", "13:00")})
	f.add(t, "E", directory.ServiceInput{Name: "Debt advice line", Description: "Free, confidential help with money worries and bills.",
		Free: true, Categories: []string{"debt-advice"}, DeliveryModes: []string{"phone"}, Schedules: weekly(weekdays, "09:00", "17:00")})
	f.add(t, "F", directory.ServiceInput{Name: "Befriending visits", Description: "A volunteer visits for a cuppa and a chat each week.",
		Free: true, Categories: []string{"befriending"}, DeliveryModes: []string{"home_visit"},
		Areas: []directory.ServiceArea{{Name: "Sunderland", AreaCode: "E08000024"}}})
	f.add(t, "H", directory.ServiceInput{Name: "Old lunch club", Description: "Closed for good.", Status: "inactive",
		Categories: []string{"social-groups"}, Locations: kmNorth(1)})
	return f
}

func (f *fixture) add(t *testing.T, short string, in directory.ServiceInput) {
	t.Helper()
	in.OrganisationID = f.org
	svc, _, err := f.store.CreateService(admin(), in)
	if err != nil {
		t.Fatalf("%s: %v", short, err)
	}
	f.ids[short] = svc.ID
}

func (f *fixture) open(t *testing.T, dir string) *search.Engine {
	t.Helper()
	e, err := search.Open(context.Background(), search.Config{Dir: dir, Source: f.store})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	if e.Ready(context.Background()) != nil {
		if err := e.Rebuild(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
	}
	return e
}

// shorts runs a query and names the services found, in order.
func (f *fixture) shorts(t *testing.T, e *search.Engine, params string) []string {
	t.Helper()
	v, _ := url.ParseQuery(params)
	q, err := search.ParseQuery(v)
	if err != nil {
		t.Fatalf("%s: %v", params, err)
	}
	res, err := e.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", params, err)
	}
	names := map[string]string{}
	for short, id := range f.ids {
		names[id] = short
	}
	out := []string{}
	for _, h := range res.Hits {
		out = append(out, names[h.ServiceID])
	}
	if res.Total < len(out) {
		t.Fatalf("%s: total %d below %d hits", params, res.Total, len(out))
	}
	return out
}

const near = "near=54.9069,-1.3838"

func TestRankingAndFilters(t *testing.T) {
	f := newFixture(t)
	e := f.open(t, t.TempDir())
	tests := []struct {
		params string
		want   []string
	}{
		{near, []string{"A", "G", "B", "C", "F", "E"}},
		{near + "&radius_km=10", []string{"A", "G", "B", "C", "D", "F", "E"}},
		{near + "&radius_km=1", []string{"A", "F", "E"}},
		{"", []string{"F", "E", "A", "G", "B", "C", "D"}},
		{near + "&category=physical-activity", []string{"B", "C"}},
		{near + "&radius_km=10&category=community-gardening", []string{"A", "D"}},
		{near + "&category=walking&category=gentle-exercise", []string{}},
		{near + "&day=tue&time=morning", []string{"A", "E"}},
		{near + "&day=wed&time=evening", []string{"G"}},
		{near + "&time=afternoon", []string{"C", "E"}},
		{near + "&free=true", []string{"A", "B", "F", "E"}},
		{near + "&accessible=wheelchair", []string{"G"}},
		{near + "&age=30", []string{"A", "G", "B", "F", "E"}},
		{near + "&delivery=phone&delivery=home_visit", []string{"F", "E"}},
		{near + "&limit=2&offset=1", []string{"G", "B"}},
		{near + "&radius_km=10&q=gardening", []string{"A", "D"}},
		{near + "&radius_km=10&q=gardning", []string{"A", "D"}},
		{near + "&q=lonely", []string{"F"}},
		{near + "&q=money+worries", []string{"E"}},
		{"q=walk", []string{"B"}},
		{near + "&q=lunch", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.params, func(t *testing.T) {
			if got := f.shorts(t, e, tt.params); !reflect.DeepEqual(got, tt.want) {
				// Remote services have no order by distance; compare as given.
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestInactiveServiceDisappears(t *testing.T) {
	f := newFixture(t)
	e := f.open(t, t.TempDir())
	svc, err := f.store.Service(admin(), f.ids["B"])
	if err != nil {
		t.Fatal(err)
	}
	in := svc.Input()
	in.Status = "inactive"
	if _, _, err := f.store.UpdateService(admin(), svc.ID, in); err != nil {
		t.Fatal(err)
	}
	if err := e.CatchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := f.shorts(t, e, near+"&category=walking"); len(got) != 0 {
		t.Fatalf("inactive service still found: %v", got)
	}
}

func TestTwoEnginesSeeEachOthersWrites(t *testing.T) {
	f := newFixture(t)
	one, two := f.open(t, t.TempDir()), f.open(t, t.TempDir())
	f.add(t, "N", directory.ServiceInput{Name: "New knitting circle", Description: "Knit and natter.",
		Categories: []string{"crafts"}, Locations: kmNorth(0.2)})
	for _, e := range []*search.Engine{one, two} {
		if err := e.CatchUp(context.Background()); err != nil {
			t.Fatal(err)
		}
		if got := f.shorts(t, e, near+"&q=knitting"); !reflect.DeepEqual(got, []string{"N"}) {
			t.Fatalf("engine did not see the write: %v", got)
		}
	}
}

func TestBadParametersNameTheParameter(t *testing.T) {
	for _, params := range []string{"radius_km=0", "radius_km=51", "radius_km=x", "day=funday", "time=noon",
		"free=maybe", "age=-1", "delivery=post", "accessible=lift", "limit=0", "limit=101", "offset=-1",
		"near=nowhere", "near=91,0", "category=", "colour=blue"} {
		v, _ := url.ParseQuery(params)
		_, err := search.ParseQuery(v)
		pe, ok := err.(*search.ParamError)
		if !ok || pe.Param == "" || pe.Why == "" {
			t.Errorf("%s: %v, want a ParamError", params, err)
		}
	}
}

func TestAcceptingFilterFollowsCapacity(t *testing.T) {
	f := newFixture(t)
	e := f.open(t, t.TempDir())
	if _, err := f.store.SetCapacity(admin(), f.ids["B"], directory.CapacityInput{Maximum: ptr(0)}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.Pause(admin(), f.ids["G"], directory.PauseInput{Reason: "Summer break"}); err != nil {
		t.Fatal(err)
	}
	if err := e.CatchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := f.shorts(t, e, near+"&accepting=true"); !reflect.DeepEqual(got, []string{"A", "C", "F", "E"}) {
		t.Fatalf("accepting: %v", got)
	}
	if _, err := f.store.Resume(admin(), f.ids["G"]); err != nil {
		t.Fatal(err)
	}
	e.CatchUp(context.Background())
	if got := f.shorts(t, e, near+"&accepting=true"); !reflect.DeepEqual(got, []string{"A", "G", "C", "F", "E"}) {
		t.Fatalf("after resume: %v", got)
	}
}

// A rebuild in many pages, indexed concurrently, gives the same answers as
// one in a single page, and reports its progress in order up to the total.
func TestRebuildInSmallPagesFindsTheSame(t *testing.T) {
	f := newFixture(t)
	queries := []string{near, near + "&q=gardening&radius_km=10", "q=walk", near + "&free=true&q=money"}
	whole := f.open(t, t.TempDir())
	search.SetLoadPageSize(t, 2)
	paged := f.open(t, t.TempDir())
	var reported []int
	if err := paged.Rebuild(context.Background(), func(n int) { reported = append(reported, n) }); err != nil {
		t.Fatal(err)
	}
	if !slices.IsSorted(reported) || len(reported) != 4 || reported[3] != paged.Len() {
		t.Fatalf("progress %v for %d services in pages of 2", reported, paged.Len())
	}
	for _, q := range queries {
		if got, want := f.shorts(t, paged, q), f.shorts(t, whole, q); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v in pages of 2, %v in one page", q, got, want)
		}
	}
}

// A rebuild writes a segment per page and then merges them, so an index
// built by kith reindex opens as one segment.
func TestReindexMergesItsSegments(t *testing.T) {
	f := newFixture(t)
	search.SetLoadPageSize(t, 2)
	dir := t.TempDir()
	if err := search.Reindex(context.Background(), search.Config{Dir: dir, Source: f.store}, nil); err != nil {
		t.Fatal(err)
	}
	e := f.open(t, dir)
	if n, err := search.SegmentCount(e); n != 1 || err != nil {
		t.Fatalf("%d segments (%v), want 1", n, err)
	}
	if got := f.shorts(t, e, near+"&q=gardening&radius_km=10"); !reflect.DeepEqual(got, []string{"A", "D"}) {
		t.Fatalf("after the merge: %v", got)
	}
}
