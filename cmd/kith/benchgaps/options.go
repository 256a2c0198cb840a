package benchgaps

import (
	"flag"
	"fmt"
	"io"

	"kith/cmd/kith/benchkit"
)

// Options are the flags of `kith bench gaps`.
type Options struct {
	Referrals  int
	Services   int
	Seed       uint64
	RadiusKm   float64
	Runs       int // timed runs of each gap query after the first
	NaiveAreas int // areas the naive scan is timed over; 0 means every one
}

// Usage is the line `kith help` shows.
const Usage = "kith bench gaps [--referrals N] [--services N] [--seed N] [--radius-km R] [--runs N] [--naive-areas N]"

// ParseArgs reads the flags that follow `kith bench gaps`.
func ParseArgs(args []string, out io.Writer) (Options, error) {
	var o Options
	fs := flag.NewFlagSet("kith bench gaps", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.IntVar(&o.Referrals, "referrals", 1_000_000, "referrals to generate")
	fs.IntVar(&o.Services, "services", 100_000, "services to generate")
	fs.Uint64Var(&o.Seed, "seed", 1, "seed of the dataset")
	fs.Float64Var(&o.RadiusKm, "radius-km", 5, "how far people travel to a service")
	fs.IntVar(&o.Runs, "runs", 3, "timed runs of each gap query after the first")
	fs.IntVar(&o.NaiveAreas, "naive-areas", 0, "areas to time the naive scan over (0: all)")
	if err := benchkit.ParseFlags(fs, args); err != nil {
		return Options{}, err
	}
	return o, o.check()
}

func (o Options) check() error {
	if o.Referrals < 100 || o.Services < 10 || o.Runs < 1 || o.NaiveAreas < 0 || !(o.RadiusKm >= 0.5 && o.RadiusKm <= 50) {
		return fmt.Errorf("need --referrals ≥ 100, --services ≥ 10, --runs ≥ 1, --naive-areas ≥ 0 and --radius-km from 0.5 to 50")
	}
	return nil
}
