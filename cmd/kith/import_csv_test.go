package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kith/directory/oruk"
)

func TestImportTemplateSpreadsheetTwice(t *testing.T) {
	k := newKithDB(t)
	path := filepath.Join(t.TempDir(), "groups.csv")
	if err := os.WriteFile(path, oruk.Template(), 0o600); err != nil {
		t.Fatal(err)
	}
	out := k.mustKith(t, "import", "csv", path)
	wantLines(t, out, "imported spreadsheet groups.csv: 2 records", "services       created 2, updated 0, unchanged 0, rejected 0",
		"organisations  created 2")
	if n := k.count(t, `SELECT count(*) FROM locations WHERE lat IS NOT NULL`); n != 2 {
		t.Errorf("%d venues placed from their postcodes, want 2", n)
	}
	if n := k.count(t, `SELECT count(*) FROM contacts`); n != 1 {
		t.Errorf("%d contacts, want Jean", n)
	}
	again := k.mustKith(t, "import", "csv", path)
	wantLines(t, again, "services       created 0, updated 0, unchanged 2, rejected 0")
}

func TestImportSpreadsheetReportsByLineAndColumn(t *testing.T) {
	k := newKithDB(t)
	path := filepath.Join(t.TempDir(), "messy.csv")
	sheet := "organisation,name,postcode,sessions,email,delivery,min_age,max_age\n" +
		"Roker Walkers,Beach walk,SR6 9AA,Sat 09:00-10:00,,,,\n" +
		"Roker Walkers,Tyne walk,NE1 6EE,Sun 10:00-11:00,,,,\n" +
		"Roker Walkers,Cliff walk,SR6 9AA,Tuesdays,,,,\n" +
		"Roker Walkers,Sea swim,SR6 8AA,,swim at roker,,,\n" +
		"Roker Walkers,Rock pools,SR6 8AA,,,snorkel,9,5\n"
	if err := os.WriteFile(path, []byte(sheet), 0o600); err != nil {
		t.Fatal(err)
	}
	out := k.mustKith(t, "import", "csv", path)
	wantLines(t, out, "services       created 1, updated 0, unchanged 0, rejected 4",
		"line 3: postcode: was not found",
		`line 4: sessions: "Tuesdays"`,
		"line 5: email: must be an email address",
		"line 6: delivery: must be one of", "; max_age: must not be below min_age")
	if strings.Index(out, "line 3:") > strings.Index(out, "line 4:") {
		t.Errorf("rejections are not in line order:\n%s", out)
	}
}

// Every column of the layout is explained in docs/IMPORT.md.
func TestImportDocsExplainEveryColumn(t *testing.T) {
	doc, err := os.ReadFile("../../docs/IMPORT.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range oruk.Columns {
		if !strings.Contains(string(doc), "| `"+c+"` |") {
			t.Errorf("docs/IMPORT.md does not explain column %s", c)
		}
	}
}
