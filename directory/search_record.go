package directory

import (
	"time"

	"kith/geo"
)

// SearchRecord is one service flattened for the search index: the text people
// search for and the facts they filter on. Only listings the public may find
// (published and active) have one.
type SearchRecord struct {
	ServiceID     string
	OrgID         string
	Name          string
	Description   string
	Organisation  string
	Categories    []string // codes with every ancestor, so a parent matches its children
	CategoryNames []string
	Venues        []SearchVenue
	Sessions      []SearchSession
	Free          bool
	MinAge        *int
	MaxAge        *int
	Delivery      []string
	UpdatedAt     time.Time
	Capacity      Capacity // zero when the service has set none
}

// SearchVenue is a place a service meets, with what the place offers.
type SearchVenue struct {
	LocationID    string
	Point         geo.Point
	Accessibility []string
}

// SearchSession is a recurring meeting time.
type SearchSession struct {
	Freq     string   // WEEKLY or MONTHLY
	ByDay    []string // TU, or 1TU / -1FR for monthly
	OpensAt  string   // HH:MM
	ClosesAt string
}

// OutboxEntry is one change search must apply.
type OutboxEntry struct {
	Seq      int64  `db:"seq"`
	Entity   string `db:"entity"`
	EntityID string `db:"entity_id"`
}
