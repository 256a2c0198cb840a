package main

import (
	"context"
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
	want, wantSeq := contents(t, src.db, noColumns), sequences(t, src.db)
	checkSame(t, dst, want, wantSeq)
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
	checkSame(t, dst, want, wantSeq)

	damaged := filepath.Join(t.TempDir(), "damaged.backup")
	whole, err := os.ReadFile(path)
	must(t, err)
	for i := len(whole) * 2 / 3; i < len(whole)*2/3+64; i++ {
		whole[i] ^= 0xff // table data, past the table of contents
	}
	must(t, os.WriteFile(damaged, whole, 0o600))
	other, otherEnv := emptyDB(t)
	out, err = kithIn(t, otherEnv, "restore", damaged)
	if err == nil {
		t.Fatalf("a damaged backup restored:\n%s", out)
	}
	t.Logf("a damaged backup: %v", err)
	if n := len(tables(t, other, "")); n != 0 {
		t.Fatalf("a failed restore left %d tables behind", n)
	}
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

// checkSame compares db's tables and sequences with want and wantSeq.
func checkSame(t *testing.T, db *postgres.DB, want, wantSeq map[string]string) {
	t.Helper()
	if got := contents(t, db, noColumns); !reflect.DeepEqual(got, want) {
		for table := range want {
			if got[table] != want[table] {
				t.Errorf("%s: restored %q, backed up %q", table, got[table], want[table])
			}
		}
		t.Fatalf("restored tables %d, backed up %d", len(got), len(want))
	}
	if got := sequences(t, db); !reflect.DeepEqual(got, wantSeq) {
		t.Fatalf("sequences restored %v, backed up %v", got, wantSeq)
	}
	filled := 0
	for _, d := range want {
		if d != "" {
			filled++
		}
	}
	t.Logf("%d tables (%d with rows) and %d sequences the same", len(want), filled, len(wantSeq))
}
