package benchref

import (
	"bytes"
	"context"
	"regexp"
	"testing"
	"time"

	"kith/postgres/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// A tiny run keeps the benchmark from rotting: both phases place people and
// nothing is oversold.
func TestRunSmall(t *testing.T) {
	db := pgtest.New(t)
	var out bytes.Buffer
	opts := Options{Clients: 4, Services: 3, Duration: 700 * time.Millisecond, Referrals: 60}
	if err := Run(context.Background(), db, opts, &out); err != nil {
		t.Fatal(err)
	}
	t.Log(out.String())
	row := regexp.MustCompile(`(?m)^(spread over services|one service)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+\S+\s+\S+\s+(\d+)$`)
	rows := row.FindAllStringSubmatch(out.String(), -1)
	if len(rows) != 2 {
		t.Fatalf("report has %d phase rows:\n%s", len(rows), out.String())
	}
	for _, r := range rows {
		if r[3] == "0" || r[5] != "0" || r[6] != "0" {
			t.Errorf("%s: placed %s, other %s, oversold %s", r[1], r[3], r[5], r[6])
		}
	}
}
