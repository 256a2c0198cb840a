package demo

import (
	"context"
	"time"

	"kith/directory"
	"kith/referral"
)

// demoReferrals is a year of referrals, about what a busy team of link
// workers in a city receives. People in the most deprived areas are
// referred four times as often, and for casework needs twice as often as
// for others, as social prescribing services find; with casework's few
// places (see capacity.go) that is where the gap map shows its gaps.
const (
	demoReferrals = 800
	deprivedTimes = 4
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
	return store.SeedDemo(ctx, referral.Demo{Teams: demoTeams, Services: services, Now: now,
		Count: demoReferrals, Deprived: deprivedTimes, Common: casework})
}
