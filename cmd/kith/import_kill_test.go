package main

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// killedRows is how many rows the spreadsheet of the kill test has; the
// import is killed once it has written a third of them.
const killedRows = 120

// spreadsheet writes a valid sheet of n services from n/6 organisations.
func spreadsheet(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("service_ref,organisation,name,description,categories,postcode,sessions,phone,contact_name\n")
	postcodes := []string{"SR6 9AA", "SR6 8AA", "SR2 8AA", "SR1 1RS"}
	days := []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	for i := range n {
		fmt.Fprintf(&b, "group-%03d,Community Association %d,Group %d,\"A friendly group, number %d.\",walking;loneliness,%s,%s 10:00-11:30,0191 555 %04d,Volunteer %d\n",
			i, i%(n/6), i, i, postcodes[i%len(postcodes)], days[i%len(days)], i, i)
	}
	path := filepath.Join(t.TempDir(), "groups.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// importDrop names the columns that differ between two imports of the same
// data: times, the outbox's sequence, and the ids PostgreSQL picks at
// random for versions and venue links.
func importDrop(table string) []string {
	drop := []string{"created_at", "updated_at", "imported_at", "reviewed_at", "seq"}
	if table == "listing_versions" || table == "service_at_location" {
		drop = append(drop, "id")
	}
	return drop
}

// asKith is set in a child's environment to make this test binary run as
// kith (see TestMain), so a test can kill a real kith process.
const asKith = "KITH_TEST_AS_KITH"

// kithCommand is kith with args and env as a process of its own.
func kithCommand(env map[string]string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), asKith+"=1")
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	return cmd
}

// startKith starts kith with args and returns its output as it comes.
func startKith(t *testing.T, env map[string]string, args ...string) (*exec.Cmd, io.Reader) {
	t.Helper()
	cmd := kithCommand(env, args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, out
}

var progressed = regexp.MustCompile(`importing \[[= ]*\] (\d+)/`)

// killAfter reads the progress bar and SIGKILLs the import once it has
// written n records, returning how many it had reported.
func killAfter(t *testing.T, cmd *exec.Cmd, out io.Reader, n int) int {
	t.Helper()
	r := bufio.NewReader(out)
	var seen []byte
	for {
		chunk, err := r.ReadBytes('\r')
		seen = append(seen, chunk...)
		if m := progressed.FindSubmatch(chunk); m != nil {
			if done, _ := strconv.Atoi(string(m[1])); done >= n {
				if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
					t.Fatal(err)
				}
				cmd.Wait()
				return done
			}
		}
		if err != nil {
			t.Fatalf("the import ended before it could be killed: %v\n%s", err, seen)
		}
	}
}

// TestImportKilledAndRerun SIGKILLs `kith import csv` part-way and checks
// that every listing it left is whole (its rows, source record, terms,
// versions and outbox entries as a clean import writes them), then that
// re-running the import leaves the database as one clean import does.
func TestImportKilledAndRerun(t *testing.T) {
	path := spreadsheet(t, killedRows)
	clean, killed := newKithDB(t), newKithDB(t)
	clean.mustKith(t, "import", "csv", path)

	cmd, out := startKith(t, map[string]string{"DATABASE_URL": killed.env("DATABASE_URL"), "KITH_LOG_LEVEL": "warn"},
		"import", "csv", path)
	reported := killAfter(t, cmd, out, killedRows/3)
	present := killed.count(t, `SELECT count(*) FROM services`)
	if present == 0 || present >= killedRows {
		t.Fatalf("%d of %d services after the kill: the kill was not mid-import", present, killedRows)
	}
	checkWhole(t, clean, killed)

	again := killed.mustKith(t, "import", "csv", path)
	wantLines(t, again, fmt.Sprintf("services       created %d, updated 0, unchanged %d, rejected 0", killedRows-present, present))
	want, got := contents(t, clean.db, importDrop), contents(t, killed.db, importDrop)
	for table := range want {
		if got[table] != want[table] {
			t.Errorf("%s after the re-run: %s, a clean import %s", table, got[table], want[table])
		}
	}
	t.Logf("killed after %d records reported, %d services written; the re-run created the other %d, duplicated none", reported, present, killedRows-present)
}

// checkWhole compares every organisation and service the killed import
// left, row for row in each table that refers to it, with the clean
// import's: a half-written one differs somewhere, if only by a missing row.
func checkWhole(t *testing.T, clean, killed kithDB) {
	t.Helper()
	// Not the outbox: a listing's write also queues the other listings at
	// its venues, so theirs depend on how far the import got.
	byEntity := map[string]string{"services": "id", "organisations": "id", "import_records": "entity_id",
		"listing_versions": "entity_id", "organisation_identifiers": "organisation_id"}
	for _, table := range tables(t, killed.db, "service_id") {
		byEntity[table] = "service_id"
	}
	left := digest(t, killed.db, "services", "id")
	maps.Copy(left, digest(t, killed.db, "organisations", "id"))
	for table, key := range byEntity {
		want, got := digest(t, clean.db, table, key, importDrop(table)...), digest(t, killed.db, table, key, importDrop(table)...)
		for id := range left {
			if got[id] != want[id] {
				t.Errorf("%s rows of %s: %q after the kill, %q in a clean import", table, id, got[id], want[id])
			}
		}
	}
}
