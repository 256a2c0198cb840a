package postgres_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"kith/postgres"
	"kith/postgres/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// oneConn is a test database whose pool holds one connection, so every
// query meets the same statement cache.
func oneConn(t *testing.T) *postgres.DB {
	t.Helper()
	db := pgtest.New(t)
	db.SetMaxOpenConns(1)
	return db
}

// prepared lists the statements the connection holds prepared.
func prepared(t *testing.T, db *postgres.DB) []string {
	t.Helper()
	var out []string
	if err := db.Select(&out, `SELECT statement FROM pg_prepared_statements ORDER BY prepare_time`); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestQueriesWithParametersArePreparedOnce(t *testing.T) {
	db := oneConn(t)
	const q = `SELECT $1::int + 1`
	for i := range 3 {
		var n int
		if err := db.Get(&n, q, i); err != nil || n != i+1 {
			t.Fatalf("%s with %d: %d, %v", q, i, n, err)
		}
	}
	if _, err := db.Exec(`UPDATE pg_class SET relname = relname WHERE false AND oid = $1`, 0); err != nil {
		t.Fatal(err)
	}
	if got := prepared(t, db); len(got) != 2 || got[0] != q {
		t.Fatalf("prepared statements %q, want the query and the update once each", got)
	}
	var mode string
	if err := db.Get(&mode, `SHOW plan_cache_mode`); err != nil || mode != "force_custom_plan" {
		t.Fatalf("plan_cache_mode %q, %v", mode, err)
	}
}

func TestLeastRecentlyUsedStatementsAreClosed(t *testing.T) {
	db := oneConn(t)
	query := func(i int) string { return fmt.Sprintf("SELECT $1::int + %d", i) }
	for i := range postgres.MaxStatements + 10 {
		var n int
		if err := db.Get(&n, query(i), 0); err != nil {
			t.Fatal(err)
		}
		if i == 20 { // keep the first statement in use
			if err := db.Get(&n, query(0), 0); err != nil {
				t.Fatal(err)
			}
		}
	}
	got := prepared(t, db)
	if len(got) != postgres.MaxStatements || !slices.Contains(got, query(0)) || slices.Contains(got, query(1)) ||
		!slices.Contains(got, query(postgres.MaxStatements+9)) {
		t.Fatalf("%d statements prepared, want %d with the recently used ones", len(got), postgres.MaxStatements)
	}
}

// A migration that changes a query's columns makes its prepared statement
// fail once; the next use prepares it afresh.
func TestStatementStaleAfterMigrationIsPreparedAfresh(t *testing.T) {
	db := oneConn(t)
	db.MustExec(`CREATE TABLE cached (id int)`)
	const q = `SELECT * FROM cached WHERE id = $1`
	if _, err := db.Exec(q, 1); err != nil {
		t.Fatal(err)
	}
	db.MustExec(`ALTER TABLE cached ADD COLUMN name text`)
	if _, err := db.Exec(q, 1); err == nil || !strings.Contains(err.Error(), "cached plan must not change result type") {
		t.Fatalf("first use after the change: %v", err)
	}
	rows, err := db.Queryx(q, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if cols, _ := rows.Columns(); len(cols) != 2 {
		t.Fatalf("columns %v after preparing afresh", cols)
	}
}

// Prepared statements belong to the session, not the transaction, so a
// rolled-back transaction leaves them usable.
func TestStatementsSurviveRollback(t *testing.T) {
	db := oneConn(t)
	const q = `SELECT 10 / $1::int`
	tx := db.MustBegin()
	var n int
	if err := tx.Get(&n, q, 0); err == nil {
		t.Fatal("division by zero succeeded")
	}
	tx.Rollback()
	if err := db.Get(&n, q, 5); err != nil || n != 2 {
		t.Fatalf("after rollback: %d, %v", n, err)
	}
	if got := prepared(t, db); len(got) != 1 {
		t.Fatalf("prepared %q", got)
	}
}

// The main pool plans every execution afresh; the lookups pool plans a
// statement, whose plan cannot depend on its values, once.
func TestOnlyLookupsReuseGenericPlans(t *testing.T) {
	db := oneConn(t)
	db.Lookups().SetMaxOpenConns(1)
	const q = `SELECT relname FROM pg_class WHERE oid = $1`
	for name, pool := range map[string]*sqlx.DB{"main": db.DB, "lookups": db.Lookups()} {
		for range 10 {
			var rel string
			if err := pool.Get(&rel, q, 1259); err != nil || rel != "pg_class" {
				t.Fatalf("%s: %q, %v", name, rel, err)
			}
		}
		var generic, custom int
		err := pool.QueryRow(`SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = '`+q+`'`).
			Scan(&generic, &custom)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if wantGeneric := name == "lookups"; (generic == 10) != wantGeneric || generic+custom != 10 {
			t.Errorf("%s: %d generic and %d custom plans over 10 executions", name, generic, custom)
		}
	}
}

// KeyTx lets its own statements reuse generic plans, and only its own.
func TestKeyTxAllowsGenericPlansWithinIt(t *testing.T) {
	db := oneConn(t)
	modes := func(run func(func(*sqlx.Tx) error) error) (inside string) {
		if err := run(func(tx *sqlx.Tx) error { return tx.Get(&inside, `SHOW plan_cache_mode`) }); err != nil {
			t.Fatal(err)
		}
		return inside
	}
	if got := modes(func(fn func(*sqlx.Tx) error) error { return db.KeyTx(t.Context(), fn) }); got != "auto" {
		t.Errorf("inside KeyTx: %s", got)
	}
	if got := modes(func(fn func(*sqlx.Tx) error) error { return db.Tx(t.Context(), fn) }); got != "force_custom_plan" {
		t.Errorf("inside Tx after a KeyTx on the same connection: %s", got)
	}
}
