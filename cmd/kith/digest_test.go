package main

import (
	"context"
	"fmt"
	"testing"

	"github.com/lib/pq"

	"kith/postgres"
)

// digest returns, for each value of key in table (one entry, "", when key
// is ""), how many rows have it and an MD5 of them as JSON in a fixed
// order, without the columns in drop.
func digest(t *testing.T, db *postgres.DB, table, key string, drop ...string) map[string]string {
	t.Helper()
	return digestFrom(t, db, pq.QuoteIdentifier(table), key, drop...)
}

// digestFrom is digest of an SQL FROM item, such as a subquery.
func digestFrom(t *testing.T, db *postgres.DB, from, key string, drop ...string) map[string]string {
	t.Helper()
	k := "''"
	if key != "" {
		k = pq.QuoteIdentifier(key) + "::text"
	}
	q := fmt.Sprintf(`SELECT k, count(*) || ' rows ' || md5(string_agg(r, E'\n' ORDER BY r))
FROM (SELECT %s AS k, (to_jsonb(t) - $1::text[])::text AS r FROM %s t) x GROUP BY k`, k, from)
	return pairs(t, db, q, pq.Array(append([]string{}, drop...)))
}

// pairs runs q, whose rows are two strings, into a map from the first.
func pairs(t *testing.T, db *postgres.DB, q string, args ...any) map[string]string {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			t.Fatal(err)
		}
		out[k] = v
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// tables lists the database's own tables, or those with column when it is
// not "".
func tables(t *testing.T, db *postgres.DB, column string) []string {
	t.Helper()
	const q = `
SELECT c.table_name FROM information_schema.columns c
JOIN information_schema.tables t USING (table_schema, table_name)
WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND ($1 = '' OR c.column_name = $1)
GROUP BY c.table_name ORDER BY c.table_name`
	var names []string
	if err := db.SelectContext(context.Background(), &names, q, column); err != nil {
		t.Fatal(err)
	}
	return names
}

// contents digests every table of db whole, without the columns drop
// names for it.
func contents(t *testing.T, db *postgres.DB, drop func(table string) []string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, table := range tables(t, db, "") {
		out[table] = digest(t, db, table, "", drop(table)...)[""]
	}
	return out
}

// sequences gives every sequence's last value, or "unused".
func sequences(t *testing.T, db *postgres.DB) map[string]string {
	t.Helper()
	return pairs(t, db, `SELECT sequencename, coalesce(last_value::text, 'unused') FROM pg_sequences WHERE schemaname = 'public'`)
}
