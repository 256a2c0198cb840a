package directory_test

import (
	"context"
	"fmt"
	"testing"

	"kith/directory"
	"kith/postgres/pgtest"
)

// BenchmarkUpdateService measures saving a whole listing (its row, venues,
// categories, sessions and the rest, a version and the outbox), with the
// triggers that keep its result card, and without them as the baseline
// measured in the same run.
func BenchmarkUpdateService(b *testing.B) {
	for _, cards := range []bool{true, false} {
		b.Run(fmt.Sprintf("cards=%v", cards), func(b *testing.B) {
			db := pgtest.New(b)
			s := directory.NewStore(db)
			if !cards {
				for _, table := range []string{"services", "organisations", "service_categories", "schedules", "taxonomy_terms"} {
					if _, err := db.ExecContext(context.Background(), `ALTER TABLE `+table+` DISABLE TRIGGER USER`); err != nil {
						b.Fatal(err)
					}
				}
			}
			org, _, err := s.CreateOrganisation(asAdmin(), directory.OrganisationInput{Name: "Roker Walkers",
				Description: "A community group in Sunderland.", LegalStatus: "charity"})
			if err != nil {
				b.Fatal(err)
			}
			in := walkingGroup(org.ID)
			svc, _, err := s.CreateService(asAdmin(), in)
			if err != nil {
				b.Fatal(err)
			}
			i := 0
			for b.Loop() {
				i++
				in.Name = fmt.Sprintf("Roker Park health walk %d", i)
				if _, _, err := s.UpdateService(asAdmin(), svc.ID, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
