package referral

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/jmoiron/sqlx"

	"kith/directory"
)

// SeedDemo writes d.Count referrals (DemoReferrals by default) received
// over the twelve months before d.Now, shared among d.Teams and each as far
// along its life as its dates allow: every referral and connection status
// appears, with contacts, plans, connections (holding real places, so
// capacity stays true) and outcomes. Admins only. Everything comes from
// fixed seeds and referral ids are name-based, so a second run finds each
// referral already written and adds nothing.
func (s *Store) SeedDemo(ctx context.Context, d Demo) error {
	if u := directory.UserFrom(ctx); !u.Is(directory.RoleAdmin) {
		return denied(u)
	}
	if len(d.Teams) == 0 || len(d.Services) == 0 {
		return directory.Problems{"teams": "the demo needs at least one team and one service"}
	}
	postcodes, needs := d.weighted()
	for i := range cmp.Or(d.Count, DemoReferrals) {
		if err := s.seedReferral(ctx, d, i, postcodes, needs); err != nil {
			return fmt.Errorf("referral: demo referral %d: %w", i, err)
		}
	}
	return nil
}

// seedReferral writes demo referral i, from one of postcodes for two of
// needs, with every step of its story due by d.Now, in one transaction.
func (s *Store) seedReferral(ctx context.Context, d Demo, i int, postcodes, needs []string) error {
	r := rand.New(rand.NewPCG(uint64(i), 0x6b697468))
	team := d.Teams[i%len(d.Teams)]
	worker := ""
	if len(team.LinkWorkers) > 0 {
		worker = pick(r, team.LinkWorkers)
	}
	received := d.Now.Add(-time.Duration(r.Int64N(int64(365 * 24 * time.Hour)))).UTC()
	in := demoInput(r, received, postcodes, needs)
	if err := in.Validate(received); err != nil {
		return err
	}
	id := demoID(i)
	return s.db.Tx(ctx, func(tx *sqlx.Tx) error {
		var done bool
		if err := tx.GetContext(ctx, &done, `SELECT EXISTS (SELECT 1 FROM referrals WHERE id = $1)`, id); err != nil || done {
			return err
		}
		a := actor(worker, received)
		if err := createReferral(ctx, tx, id, in, team.ID, worker, a); err != nil {
			return err
		}
		if err := audit(ctx, tx, a, actionCreate, "demo", id); err != nil {
			return err
		}
		st, err := readState(ctx, tx, id, true)
		if err != nil {
			return err
		}
		y := &story{s: s, r: r, st: &st, at: received, now: d.Now, svcs: d.Services, needs: in.Needs}
		y.tell()
		return y.write(ctx, tx, worker)
	})
}

// write runs the steps due by the story's today, in time order.
func (y *story) write(ctx context.Context, tx *sqlx.Tx, worker string) error {
	slices.SortStableFunc(y.steps, func(a, b step) int { return a.at.Compare(b.at) })
	for _, st := range y.steps {
		if st.at.After(y.now) {
			return nil
		}
		if err := st.do(ctx, tx, actor(worker, st.at)); err != nil {
			return err
		}
	}
	return nil
}

// seedConnection writes a demo connection with the moves of life due by
// now. One that would still hold a place takes it through Reserve, like any
// other; when the service cannot take the person (full, paused, not
// assured) or they have not agreed to share their details, the demo simply
// does not connect them there.
func (s *Store) seedConnection(ctx context.Context, tx *sqlx.Tx, st state, service string, life []timedMove, a act, now time.Time) error {
	err := mayConnect(ctx, tx, st.ID, service)
	if errors.Is(err, directory.ErrConflict) {
		return nil
	}
	if err != nil {
		return err
	}
	life = slices.DeleteFunc(slices.Clone(life), func(m timedMove) bool { return m.at.After(now) })
	status := ConnectionRequested
	if len(life) == 0 || life[len(life)-1].m.Status.Holds() {
		res, err := s.dir.Reserve(ctx, tx, service, s.ready)
		if errors.Is(err, directory.ErrConflict) {
			return nil
		}
		if err != nil {
			return err
		}
		if res.Waitlisted {
			status, life = ConnectionWaitlisted, nil
		}
	}
	in := ConnectionInput{ServiceID: service, Reason: "Would like company and a reason to get out each week."}
	id, err := insertConnection(ctx, tx, st.ID, in, status, a)
	if err != nil {
		return err
	}
	for _, m := range life {
		sys := act{user: directory.SystemUser(), at: m.at.UTC(), route: a.route}
		if err := moveConnection(ctx, tx, connState{ID: id, Status: status}, m.m, sys); err != nil {
			return err
		}
		status = m.m.Status
	}
	return nil
}
