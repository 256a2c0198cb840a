package web_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gofiber/fiber/v2"
)

// jsonRequest sends method path to app as the holder of the session cookie
// (anonymous when empty), with body as JSON when it is not nil and extra
// header name/value pairs, and returns the response and its whole body.
func jsonRequest(t *testing.T, app *fiber.App, method, path, cookie string, body any, headers ...string) (*http.Response, []byte) {
	t.Helper()
	var r io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(raw)
	}
	req := httptest.NewRequest(method, path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if cookie != "" {
		req.Header.Set("Cookie", "kith_session="+cookie)
	}
	return send(t, app, req, headers...)
}

// send sends req to app with extra header name/value pairs and returns the
// response and its whole body.
func send(t *testing.T, app *fiber.App, req *http.Request, headers ...string) (*http.Response, []byte) {
	t.Helper()
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	return resp, raw
}
