package benchload

import (
	"flag"
	"fmt"
	"io"
	"time"

	"kith/cmd/kith/benchkit"
)

// Options are the flags of `kith bench load`.
type Options struct {
	URL      string        // a running server; "" starts one in this process
	PID      int           // the running server's process, for its memory; 0 with URL: not read
	Duration time.Duration // how long the mix is driven, after the warm-up
	Clients  int           // concurrent clients (closed loop) or senders (open loop)
	Rate     float64       // requests per second offered, open loop; 0: closed loop
	Seed     uint64        // fixes each client's sequence of choices
	Profile  string        // directory for CPU and heap profiles of the run (in process)
}

// Usage is the line `kith help` shows.
const Usage = "kith bench load [--url URL [--pid PID]] [--duration 60s] [--clients N] [--rate R] [--seed N] [--profile DIR]"

// ParseArgs reads the flags that follow `kith bench load`.
func ParseArgs(args []string, out io.Writer) (Options, error) {
	var o Options
	fs := flag.NewFlagSet("kith bench load", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&o.URL, "url", "", "base URL of a running Kith server loaded with the demo region (default: start one in this process)")
	fs.IntVar(&o.PID, "pid", 0, "process id of the server at --url, to sample its memory")
	fs.DurationVar(&o.Duration, "duration", 60*time.Second, "how long to drive the mix")
	fs.IntVar(&o.Clients, "clients", 32, "concurrent clients (closed loop), or senders (open loop)")
	fs.Float64Var(&o.Rate, "rate", 500, "requests per second to offer, open loop; 0: closed loop, each client as fast as it can")
	fs.Uint64Var(&o.Seed, "seed", 1, "seed of the clients' choices")
	fs.StringVar(&o.Profile, "profile", "", "write CPU and heap profiles of the run to this directory (in-process server only)")
	if err := benchkit.ParseFlags(fs, args); err != nil {
		return Options{}, err
	}
	return o, o.check()
}

func (o Options) check() error {
	switch {
	case o.Duration <= 0:
		return fmt.Errorf("--duration must be above zero")
	case o.Clients < 1 || o.Clients > 1000:
		return fmt.Errorf("--clients must be from 1 to 1000")
	case o.Rate < 0:
		return fmt.Errorf("--rate must not be negative")
	case o.PID != 0 && o.URL == "":
		return fmt.Errorf("--pid goes with --url: the in-process server's memory is read directly")
	case o.Profile != "" && o.URL != "":
		return fmt.Errorf("--profile needs the in-process server")
	}
	return nil
}
