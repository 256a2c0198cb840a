package web

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

// jobs runs the admin's long actions (rebuilding the search index,
// importing a file) in the background, one of each kind at a time, and
// keeps the latest of each kind so its page can show progress and, once it
// ends, the outcome. The state lives in this process only: a restart
// forgets it, and behind a load balancer each server has its own
// (docs/ADMIN.md).
type jobs struct {
	mu     sync.Mutex
	latest map[string]*job
}

// job is one run of a long action.
type job struct {
	mu          sync.Mutex
	what, by    string
	started     time.Time
	finished    time.Time
	done, total int
	failure     string
	result      any // what the page shows once it has ended well
}

// jobTimeout bounds a job: a stuck import must not hold the slot for ever.
const jobTimeout = 2 * time.Hour

// errJobRunning refuses a second job of a kind while one runs.
var errJobRunning = directory.Errorf(directory.ErrConflict, "one is already running; wait for it to finish")

// start runs fn in the background as the request's user, beyond the
// request's own deadline. fn reports progress through the job it is given.
func (s *server) startJob(c *fiber.Ctx, kind, what string, fn func(ctx context.Context, j *job) (any, error)) error {
	u := directory.UserFrom(c.UserContext())
	r := &s.jobs
	r.mu.Lock()
	if j := r.latest[kind]; j != nil && j.running() {
		r.mu.Unlock()
		return errJobRunning
	}
	j := &job{what: what, by: u.Email, started: s.now()}
	if r.latest == nil {
		r.latest = map[string]*job{}
	}
	r.latest[kind] = j
	r.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.WithoutCancel(c.UserContext()), jobTimeout)
	go func() {
		defer cancel()
		result, err := s.runJob(ctx, j, fn)
		if err != nil {
			s.log.Error("background job failed", "kind", kind, "what", what, "by", u.Email, "err", err)
		}
		j.finish(s.now(), result, err)
	}()
	return nil
}

// runJob runs fn, turning a panic into a failure rather than the end of
// the process.
func (s *server) runJob(ctx context.Context, j *job, fn func(ctx context.Context, j *job) (any, error)) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("panic in background job", "panic", r, "stack", string(debug.Stack()))
			err = fmt.Errorf("it stopped unexpectedly: %v", r)
		}
	}()
	return fn(ctx, j)
}

// progress records that done of total steps are complete.
func (j *job) progress(done, total int) {
	j.mu.Lock()
	j.done, j.total = done, total
	j.mu.Unlock()
}

func (j *job) running() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.finished.IsZero()
}

func (j *job) finish(at time.Time, result any, err error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.finished, j.result = at, result
	if err != nil {
		j.failure = sentence(err.Error())
	}
}

// jobView is a job as pages show it; nil when none has run here.
type jobView struct {
	What, By          string
	Started, Finished time.Time
	Done, Total       int
	Percent           int
	Running           bool
	Failure           string
	Result            any
}

// latestJob returns the latest job of kind as it stands now.
func (s *server) latestJob(kind string) *jobView {
	s.jobs.mu.Lock()
	j := s.jobs.latest[kind]
	s.jobs.mu.Unlock()
	if j == nil {
		return nil
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	v := &jobView{What: j.what, By: j.by, Started: j.started, Finished: j.finished, Done: j.done, Total: j.total,
		Running: j.finished.IsZero(), Failure: j.failure, Result: j.result}
	if j.total > 0 {
		v.Percent = min(100, 100*j.done/j.total)
	}
	if !v.Running && v.Failure == "" {
		v.Percent = 100
	}
	return v
}
