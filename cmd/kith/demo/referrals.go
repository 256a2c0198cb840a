package demo

import (
	"context"
	"time"

	"kith/directory"
	"kith/referral"
)

// writeReferrals gives the teams a year of referrals at every stage, shared
// among their demo link workers, connected to the region's listings.
func writeReferrals(ctx context.Context, store *referral.Store, r *region, ls []*login, now time.Time) error {
	var demoTeams []referral.DemoTeam
	for _, t := range teams {
		id := newID("team", t.key)
		dt := referral.DemoTeam{ID: id}
		for _, l := range ls {
			if l.in.Role == directory.RoleLinkWorker && l.in.TeamID == id {
				dt.LinkWorkers = append(dt.LinkWorkers, l.user.ID)
			}
		}
		demoTeams = append(demoTeams, dt)
	}
	var services []string
	for _, s := range r.services() {
		services = append(services, s.id)
	}
	return store.SeedDemo(ctx, referral.Demo{Teams: demoTeams, Services: services, Now: now})
}
