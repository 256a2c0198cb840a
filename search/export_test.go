package search

import "testing"

// SetLoadPageSize makes rebuilds read and index n services at a time until
// the test ends, so a small fixture spans several pages.
func SetLoadPageSize(t testing.TB, n int) {
	old := loadPageSize
	loadPageSize = n
	t.Cleanup(func() { loadPageSize = old })
}
