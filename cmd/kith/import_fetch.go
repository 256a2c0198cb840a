package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"kith/directory/oruk"
)

// userAgent tells a feed's publisher who is reading, as polite crawlers do.
const userAgent = "Kith/1 (Open Referral UK importer for a social prescribing directory)"

// maxDocument bounds one response: no page of services is this large, and a
// server sending more is not sending a feed.
const maxDocument = 64 << 20

// fetcher asks a feed's server for one thing at a time, with a pause between
// requests, a deadline on each, and a few patient retries when the server
// says it is busy.
type fetcher struct {
	client *http.Client
	delay  time.Duration
	last   time.Time
}

func newFetcher(delay, timeout time.Duration) *fetcher {
	return &fetcher{client: &http.Client{Timeout: timeout}, delay: delay}
}

// retries is how many times a busy or failing server is asked again.
const retries = 3

func (f *fetcher) get(ctx context.Context, u string) ([]byte, error) {
	for attempt := 0; ; attempt++ {
		if err := f.pause(ctx, f.delay); err != nil {
			return nil, err
		}
		body, status, wait, err := f.once(ctx, u)
		switch {
		case err != nil:
			return nil, err
		case (status == http.StatusTooManyRequests || status >= 500) && attempt < retries:
			if err := f.pause(ctx, max(wait, f.delay*time.Duration(2<<attempt))); err != nil {
				return nil, err
			}
		case status != http.StatusOK:
			return nil, fmt.Errorf("GET %s: %d %s", u, status, http.StatusText(status))
		default:
			return body, nil
		}
	}
}

// pause waits until d has passed since the last request.
func (f *fetcher) pause(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(time.Until(f.last.Add(d))):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// once makes one request and returns the body, the status and how long the
// server asked us to wait (Retry-After, in seconds).
func (f *fetcher) once(ctx context.Context, u string) ([]byte, int, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, 0, 0, err
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "application/json")
	resp, err := f.client.Do(req)
	f.last = time.Now()
	if err != nil {
		return nil, 0, 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxDocument+1))
	if err == nil && len(body) > maxDocument {
		err = fmt.Errorf("GET %s: the response is larger than %d MiB", u, maxDocument>>20)
	}
	secs, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
	return body, resp.StatusCode, min(time.Duration(secs)*time.Second, time.Minute), err
}

// urlFeed pages through a feed's /services, then fetches the full record of
// each service a page gives only in summary.
type urlFeed struct {
	fetch    *fetcher
	services *url.URL
	page     int
	done     bool
	first    string // the first id of the page before, to notice a server that ignores ?page
}

func (u *urlFeed) Name() string { return u.services.String() }

// Next fetches the next page. It stops after the page the feed calls last,
// after total_pages, at an empty page, or when a page repeats the one
// before, which is how a server that ignores ?page answers.
func (u *urlFeed) Next(ctx context.Context) (oruk.Page, bool, error) {
	if u.done {
		return oruk.Page{}, false, nil
	}
	q := u.services.Query()
	q.Set("page", strconv.Itoa(u.page))
	if q.Get("per_page") == "" {
		q.Set("per_page", "100")
	}
	pageURL := *u.services
	pageURL.RawQuery = q.Encode()
	body, err := u.fetch.get(ctx, pageURL.String())
	if err != nil {
		return oruk.Page{}, false, err
	}
	p, err := oruk.ReadPage(body)
	if err != nil {
		return oruk.Page{}, false, fmt.Errorf("%s: %w", pageURL.String(), err)
	}
	if len(p.Items) == 0 || (u.page > 1 && p.Items[0].ID() == u.first) {
		return oruk.Page{}, false, nil
	}
	u.first = p.Items[0].ID()
	u.done = p.Last || (p.TotalPages > 0 && u.page >= p.TotalPages)
	u.page++
	return p, true, nil
}

func (u *urlFeed) Full(ctx context.Context, it oruk.Item) (oruk.Item, error) {
	if !it.Summary() || it.ID() == "" {
		return it, nil
	}
	one := *u.services
	one.Path, one.RawQuery = one.Path+"/"+it.ID(), ""
	body, err := u.fetch.get(ctx, one.String())
	if err != nil {
		return oruk.Item{}, err
	}
	return oruk.ParseItem(body)
}
