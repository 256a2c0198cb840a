// Package demo loads a realistic, reproducible demo region: community groups,
// charities, faith groups and council services around Sunderland and East
// Durham, placed at real postcodes, with link-worker teams and a login for
// every role. Everything is generated from a fixed seed and written with
// name-based ids, so loading twice leaves one copy.
package demo

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"kith/directory"
	"kith/qa"
	"kith/referral"
)

// Summary counts what Load wrote: the organisations, listings (including
// the one draft awaiting moderation), teams and logins of the demo region,
// whether this run created them or found them already there.
type Summary struct {
	Organisations, Services, Teams, Users int
}

// report is what the printed summary adds to Summary: how much this run
// actually changed, and how long it took.
type report struct {
	orgsChanged, servicesChanged, draft int
	queue                               string
	capacities                          int
	logins                              []*login
	took                                time.Duration
}

// Stores are what the demo writes through, so it takes the same paths (and
// checks) as people do.
type Stores struct {
	Directory *directory.Store
	QA        *qa.Store
	Referrals *referral.Store
}

// Load writes the demo region through the stores, acting as
// directory.SystemUser() for admin writes, and prints a short summary plus
// the demo logins (email, role, password, and for whom) to out.
func Load(ctx context.Context, st Stores, out io.Writer) (Summary, error) {
	start := time.Now()
	store := st.Directory
	r, err := buildRegion()
	if err != nil {
		return Summary{}, err
	}
	ctx = directory.WithUser(ctx, directory.SystemUser())
	var rep report
	if rep.orgsChanged, err = writeOrgs(ctx, store, r.orgs); err != nil {
		return Summary{}, err
	}
	if rep.servicesChanged, err = writeServices(ctx, store, r.orgs); err != nil {
		return Summary{}, err
	}
	if err := writeTeams(ctx, store); err != nil {
		return Summary{}, fmt.Errorf("demo: teams: %w", err)
	}
	rep.logins = logins(r)
	if err := writeUsers(ctx, store, rep.logins); err != nil {
		return Summary{}, fmt.Errorf("demo: users: %w", err)
	}
	if rep.draft, rep.queue, err = moderation(ctx, store, r, rep.logins); err != nil {
		return Summary{}, fmt.Errorf("demo: moderation: %w", err)
	}
	if rep.capacities, err = writeCapacity(ctx, store, r.services(), start); err != nil {
		return Summary{}, err
	}
	if err := st.QA.SeedDemo(ctx, orgIDs(r.orgs), start); err != nil {
		return Summary{}, fmt.Errorf("demo: quality assurance: %w", err)
	}
	if err := writeReferrals(ctx, st.Referrals, r, rep.logins, start); err != nil {
		return Summary{}, fmt.Errorf("demo: referrals: %w", err)
	}
	sum := Summary{Organisations: len(r.orgs), Services: len(r.services()) + 1, Teams: len(teams), Users: len(rep.logins)}
	rep.took = time.Since(start)
	return sum, printReport(out, sum, rep)
}

func printReport(out io.Writer, sum Summary, rep report) error {
	created := 0
	for _, l := range rep.logins {
		if l.created {
			created++
		}
	}
	fmt.Fprintf(out, "Loaded the Sunderland and East Durham demo region in %s:\n", rep.took.Round(100*time.Millisecond))
	fmt.Fprintf(out, "  %d organisations (%d new or changed)\n", sum.Organisations, rep.orgsChanged)
	fmt.Fprintf(out, "  %d services (%d new or changed)\n", sum.Services, rep.servicesChanged+rep.draft)
	fmt.Fprintf(out, "  capacity set on %d services this run; quality assurance in every state\n", rep.capacities)
	fmt.Fprintf(out, "  %d referrals over the last twelve months, at every stage\n", demoReferrals)
	fmt.Fprintf(out, "  %d link-worker teams, %d logins (%d new)\n", sum.Teams, sum.Users, created)
	fmt.Fprintf(out, "  for moderation: %s\n\n", rep.queue)
	fmt.Fprintln(out, "Demo logins:")
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "  EMAIL\tROLE\tPASSWORD\tNAME\tFOR")
	for _, l := range rep.logins {
		fmt.Fprintf(w, "  %s\t%s\t%s\t%s\t%s\n", l.in.Email, l.in.Role, Password, l.in.Name, l.forWhom)
	}
	return w.Flush()
}

func orgIDs(orgs []*org) []string {
	ids := make([]string, len(orgs))
	for i, o := range orgs {
		ids[i] = o.id
	}
	return ids
}
