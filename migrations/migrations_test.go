package migrations_test

import (
	"context"
	"sync"
	"testing"

	"kith/migrations"
	"kith/postgres/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func TestApplyTwiceIsNoOp(t *testing.T) {
	db, _ := pgtest.NewEmpty(t)
	ctx := context.Background()
	all, err := migrations.All()
	if err != nil {
		t.Fatal(err)
	}
	first, err := migrations.Apply(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != len(all) {
		t.Fatalf("first Apply ran %d files, want %d", len(first), len(all))
	}
	second, err := migrations.Apply(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if len(second) != 0 {
		t.Fatalf("second Apply ran %v, want nothing", second)
	}
	var terms int
	if err := db.QueryRow(`SELECT count(*) FROM taxonomy_terms`).Scan(&terms); err != nil {
		t.Fatal(err)
	}
	if terms < 40 {
		t.Fatalf("seeded %d taxonomy terms, want the whole vocabulary", terms)
	}
}

// Several processes starting at once must migrate exactly once.
func TestConcurrentApplyMigratesOnce(t *testing.T) {
	db, _ := pgtest.NewEmpty(t)
	all, _ := migrations.All()
	const starters = 6
	var wg sync.WaitGroup
	ran := make([][]string, starters)
	errs := make([]error, starters)
	for i := range starters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ran[i], errs[i] = migrations.Apply(context.Background(), db)
		}()
	}
	wg.Wait()
	total := 0
	for i := range starters {
		if errs[i] != nil {
			t.Fatalf("starter %d: %v", i, errs[i])
		}
		total += len(ran[i])
	}
	if total != len(all) {
		t.Fatalf("files applied across starters = %d, want %d (once each)", total, len(all))
	}
	var rows int
	db.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&rows)
	if rows != len(all) {
		t.Fatalf("schema_migrations has %d rows, want %d", rows, len(all))
	}
}

func TestFilesAreNumberedInSequence(t *testing.T) {
	all, err := migrations.All()
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range all {
		if m.Version != i+1 {
			t.Fatalf("%s has version %d, want %d", m.Name, m.Version, i+1)
		}
	}
}
