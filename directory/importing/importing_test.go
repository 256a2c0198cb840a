package importing_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"kith/directory"
	"kith/directory/importing"
	"kith/directory/oruk"
	"kith/postgres/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func mapperFor(t *testing.T, dir *directory.Store, source string) oruk.Mapper {
	t.Helper()
	terms, err := dir.Terms(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	m, err := importing.NewMapper(terms, source, nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// A feed read through the package gives the figures the admin page shows:
// counts by outcome, refusals in the order of the feed, unmapped terms, and
// progress that ends at the last record.
func TestReadFeedSummary(t *testing.T) {
	dir := directory.NewStore(pgtest.New(t))
	data, err := os.ReadFile("../oruk/testdata/oruk1_feed.json")
	if err != nil {
		t.Fatal(err)
	}
	admin := directory.WithUser(context.Background(), directory.SystemUser())
	sum := importing.NewSummary()
	var done, total int
	err = importing.ReadFeed(admin, importing.NewFileFeed("oruk1_feed.json", data), mapperFor(t, dir, "oruk1"),
		importing.New(dir, sum, importing.FieldReason), func(d, n int) { done, total = d, n })
	if err != nil {
		t.Fatal(err)
	}
	if done != 10 || total != 10 || sum.Records() != 10 {
		t.Errorf("progress %d/%d, %d records; want 10/10 and 10", done, total, sum.Records())
	}
	if sum.What != "ORUK 1.0 feed oruk1_feed.json" || sum.Services[directory.ImportCreated] != 4 ||
		sum.Organisations[directory.ImportCreated] != 3 {
		t.Errorf("summary %q %v %v", sum.What, sum.Services, sum.Organisations)
	}
	rejected := sum.Rejected()
	if len(rejected) != 6 || !strings.HasPrefix(rejected[0], "record 4 ") || !strings.HasPrefix(rejected[5], "record 9 ") {
		t.Errorf("rejected %q", rejected)
	}
	if !sum.NeedsPostcodes() || !strings.Contains(strings.Join(sum.Unmapped(), ","), `"Woodworking" (1)`) {
		t.Errorf("unmapped %q, needs postcodes %v", sum.Unmapped(), sum.NeedsPostcodes())
	}
}

// Only an admin may import: the writes are refused for anyone else, each
// record is rejected with the reason, and nothing is written.
func TestWriteSheetNeedsAnAdmin(t *testing.T) {
	db := pgtest.New(t)
	dir := directory.NewStore(db)
	editor := directory.WithUser(context.Background(), &directory.User{Email: "ed@example.org", Role: directory.RoleVCSEEditor})
	sheet, err := mapperFor(t, dir, "csv:groups").ReadCSV(strings.NewReader(
		"organisation,name,postcode,sessions\nRoker Walkers,Beach walk,SR6 9AA,Sat 09:00-10:00\nRoker Walkers,,SR6 9AA,\n"))
	if err != nil {
		t.Fatal(err)
	}
	sum := importing.NewSummary()
	if err := importing.WriteSheet(editor, sheet, importing.New(dir, sum, importing.ColumnReason), func(int, int) {}); err != nil {
		t.Fatal(err)
	}
	got := sum.Rejected()
	if len(got) != 2 || got[0] != "line 2: organisation not allowed" || !strings.HasPrefix(got[1], "line 3") {
		t.Errorf("rejected %q", got)
	}
	var n int
	if err := db.GetContext(context.Background(), &n, `SELECT count(*) FROM services`); err != nil || n != 0 {
		t.Errorf("%d services written by a VCSE editor (%v)", n, err)
	}
}
