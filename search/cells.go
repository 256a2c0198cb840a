package search

import (
	"kith/geo"
)

// cellTerms are the cells of the squares around center, the finest size
// that needs at most maxCellTerms, and remote (remote services are
// everywhere).
func cellTerms(center geo.Point, km float64) []string {
	b := geo.BoundKm(center, km)
	size := cellSizes[len(cellSizes)-1]
	for _, s := range cellSizes {
		if geo.CountCellsCovering(b, s) <= maxCellTerms {
			size = s
			break
		}
	}
	terms := []string{remoteCell}
	for _, c := range geo.CellsCovering(b, size) {
		terms = append(terms, cellTerm(c, size))
	}
	return terms
}
