package insight_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"kith/directory"
	"kith/postgres"
	"kith/postgres/pgtest"
	"kith/qa"
	"kith/referral"
	"kith/referral/insight"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// start is the day the region's referrals arrive, a Monday morning.
var start = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// The small areas of the region. A and B are either side of Hendon Health
// Walks' venue (SR2 7AU), 0.69 and 0.36 km from it; C is 3.1 km away, over
// the river; H is in Harrogate, in another authority.
const (
	lsoaA      = "E01008735" // IMD decile 1
	lsoaB      = "E01008783" // IMD decile 8
	lsoaC      = "E01008709" // IMD decile 1
	sunderland = "E08000024"
	yorkshire  = "E06000065" // North Yorkshire, which Harrogate joined in 2023
)

// region is a small, fully known world: eleven referrals in Sunderland and
// one in Harrogate, services around them, and a user of every kind.
type region struct {
	db        *postgres.DB
	dir       *directory.Store
	ref       *referral.Store
	ins       *insight.Store
	now       time.Time
	admin     context.Context
	worker    context.Context
	editor    context.Context // runs Hendon Health Walks
	team      string
	orgs      map[string]string
	services  map[string]string
	areaA     []string // referrals from LSOA A
	users     map[string]context.Context
	connected []string // the two connections to Hendon Health Walks
}

func newRegion(t *testing.T) *region {
	t.Helper()
	r := &region{db: pgtest.New(t), now: start, orgs: map[string]string{}, services: map[string]string{},
		users: map[string]context.Context{}}
	clock := func() time.Time { return r.now }
	r.dir = directory.NewStore(r.db)
	assurance := qa.NewStore(r.db, r.dir, clock)
	r.ref = referral.NewStore(r.db, r.dir, assurance, clock)
	r.ins = insight.NewStore(r.db, assurance, clock)
	r.admin = directory.WithUser(context.Background(), directory.SystemUser())
	r.listings(t, assurance)
	r.people(t)
	r.referrals(t)
	r.journeys(t)
	return r
}

// listings: the first five organisations are assured for referrals by the
// QA demo, the sixth has lapsed.
func (r *region) listings(t *testing.T, assurance *qa.Store) {
	t.Helper()
	names := []string{"Hendon Health Walks", "Walk Online", "Hendon Singers", "Millfield Shed", "Roker Choir",
		"Lapsed Walkers"}
	var ids []string
	for _, name := range names {
		org, _, err := r.dir.CreateOrganisation(r.admin, directory.OrganisationInput{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		r.orgs[name] = org.ID
		ids = append(ids, org.ID)
	}
	if err := assurance.SeedDemo(r.admin, ids, start); err != nil {
		t.Fatal(err)
	}
	r.service(t, "Hendon Health Walks", "Hendon health walk", "walking", "SR2 7AU", nil, 4)
	r.service(t, "Walk Online", "Virtual walking club", "walking", "", []string{"online"}, 1)
	r.service(t, "Hendon Singers", "Hendon singing for wellbeing", "singing", "SR2 7BP", nil, 100)
	r.service(t, "Lapsed Walkers", "Lapsed walk", "walking", "SR2 7BP", nil, 100)
}

func (r *region) service(t *testing.T, org, name, category, postcode string, delivery []string, places int) {
	t.Helper()
	in := directory.ServiceInput{OrganisationID: r.orgs[org], Name: name, Description: "A friendly weekly group.",
		Categories: []string{category}, DeliveryModes: delivery}
	if postcode != "" {
		in.Locations = []directory.Location{{Name: name + " meeting point", Postcode: postcode}}
	}
	svc, _, err := r.dir.CreateService(r.admin, in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.dir.SetCapacity(r.admin, svc.ID, directory.CapacityInput{Maximum: &places}); err != nil {
		t.Fatal(err)
	}
	r.services[name] = svc.ID
}

func (r *region) people(t *testing.T) {
	t.Helper()
	team, err := r.dir.CreateTeam(r.admin, directory.TeamInput{Name: "Sunderland East PCN", AreaCode: sunderland})
	if err != nil {
		t.Fatal(err)
	}
	r.team = team.ID
	r.worker = r.user(t, "worker", directory.UserInput{Role: directory.RoleLinkWorker, TeamID: team.ID, Name: "Gemma Robson"})
	r.editor = r.user(t, "editor", directory.UserInput{Role: directory.RoleVCSEEditor, OrganisationID: r.orgs["Hendon Health Walks"]})
	r.user(t, "sunderland", directory.UserInput{Role: directory.RoleCommissioner, AreaCode: sunderland})
	r.user(t, "yorkshire", directory.UserInput{Role: directory.RoleCommissioner, AreaCode: yorkshire})
	r.user(t, "england", directory.UserInput{Role: directory.RoleCommissioner})
	r.user(t, "reviewer", directory.UserInput{Role: directory.RoleQAReviewer})
}

func (r *region) user(t *testing.T, who string, in directory.UserInput) context.Context {
	t.Helper()
	in.Email, in.Password = who+"@kith.example", "correct horse battery"
	u, err := r.dir.CreateUser(r.admin, in)
	if err != nil {
		t.Fatal(err)
	}
	r.users[who] = directory.WithUser(context.Background(), &u)
	return r.users[who]
}

// referrals: six from GP practices in A (four people born 1951, two in
// 1990), three from a pharmacy in B (born 2000), two from housing in C
// (born 1940) and one from the police in Harrogate.
func (r *region) referrals(t *testing.T) {
	t.Helper()
	for k := range 6 {
		dob := "1951-06-14"
		if k >= 4 {
			dob = "1990-01-15"
		}
		r.areaA = append(r.areaA, r.refer(t, "SR2 7BP", lsoaA, "gp_practice", dob, "walking", "loneliness"))
	}
	for range 3 {
		r.refer(t, "SR2 7SF", lsoaB, "pharmacy", "2000-05-05", "walking")
	}
	for range 2 {
		r.refer(t, "SR5 1EJ", lsoaC, "housing", "1940-01-01", "walking")
	}
	r.refer(t, "HG1 2BA", "E01027640", "police", "1960-02-02", "walking")
}

func (r *region) refer(t *testing.T, postcode, lsoa, source, dob string, needs ...string) string {
	t.Helper()
	in := referral.ReferralInput{
		Person: referral.PersonInput{Name: "Jean Robson", DateOfBirth: dob, NHSNumber: "943 476 5919",
			Postcode: postcode, Phone: "07700 900123", Address: "12 Tunstall Road, Sunderland"},
		Source: source, Referrer: referral.Referrer{Name: "Dr Amira Patel", Organisation: "Hendon Medical Practice"},
		Needs:   needs,
		Reason:  "Lives alone since her husband died; low mood; keen to get out.",
		Consent: referral.ConsentInput{Referral: true, ShareGP: true, ShareServices: true},
	}
	got, _, err := r.ref.CreateReferral(r.worker, in, "")
	if err != nil {
		t.Fatal(err)
	}
	if got.Person.LSOA != lsoa {
		t.Fatalf("%s is in %s, the test expects %s", postcode, got.Person.LSOA, lsoa)
	}
	return got.ID
}

// journeys: five of A's referrals accepted, the sixth declined; the five
// reached after 1 to 5 days and seen 1 to 5 times; two connected to
// Hendon Health Walks, which accepts one and turns the other away for want
// of room; an unmet need; wellbeing measured before and after.
func (r *region) journeys(t *testing.T) {
	t.Helper()
	must(t, r.move(r.areaA[5], referral.Move{Status: referral.StatusDeclined, Reason: "person_declined"}))
	for k, id := range r.areaA[:5] {
		must(t, r.move(id, referral.Move{Status: referral.StatusAccepted}))
		r.now = start.Add(time.Duration(k+1) * 24 * time.Hour)
		for range k + 1 {
			_, err := r.ref.AddContact(r.worker, id, referral.ContactInput{Kind: "phone", DurationMinutes: 20,
				Notes: "Talked about the allotment."})
			must(t, err)
		}
	}
	r.connectTwo(t)
	_, err := r.ref.RecordUnmetNeed(r.worker, r.areaA[2], referral.UnmetNeedInput{Need: "walking",
		Notes: "Nothing within a bus ride; she does not drive."})
	must(t, err)
	for k, id := range r.areaA[:5] {
		r.wellbeing(t, id, k+1)
	}
}

func (r *region) move(id string, m referral.Move) error {
	_, err := r.ref.Move(r.worker, id, m)
	return err
}

func (r *region) connectTwo(t *testing.T) {
	t.Helper()
	for _, id := range r.areaA[:2] {
		c, _, err := r.ref.Connect(r.worker, id, referral.ConnectionInput{ServiceID: r.services["Hendon health walk"],
			Reason: "Wants company on walks."}, "")
		must(t, err)
		r.connected = append(r.connected, c.ID)
	}
	_, err := r.ref.MoveConnection(r.editor, r.connected[0], referral.ConnectionMove{Status: referral.ConnectionAccepted})
	must(t, err)
	_, err = r.ref.MoveConnection(r.editor, r.connected[1], referral.ConnectionMove{Status: referral.ConnectionRejected,
		Reason: "no_capacity"})
	must(t, err)
}

// wellbeing records ONS4 (5, 6, 7, 8 then 6, 6, 8, 6) and SWEMWBS (every
// item 3, then lift points higher) for referral id.
func (r *region) wellbeing(t *testing.T, id string, lift int) {
	t.Helper()
	items := []string{"optimistic", "useful", "relaxed", "dealing_with_problems", "thinking_clearly",
		"close_to_others", "own_mind"}
	before, after := map[string]int{}, map[string]int{}
	for i, item := range items {
		before[item], after[item] = 3, 3
		if i < lift {
			after[item] = 4
		}
	}
	for _, o := range []struct {
		measure, stage string
		items          map[string]int
	}{
		{"ons4", "baseline", map[string]int{"life_satisfaction": 5, "worthwhile": 6, "happy": 7, "anxious": 8}},
		{"ons4", "follow_up", map[string]int{"life_satisfaction": 6, "worthwhile": 6, "happy": 8, "anxious": 6}},
		{"swemwbs", "baseline", before}, {"swemwbs", "follow_up", after},
	} {
		_, err := r.ref.RecordOutcome(r.worker, id, o.measure, o.stage, referral.OutcomeInput{Items: o.items})
		must(t, err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// query parses raw as a request would arrive, as of the region's now.
func (r *region) query(t *testing.T, gaps bool, raw string) insight.Query {
	t.Helper()
	v, err := url.ParseQuery(raw)
	must(t, err)
	parse := insight.ParseReportQuery
	if gaps {
		parse = insight.ParseGapQuery
	}
	q, err := parse(v, "", r.now)
	must(t, err)
	return q
}
