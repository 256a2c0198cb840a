package bench

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"sync"
	"time"

	"kith/cmd/kith/benchkit"
	"kith/directory"
	"kith/search"
	"kith/web"
)

// httpRun is one load run against /api/search.
type httpRun struct {
	Clients  int     // concurrent clients (closed loop); 0 for constant rate
	Offered  float64 // requests per second offered (constant rate)
	Requests int
	Errors   int
	PerSec   float64 // completed per second
	P50, P99 time.Duration
	Max      time.Duration
	ByClass  [numClasses + 1]latency // open loop: per query class, then all
	Lag      latency                 // open loop: how late the client sent requests
	LagMax   time.Duration           // open loop: the latest the client sent one
	SentLate int                     // open loop: requests the client sent more than benchkit.StallLate late
	Windows  []time.Duration         // open loop: p99 of the requests due in each window
}

// window is the span the open-loop run groups requests by, to show whether
// its tail is a stall, a drift or spread evenly.
const window = 5 * time.Second

// serveHTTP starts the real Fiber app on a loopback port.
func serveHTTP(store *directory.Store, e *search.Engine, log *slog.Logger) (string, func(), error) {
	app := web.New(web.Config{Directory: store, Search: e, Logger: log})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	go app.Listener(ln)
	stop := func() { app.ShutdownWithTimeout(5 * time.Second) }
	return "http://" + ln.Addr().String(), stop, nil
}

func newClient() *http.Client {
	return &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
}

// get fetches url and reports whether it answered 200 with a whole body.
func get(ctx context.Context, c *http.Client, url string) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return false
	}
	resp, err := c.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err == nil && resp.StatusCode == http.StatusOK
}

// recording is what a load run saw, request by request.
type recording struct {
	Took    []time.Duration
	Classes []class         // open loop: the class of each request
	Due     []time.Duration // open loop: when each request was due, into the run
	Lag     []time.Duration // open loop: how late each request was sent
	Errors  int
	Elapsed time.Duration
}

// recorder collects request outcomes from many goroutines.
type recorder struct {
	mu  sync.Mutex
	rec recording
}

func (r *recorder) add(d time.Duration, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.record(d, ok)
}

// record notes one outcome; r.mu is held.
func (r *recorder) record(d time.Duration, ok bool) {
	r.rec.Took = append(r.rec.Took, d)
	if !ok {
		r.rec.Errors++
	}
}

// addAt records a request of class c that was due at offset into the run
// and sent lag after that.
func (r *recorder) addAt(c class, offset, d, lag time.Duration, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.record(d, ok)
	r.rec.Classes = append(r.rec.Classes, c)
	r.rec.Due = append(r.rec.Due, offset)
	r.rec.Lag = append(r.rec.Lag, lag)
}

// run sums the recording up.
func (rec *recording) run() httpRun {
	l := summarise(rec.Took)
	hr := httpRun{Requests: len(rec.Took), Errors: rec.Errors, P50: l.P50, P99: l.P99}
	if len(rec.Took) > 0 {
		hr.Max = slices.Max(rec.Took)
		hr.PerSec = float64(len(rec.Took)) / rec.Elapsed.Seconds()
	}
	if len(rec.Classes) == len(rec.Took) {
		hr.ByClass = byClass(rec.Classes, rec.Took)
	}
	hr.Lag = summarise(rec.Lag)
	for _, l := range rec.Lag {
		hr.LagMax = max(hr.LagMax, l)
		if l > benchkit.StallLate {
			hr.SentLate++
		}
	}
	var windows [][]time.Duration
	for i, due := range rec.Due {
		w := int(due / window)
		for len(windows) <= w {
			windows = append(windows, nil)
		}
		windows[w] = append(windows[w], rec.Took[i])
	}
	for _, w := range windows {
		hr.Windows = append(hr.Windows, summarise(w).P99)
	}
	return hr
}

// rateSenders bounds the goroutines of the constant-rate client; a request
// that finds them all busy waits, and the wait counts in its latency.
const rateSenders = 64

// constantRate offers rate requests a second for dur, open loop: each
// request's latency runs from when it was due, not from when a sender got
// to it, so a slow server cannot hide its queue.
func constantRate(ctx context.Context, c *http.Client, base string, urls []string, classes []class, rate float64, dur time.Duration) recording {
	type job struct {
		due time.Time
		i   int
	}
	n := int(rate * dur.Seconds())
	jobs := make(chan job, n)
	rec := &recorder{}
	var wg sync.WaitGroup
	start := time.Now()
	for range rateSenders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				lag := time.Since(j.due)
				ok := get(ctx, c, base+urls[j.i%len(urls)])
				rec.addAt(classes[j.i%len(urls)], j.due.Sub(start), time.Since(j.due), lag, ok)
			}
		}()
	}
	benchkit.Pace(ctx, start, n, rate, func(i int, due time.Time) { jobs <- job{due, i} })
	close(jobs)
	wg.Wait()
	rec.rec.Elapsed = time.Since(start)
	return rec.rec
}

// closedLoop runs clients that each send their next request as soon as the
// last one answers, for dur: the most the server can do.
func closedLoop(ctx context.Context, c *http.Client, base string, urls []string, clients int, dur time.Duration) recording {
	rec := &recorder{}
	var wg sync.WaitGroup
	start := time.Now()
	stop := start.Add(dur)
	for w := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; time.Now().Before(stop); i += clients {
				t := time.Now()
				ok := get(ctx, c, base+urls[i%len(urls)])
				rec.add(time.Since(t), ok)
			}
		}()
	}
	wg.Wait()
	rec.rec.Elapsed = time.Since(start)
	return rec.rec
}
