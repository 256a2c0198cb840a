package demo

import (
	"bytes"
	"context"
	"maps"
	"strings"
	"testing"
	"time"

	"kith/directory"
	"kith/postgres"
	"kith/postgres/pgtest"
	"kith/qa"
	"kith/referral"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// tables are every table the demo writes to; a second load must leave each
// one exactly as the first left it.
var tables = []string{
	"organisations", "organisation_identifiers", "services", "locations", "service_at_location",
	"schedules", "phones", "contacts", "cost_options", "service_categories", "service_areas",
	"teams", "users", "listing_versions", "outbox", "service_capacity", "referrals", "connections", "unmet_needs",
}

func countRows(t *testing.T, db *postgres.DB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range tables {
		var n int
		if err := db.Get(&n, `SELECT count(*) FROM `+table); err != nil {
			t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

func TestLoad(t *testing.T) {
	db := pgtest.New(t)
	store := directory.NewStore(db)
	qaStore := qa.NewStore(db, store, time.Now)
	stores := Stores{Directory: store, QA: qaStore, Referrals: referral.NewStore(db, store, qaStore, time.Now)}
	ctx := context.Background()

	var out bytes.Buffer
	start := time.Now()
	sum, err := Load(ctx, stores, &out)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first load took %s: %+v\n%s", time.Since(start), sum, out.String())
	first := countRows(t, db)

	t.Run("size", func(t *testing.T) { checkSize(t, sum, first) })
	t.Run("every taxonomy code", func(t *testing.T) { checkCodesUsed(t, db) })
	t.Run("in-person listings are on the map", func(t *testing.T) { checkPlaced(t, db) })
	t.Run("some listings are not running", func(t *testing.T) { checkStatuses(t, db) })
	t.Run("logins work", func(t *testing.T) { checkLogins(t, store, out.String()) })
	t.Run("moderation queue", func(t *testing.T) { checkQueue(t, store) })

	out.Reset()
	start = time.Now()
	again, err := Load(ctx, stores, &out)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("second load took %s\n%s", time.Since(start), out.String())
	if again != sum {
		t.Errorf("second load summary %+v, first %+v", again, sum)
	}
	if second := countRows(t, db); !maps.Equal(first, second) {
		t.Errorf("second load changed row counts:\nfirst  %v\nsecond %v", first, second)
	}
}

func checkSize(t *testing.T, sum Summary, rows map[string]int) {
	if sum.Organisations < 300 || sum.Services < 1000 || sum.Teams < 5 || sum.Users != 7 {
		t.Errorf("summary %+v, want at least 300 organisations, 1000 services, 5 teams, 7 users", sum)
	}
	if rows["organisations"] != sum.Organisations || rows["services"] != sum.Services {
		t.Errorf("database has %d organisations and %d services, summary says %d and %d",
			rows["organisations"], rows["services"], sum.Organisations, sum.Services)
	}
	for _, table := range tables {
		if rows[table] == 0 {
			t.Errorf("%s is empty", table)
		}
	}
}

func checkCodesUsed(t *testing.T, db *postgres.DB) {
	var unused []string
	const q = `SELECT t.code FROM taxonomy_terms t
WHERE NOT EXISTS (SELECT 1 FROM service_categories sc WHERE sc.term_id = t.id) ORDER BY t.code`
	if err := db.Select(&unused, q); err != nil {
		t.Fatal(err)
	}
	if len(unused) > 0 {
		t.Errorf("no listing is filed under %v", unused)
	}
}

func checkPlaced(t *testing.T, db *postgres.DB) {
	var unplaced []string
	const q = `SELECT s.name FROM services s
WHERE 'in_person' = ANY (s.delivery_modes) AND NOT EXISTS (
    SELECT 1 FROM service_at_location sal JOIN locations l ON l.id = sal.location_id
    WHERE sal.service_id = s.id AND l.lat IS NOT NULL AND l.lon IS NOT NULL)`
	if err := db.Select(&unplaced, q); err != nil {
		t.Fatal(err)
	}
	if len(unplaced) > 0 {
		t.Errorf("%d in-person listings have no located venue, e.g. %q", len(unplaced), unplaced[0])
	}
	var outside int
	const box = `SELECT count(*) FROM locations WHERE NOT (lat BETWEEN 54.70 AND 55.00 AND lon BETWEEN -1.55 AND -1.30)`
	if err := db.Get(&outside, box); err != nil || outside > 0 {
		t.Errorf("%d locations fall outside Sunderland and East Durham (%v)", outside, err)
	}
}

func checkStatuses(t *testing.T, db *postgres.DB) {
	var rows []struct {
		Status string `db:"status"`
		N      int    `db:"n"`
	}
	if err := db.Select(&rows, `SELECT status, count(*) AS n FROM services GROUP BY status`); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, r := range rows {
		got[r.Status] = r.N
	}
	for _, s := range directory.ServiceStatuses {
		if got[s] < 3 {
			t.Errorf("%d listings are %q, want a few: %v", got[s], s, got)
		}
	}
}

func checkLogins(t *testing.T, store *directory.Store, printed string) {
	want := map[string]directory.Role{
		"admin@kith.example": directory.RoleAdmin, "qa@kith.example": directory.RoleQAReviewer,
		"linkworker@kith.example": directory.RoleLinkWorker, "linkworker2@kith.example": directory.RoleLinkWorker,
		"vcse@kith.example": directory.RoleVCSEEditor, "vcse2@kith.example": directory.RoleVCSEEditor,
		"commissioner@kith.example": directory.RoleCommissioner,
	}
	for email, role := range want {
		_, u, err := store.Login(context.Background(), email, Password)
		if err != nil {
			t.Errorf("%s cannot log in: %v", email, err)
			continue
		}
		if u.Role != role || !strings.Contains(printed, email) {
			t.Errorf("%s: role %s (want %s), printed: %v", email, u.Role, role, strings.Contains(printed, email))
		}
		if role == directory.RoleCommissioner && u.AreaCode != sunderland {
			t.Errorf("commissioner's area is %q", u.AreaCode)
		}
	}
	if !strings.Contains(printed, Password) {
		t.Error("the password is not printed")
	}
}

func checkQueue(t *testing.T, store *directory.Store) {
	ctx := directory.WithUser(context.Background(), directory.SystemUser())
	pending, _, err := store.PendingVersions(ctx, 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 2 {
		t.Errorf("%d versions await moderation, want the demo's edit and its new listing", len(pending))
	}
}
