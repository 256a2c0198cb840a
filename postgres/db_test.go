package postgres_test

import (
	"sync"
	"testing"

	"kith/postgres/pgtest"
)

// A burst leaves its connections open for the next one: closing them would
// cost a new backend, its authentication and its prepared statements each.
func TestPoolKeepsTheConnectionsABurstOpened(t *testing.T) {
	db := pgtest.New(t)
	const burst = 24
	var wg sync.WaitGroup
	for range burst {
		wg.Go(func() {
			if _, err := db.Exec(`SELECT pg_sleep($1)`, 0.2); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if st := db.Stats(); st.OpenConnections != burst || st.Idle != burst {
		t.Fatalf("after a burst of %d: %d open, %d idle", burst, st.OpenConnections, st.Idle)
	}
}
