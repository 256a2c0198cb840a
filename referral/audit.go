package referral

import (
	"context"
	"time"
)

// What an audit row says was done with a person's data.
const (
	actionRead   = "read"
	actionCreate = "create"
	actionChange = "change"
	actionErase  = "erase"
)

// AuditEntry is one read or change of a person's data.
type AuditEntry struct {
	ID         int64     `db:"id" json:"id"`
	ReferralID string    `db:"referral_id" json:"referral_id"`
	ActorID    *string   `db:"actor_id" json:"actor_id"`
	ActorName  string    `db:"actor_name" json:"actor_name"`
	ActorRole  string    `db:"actor_role" json:"actor_role"`
	Action     string    `db:"action" json:"action"`
	What       string    `db:"what" json:"what"`
	Route      string    `db:"route" json:"route"`
	At         time.Time `db:"at" json:"at"`
}

type routeKey struct{}

// WithRoute returns a context naming the route a request came through, such
// as "GET /api/referrals/:id", which audit rows record as the reason for an
// access.
func WithRoute(ctx context.Context, route string) context.Context {
	return context.WithValue(ctx, routeKey{}, route)
}

func routeFrom(ctx context.Context) string {
	r, _ := ctx.Value(routeKey{}).(string)
	return r
}

// role is how the audit trail names who acted.
func (a act) role() string {
	switch {
	case a.user == nil:
		return "anonymous"
	case a.user.ID == "":
		return "system"
	}
	return string(a.user.Role)
}
