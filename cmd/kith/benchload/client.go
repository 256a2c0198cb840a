package benchload

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// client sends the bench's requests, keeping connections alive as a
// browser or an API client would.
type client struct {
	base string
	http *http.Client
}

func newClient(base string, conns int) *client {
	return &client{base: strings.TrimRight(base, "/"), http: &http.Client{Timeout: 30 * time.Second,
		Transport: &http.Transport{MaxIdleConns: conns, MaxIdleConnsPerHost: conns}}}
}

// session is a signed-in demo user.
type session struct {
	Email          string `json:"email"`
	ID             string `json:"id"`
	TeamID         string `json:"team_id"`
	OrganisationID string `json:"organisation_id"`
	cookie         string
}

// request is one HTTP request: as is who sends it (nil: anonymous), key
// its Idempotency-Key.
type request struct {
	method, path string
	body         any
	as           *session
	key          string
}

// response is what came back; err is set when nothing did.
type response struct {
	status int
	header http.Header
	body   []byte
	err    error
}

func (c *client) do(ctx context.Context, r request) response {
	var body io.Reader
	if r.body != nil {
		b, err := json.Marshal(r.body)
		if err != nil {
			return response{err: err}
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, c.base+r.path, body)
	if err != nil {
		return response{err: err}
	}
	if r.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if r.as != nil {
		req.Header.Set("Cookie", r.as.cookie)
	}
	if r.key != "" {
		req.Header.Set("Idempotency-Key", r.key)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return response{err: err}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, header: resp.Header, body: b, err: err}
}

// get fetches path as who and decodes the 200 answer into v; setting up
// the run uses it, so anything else stops the bench.
func (c *client) get(ctx context.Context, path string, as *session, v any) error {
	resp := c.do(ctx, request{method: http.MethodGet, path: path, as: as})
	if err := resp.expect(http.StatusOK); err != nil {
		return fmt.Errorf("GET %s: %w", path, err)
	}
	return json.Unmarshal(resp.body, v)
}

func (r response) expect(status int) error {
	switch {
	case r.err != nil:
		return r.err
	case r.status != status:
		return fmt.Errorf("answered %d, want %d: %s", r.status, status, snippet(r.body))
	}
	return nil
}

// snippet is the start of a body, for error messages.
func snippet(b []byte) string {
	const most = 200
	if len(b) > most {
		return string(b[:most]) + "…"
	}
	return string(b)
}

// login signs a demo user in and keeps the session cookie.
func (c *client) login(ctx context.Context, email, password string) (*session, error) {
	resp := c.do(ctx, request{method: http.MethodPost, path: "/api/session",
		body: map[string]string{"email": email, "password": password}})
	if err := resp.expect(http.StatusOK); err != nil {
		return nil, fmt.Errorf("log in as %s: %w", email, err)
	}
	s := &session{}
	for _, ck := range (&http.Response{Header: resp.header}).Cookies() {
		if ck.Name == sessionCookie {
			s.cookie = ck.Name + "=" + ck.Value
		}
	}
	if s.cookie == "" {
		return nil, fmt.Errorf("log in as %s: no %s cookie", email, sessionCookie)
	}
	return s, json.Unmarshal(resp.body, s)
}

// sessionCookie is the cookie web sets on login.
const sessionCookie = "kith_session"
