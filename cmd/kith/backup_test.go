package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"kith/directory"
	"kith/migrations"
	"kith/postgres"
	"kith/postgres/pgtest"
	"kith/referral"
	"kith/search"
)

// demoLike fills k with a region in small: an imported directory, an
// assured organisation, users with sessions, referrals with their people,
// consents and audit rows, and a connection holding a place.
func demoLike(t *testing.T, k kithDB) {
	t.Helper()
	k.mustKith(t, "import", "csv", spreadsheet(t, 30))
	r := newRegion(t, k, 5)
	ten := 10
	svc, _, err := r.dir.CreateService(r.adminCtx, directory.ServiceInput{OrganisationID: r.org, Name: "Roker Park health walk",
		Description: "A gentle walk.", Locations: []directory.Location{{Name: "Bandstand", Postcode: "SR6 9AA"}}})
	must(t, err)
	_, err = r.dir.SetCapacity(r.adminCtx, svc.ID, directory.CapacityInput{Maximum: &ten})
	must(t, err)
	_, _, err = r.ref.Connect(r.workerCtx, r.referrals[0], referral.ConnectionInput{ServiceID: svc.ID, Reason: "Walks"}, "")
	must(t, err)
}

// emptyDB is a new database with nothing in it, and kith's environment
// for it.
func emptyDB(t *testing.T) (*postgres.DB, func(string) string) {
	t.Helper()
	_, dsn := pgtest.NewEmpty(t)
	db, err := postgres.Open(context.Background(), dsn)
	must(t, err)
	t.Cleanup(func() { db.Close() })
	return db, envOf(map[string]string{"DATABASE_URL": dsn, "KITH_LOG_LEVEL": "warn"})
}

func kithIn(t *testing.T, env func(string) string, args ...string) (string, error) {
	t.Helper()
	var out strings.Builder
	err := run(t.Context(), args, env, strings.NewReader(""), &out)
	return out.String(), err
}

// TestBackupAndRestore backs a database with demo-like data up, restores it
// into an empty database and finds every table's rows and every sequence
// the same; a second restore is refused unless forced, and a damaged
// backup restores nothing at all.
func TestBackupAndRestore(t *testing.T) {
	src := newKithDB(t)
	demoLike(t, src)
	path := filepath.Join(t.TempDir(), "kith.backup")
	t.Log(strings.TrimSpace(src.mustKith(t, "backup", path)))

	dst, env := emptyDB(t)
	out, err := kithIn(t, env, "restore", path)
	if err != nil {
		t.Fatalf("restore: %v\n%s", err, out)
	}
	want := snapshotOf(t, src)
	checkRestored(t, dst, want)
	if applied, err := migrations.Apply(context.Background(), dst.DB.DB); err != nil || len(applied) != 0 {
		t.Fatalf("the restored schema lacks migrations %v (%v)", applied, err)
	}

	out, err = kithIn(t, env, "restore", path)
	if !errorMentions(err, "not empty", "--force") {
		t.Fatalf("restore into a database with data: %v\n%s", err, out)
	}
	t.Logf("a second restore: %v", err)
	if out, err := kithIn(t, env, "restore", "--force", path); err != nil {
		t.Fatalf("forced restore: %v\n%s", err, out)
	}
	checkRestored(t, dst, want)

	checkFailedRestores(t, path, dst, env)
}

// checkFailedRestores shows that a restore that fails writes nothing: a
// truncated backup into an empty database, and a forced restore over dst
// that fails part-way because a table outside the backup depends on one
// inside it, which cannot then be dropped.
func checkFailedRestores(t *testing.T, path string, dst *postgres.DB, env func(string) string) {
	t.Helper()
	whole, err := os.ReadFile(path)
	must(t, err)
	truncated := filepath.Join(t.TempDir(), "truncated.backup")
	must(t, os.WriteFile(truncated, whole[:len(whole)*2/3], 0o600))
	other, otherEnv := emptyDB(t)
	out, err := kithIn(t, otherEnv, "restore", truncated)
	if n := len(tables(t, other, "")); err == nil || n != 0 {
		t.Fatalf("a truncated backup: %v, %d tables left\n%s", err, n, out)
	}
	t.Logf("a truncated backup: %v", err)

	_, err = dst.Exec(`CREATE TABLE local_notes (service_id uuid REFERENCES services)`)
	must(t, err)
	before := contents(t, dst, noColumns)
	out, err = kithIn(t, env, "restore", "--force", path)
	if err == nil || !reflect.DeepEqual(contents(t, dst, noColumns), before) {
		t.Fatalf("a forced restore that failed part-way: %v, and it changed the database\n%s", err, out)
	}
	t.Logf("a forced restore that failed part-way: %v", err)
}

func noColumns(string) []string { return nil }

func errorMentions(err error, words ...string) bool {
	if err == nil {
		return false
	}
	for _, w := range words {
		if !strings.Contains(err.Error(), w) {
			return false
		}
	}
	return true
}

// backedUp is what a database held when it was backed up.
type backedUp struct {
	tables, sequences map[string]string
	head              int // the newest outbox entry
}

func snapshotOf(t *testing.T, k kithDB) backedUp {
	t.Helper()
	return backedUp{tables: contents(t, k.db, noColumns), sequences: sequences(t, k.db),
		head: k.count(t, `SELECT COALESCE(max(seq), 0) FROM outbox`)}
}

// checkRestored compares db with what was backed up: every table and
// sequence the same, but for the outbox, which AfterRestore moves on by
// 2^40 with one rebuild request for the search indexes.
func checkRestored(t *testing.T, db *postgres.DB, want backedUp) {
	t.Helper()
	got := contents(t, db, noColumns)
	filled := 0
	for table, d := range want.tables {
		if d != "" {
			filled++
		}
		if got[table] != d && table != "outbox" {
			t.Errorf("%s: restored %q, backed up %q", table, got[table], d)
		}
	}
	if len(got) != len(want.tables) {
		t.Errorf("restored %d tables, backed up %d", len(got), len(want.tables))
	}
	var marker []string
	must(t, db.Select(&marker, `SELECT entity || ' at +' || (seq - $1) FROM outbox WHERE seq > $1`, want.head))
	if fmt.Sprint(marker) != fmt.Sprintf("[reindex at +%d]", 1<<40+1) {
		t.Errorf("outbox entries after the backup's: %v, want one rebuild request 2^40 on", marker)
	}
	before := fmt.Sprintf("(SELECT * FROM outbox WHERE seq <= %d)", want.head)
	if outbox := digestFrom(t, db, before, "")[""]; outbox != want.tables["outbox"] {
		t.Errorf("outbox up to the backup: restored %q, backed up %q", outbox, want.tables["outbox"])
	}
	for name, v := range sequences(t, db) {
		if v != want.sequences[name] && name != "outbox_seq_seq" {
			t.Errorf("sequence %s: restored %s, backed up %s", name, v, want.sequences[name])
		}
	}
	t.Logf("%d tables (%d with rows) and %d sequences the same", len(want.tables), filled, len(want.sequences))
}

// TestRestoreMakesIndexesRebuild follows a database past the moment of its
// backup with a search index, then restores the backup: the index must not
// be trusted on the restored database, whose rebuilt index lacks the
// listing written after the backup.
func TestRestoreMakesIndexesRebuild(t *testing.T) {
	src := newKithDB(t)
	src.mustKith(t, "import", "csv", spreadsheet(t, 12))
	path := filepath.Join(t.TempDir(), "kith.backup")
	src.mustKith(t, "backup", path)
	admin := directory.WithUser(context.Background(), directory.SystemUser())
	org, _, err := src.dir.CreateOrganisation(admin, directory.OrganisationInput{Name: "Late Starters"})
	must(t, err)
	_, _, err = src.dir.CreateService(admin, directory.ServiceInput{OrganisationID: org.ID, Name: "Quillwork circle",
		Description: "Written after the backup.", Locations: []directory.Location{{Name: "Hall", Postcode: "SR2 8AA"}}})
	must(t, err)
	index := filepath.Join(t.TempDir(), "index")
	must(t, search.Reindex(context.Background(), search.Config{Dir: index, Source: src.dir}, nil))

	dst, env := emptyDB(t)
	if out, err := kithIn(t, env, "restore", path); err != nil {
		t.Fatalf("restore: %v\n%s", err, out)
	}
	restored := directory.NewStore(dst)
	e, err := search.Open(context.Background(), search.Config{Dir: index, Source: restored})
	must(t, err)
	defer e.Close()
	if e.Ready(context.Background()) == nil {
		t.Fatal("an index that followed the database past its backup was trusted after the restore")
	}
	must(t, e.Rebuild(context.Background(), nil))
	for q, want := range map[string]int{"quillwork": 0, "friendly": 12} {
		res, err := e.Search(context.Background(), search.Query{Text: q, Limit: 20})
		if err != nil || res.Total != want {
			t.Errorf("%q on the restored database: %d found (%v), want %d", q, res.Total, err, want)
		}
	}
}
