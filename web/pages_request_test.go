package web_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
)

// pageUser is a browser on the pages: its cookies (session, CSRF) and the
// CSRF token its forms carry.
type pageUser struct {
	app     *fiber.App
	cookies map[string]string
}

func newPageUser(t *testing.T, app *fiber.App, session string) *pageUser {
	t.Helper()
	u := &pageUser{app: app, cookies: map[string]string{}}
	if session != "" {
		u.cookies["kith_session"] = session
	}
	if status, _, _ := u.get(t, "/login"); status != 200 {
		t.Fatalf("sign-in page: %d", status)
	}
	if u.cookies["kith_csrf"] == "" {
		t.Fatal("no CSRF cookie")
	}
	return u
}

// get fetches path with extra header name/value pairs.
func (u *pageUser) get(t *testing.T, path string, headers ...string) (int, string, http.Header) {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return u.send(t, req)
}

// post submits a form, with the CSRF token unless the form sets its own.
func (u *pageUser) post(t *testing.T, path string, form url.Values) (int, string, http.Header) {
	t.Helper()
	if !form.Has("csrf_token") {
		form.Set("csrf_token", u.cookies["kith_csrf"])
	}
	req := httptest.NewRequest("POST", path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return u.send(t, req)
}

// upload submits a multipart form with one file.
func (u *pageUser) upload(t *testing.T, path string, form url.Values, field, name string, data []byte) (int, string, http.Header) {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	form.Set("csrf_token", u.cookies["kith_csrf"])
	for k, vs := range form {
		for _, v := range vs {
			w.WriteField(k, v)
		}
	}
	fw, err := w.CreateFormFile(field, name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	w.Close()
	req := httptest.NewRequest("POST", path, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return u.send(t, req)
}

func (u *pageUser) send(t *testing.T, req *http.Request) (int, string, http.Header) {
	t.Helper()
	for k, v := range u.cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	resp, err := u.app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range resp.Cookies() {
		if c.MaxAge < 0 || c.Value == "" {
			delete(u.cookies, c.Name)
		} else {
			u.cookies[c.Name] = c.Value
		}
	}
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(raw), resp.Header
}
