package bench

import (
	"flag"
	"fmt"
	"io"
	"time"

	"kith/cmd/kith/benchkit"
)

// Options are the flags of `kith bench search`.
type Options struct {
	Services    int
	Queries     int
	Seed        uint64
	HTTPSeconds float64
	ProfileDir  string // CPU profiles of the Kith phases go here when set
}

// Usage is the one line `kith help` shows.
const Usage = "kith bench search [--services N] [--queries N] [--seed N] [--http-seconds S] [--profile DIR]"

// ParseArgs reads the flags that follow `kith bench search`.
func ParseArgs(args []string, out io.Writer) (Options, error) {
	o := Options{}
	fs := flag.NewFlagSet("kith bench search", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.IntVar(&o.Services, "services", 100_000, "services to generate")
	fs.IntVar(&o.Queries, "queries", 2000, "queries in the fixed mix")
	fs.Uint64Var(&o.Seed, "seed", 1, "seed of the dataset and the queries")
	fs.Float64Var(&o.HTTPSeconds, "http-seconds", 20, "seconds of constant-rate load on /api/search")
	fs.StringVar(&o.ProfileDir, "profile", "", "write CPU profiles of the Kith phases to this directory")
	if err := benchkit.ParseFlags(fs, args); err != nil {
		return Options{}, err
	}
	if o.Services < 100 || o.Queries < 10 || !(o.HTTPSeconds > 0) {
		return Options{}, fmt.Errorf("need --services ≥ 100, --queries ≥ 10 and --http-seconds > 0")
	}
	return o, nil
}

// httpDuration is the constant-rate run; the closed-loop run takes half.
func (o Options) httpDuration() time.Duration {
	return time.Duration(o.HTTPSeconds * float64(time.Second))
}
