package e2e

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"testing"
	"time"
)

// apiUser is a signed-in JSON API client, for setting up what a browser
// test then works on.
type apiUser struct {
	t      *testing.T
	base   string
	client *http.Client
}

func signInAPI(t *testing.T, srv *server, email string) *apiUser {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	a := &apiUser{t: t, base: srv.URL, client: &http.Client{Jar: jar, Timeout: 30 * time.Second}}
	a.call("POST", "/api/session", map[string]string{"email": email, "password": demoPassword}, nil, 200)
	return a
}

// call sends a JSON request, fails the test unless it answers want, and
// decodes the answer into out when out is not nil.
func (a *apiUser) call(method, path string, body, out any, want int) {
	a.t.Helper()
	var r io.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		r = bytes.NewReader(raw)
	}
	req, _ := http.NewRequest(method, a.base+path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	a.send(req, out, want)
}

func (a *apiUser) send(req *http.Request, out any, want int) {
	a.t.Helper()
	resp, err := a.client.Do(req)
	if err != nil {
		a.t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		a.t.Fatalf("%s %s: %d %s, want %d", req.Method, req.URL.Path, resp.StatusCode, raw, want)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			a.t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
		}
	}
}

// upload posts a file as evidence for a checklist item.
func (a *apiUser) upload(path, name string, data []byte) {
	a.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", a.base+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	a.send(req, nil, 201)
}
