package benchref

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/google/uuid"

	"kith/directory"
	"kith/postgres"
	"kith/qa"
	"kith/referral"
)

// spreadMaximum is each spread service's places, so the spread phase fills
// them and exercises refusals as well as reservations.
const spreadMaximum = 30

func setUp(ctx context.Context, db *postgres.DB, opts Options) (*fixture, error) {
	dir := directory.NewStore(db)
	assurance := qa.NewStore(db, dir, time.Now)
	f := &fixture{db: db, dir: dir, ref: referral.NewStore(db, dir, assurance, time.Now),
		admin: directory.WithUser(ctx, directory.SystemUser())}
	org, _, err := dir.CreateOrganisation(f.admin, directory.OrganisationInput{Name: "Bench Community Trust", LegalStatus: "charity"})
	if err != nil {
		return nil, err
	}
	if err := assurance.SeedDemo(f.admin, []string{org.ID}, time.Now()); err != nil {
		return nil, fmt.Errorf("benchref: assure: %w", err)
	}
	if err := f.addServices(org.ID, opts.Services); err != nil {
		return nil, err
	}
	team, err := dir.CreateTeam(f.admin, directory.TeamInput{Name: "Bench PCN"})
	if err != nil {
		return nil, err
	}
	return f, f.addReferrals(team.ID, opts)
}

func (f *fixture) addServices(org string, n int) error {
	for i := 0; i <= n; i++ {
		in := directory.ServiceInput{OrganisationID: org, Name: fmt.Sprintf("Bench group %d", i),
			Description: "A weekly group for the referral benchmark.", Categories: []string{"social-groups"},
			Locations: []directory.Location{{Name: "Hall", Postcode: "SR1 1RS"}}}
		svc, _, err := f.dir.CreateService(f.admin, in)
		if err != nil {
			return err
		}
		maximum := spreadMaximum
		if i == n {
			maximum, f.hot = 100_000, svc.ID
		} else {
			f.services = append(f.services, svc.ID)
		}
		if _, err := f.dir.SetCapacity(f.admin, svc.ID, directory.CapacityInput{Maximum: &maximum}); err != nil {
			return err
		}
	}
	return nil
}

// addReferrals creates accepted referrals with consent to share with
// services, on a few goroutines.
func (f *fixture) addReferrals(team string, opts Options) error {
	ids := make([]string, opts.Referrals)
	errs := make(chan error, opts.Clients)
	var wg sync.WaitGroup
	for w := range opts.Clients {
		wg.Go(func() {
			for i := w; i < len(ids); i += opts.Clients {
				id, err := f.addReferral(team, i)
				if err != nil {
					errs <- err
					return
				}
				ids[i] = id
			}
		})
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return fmt.Errorf("benchref: referrals: %w", err)
	}
	f.referrals = ids
	return nil
}

func (f *fixture) addReferral(team string, i int) (string, error) {
	in := referral.ReferralInput{
		Person:   referral.PersonInput{Name: fmt.Sprintf("Bench Person %d", i), DateOfBirth: "1950-06-01", Postcode: "SR1 1RS", Phone: "0191 498 0000"},
		Source:   "gp_practice",
		Referrer: referral.Referrer{Name: "Dr Bench", Organisation: "Bench Surgery"},
		Needs:    []string{"loneliness"},
		Consent:  referral.ConsentInput{Referral: true, ShareServices: true},
		TeamID:   team,
	}
	r, _, err := f.ref.CreateReferral(f.admin, in, uuid.NewString())
	if err != nil {
		return "", err
	}
	_, err = f.ref.Move(f.admin, r.ID, referral.Move{Status: referral.StatusAccepted})
	return r.ID, err
}
