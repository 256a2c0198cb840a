package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"
)

// The HTTP load comes from a process of its own, as a server's clients
// would. Run inside the bench's process, the client's goroutines shared the
// server's Go scheduler: a request due while both cores were serving others
// was sent late, and the open loop rightly counts from when it was due, so
// the wait for the client's own turn counted as the server's latency. Both
// processes still share the machine's two cores. Measured in one session:
// p99 9.9 ms with the client inside, 8.3 ms from its own process, p50 2.8
// ms either way.

// loadJob is one HTTP measurement, as the bench hands it to the client.
type loadJob struct {
	Base    string
	URLs    []string
	Classes []class
	Rate    float64 // open loop: requests a second
	Clients int     // closed loop: clients, when Rate is 0
	For     time.Duration
	// WarmUp is how long an open loop first sends the second half of URLs
	// at Rate, untimed, over the same connections: a server in service
	// answers clients whose connections and runtime are warm. Warmed up
	// from a process of its own, the timed run started with a cold client:
	// the p99 of its first 5 s was 10.2 and 14.8 ms against 7.5 to 10.2
	// ms for the rest.
	WarmUp time.Duration
}

// ServeLoad runs the loadJob in the file at jobPath and writes its
// recording to out, as JSON: the whole work of the client process.
func ServeLoad(ctx context.Context, jobPath string, out io.Writer) error {
	b, err := os.ReadFile(jobPath)
	if err != nil {
		return err
	}
	var job loadJob
	if err := json.Unmarshal(b, &job); err != nil {
		return fmt.Errorf("load job %s: %w", jobPath, err)
	}
	c := newClient()
	var rec recording
	if job.Rate > 0 {
		half := len(job.URLs) / 2
		constantRate(ctx, c, job.Base, job.URLs[half:], job.Classes[half:], job.Rate, job.WarmUp)
		rec = constantRate(ctx, c, job.Base, job.URLs, job.Classes, job.Rate, job.For)
	} else {
		rec = closedLoop(ctx, c, job.Base, job.URLs, job.Clients, job.For)
	}
	return json.NewEncoder(out).Encode(rec)
}

// load has the client process run job and sums up what it saw.
func (r *runner) load(job loadJob) (httpRun, error) {
	f, err := os.CreateTemp("", "kith-bench-load-*.json")
	if err != nil {
		return httpRun{}, err
	}
	defer os.Remove(f.Name())
	err = json.NewEncoder(f).Encode(job)
	if err := errors.Join(err, f.Close()); err != nil {
		return httpRun{}, err
	}
	var stdout, stderr bytes.Buffer
	cmd := r.env.LoadClient(r.ctx, f.Name())
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return httpRun{}, fmt.Errorf("load client: %w: %s", err, stderr.Bytes())
	}
	var rec recording
	if err := json.Unmarshal(stdout.Bytes(), &rec); err != nil {
		return httpRun{}, fmt.Errorf("load client's answer: %w", err)
	}
	hr := rec.run()
	hr.Offered, hr.Clients = job.Rate, job.Clients
	return hr, nil
}

// LoadClientOf is the Env.LoadClient of a program that runs ServeLoad when
// started with args and the job's path after them.
func LoadClientOf(program string, args ...string) func(context.Context, string) *exec.Cmd {
	return func(ctx context.Context, jobPath string) *exec.Cmd {
		return exec.CommandContext(ctx, program, append(args, jobPath)...)
	}
}
