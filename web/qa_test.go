package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/postgres"
	"kith/postgres/pgtest"
	"kith/qa"
	"kith/web"
)

type qaFixture struct {
	app *fiber.App
	dir *directory.Store
	db  *postgres.DB
}

func newQAFixture(t *testing.T) *qaFixture {
	t.Helper()
	db := pgtest.New(t)
	dir := directory.NewStore(db)
	store := qa.NewStore(db, dir, time.Now)
	app := web.New(web.Config{Directory: dir, QA: store, Ready: map[string]web.Readiness{"database": db}})
	return &qaFixture{app: app, dir: dir, db: db}
}

// send makes a request with an optional cookie and returns the status and
// the raw answer.
func (f *qaFixture) send(t *testing.T, method, path, cookie, contentType string, body []byte) (int, []byte, string) {
	t.Helper()
	req := httptest.NewRequest(method, path, bytes.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if cookie != "" {
		req.Header.Set("Cookie", "kith_session="+cookie)
	}
	resp, err := f.app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, raw, resp.Header.Get("Content-Type")
}

// call sends body as JSON (when not nil) and decodes a JSON answer.
func (f *qaFixture) call(t *testing.T, method, path, cookie string, body any) (int, map[string]any) {
	t.Helper()
	var raw []byte
	ct := ""
	if body != nil {
		raw, _ = json.Marshal(body)
		ct = "application/json"
	}
	status, out, _ := f.send(t, method, path, cookie, ct, raw)
	var m map[string]any
	json.Unmarshal(out, &m)
	return status, m
}

func (f *qaFixture) upload(t *testing.T, path, cookie, filename string, data []byte) (int, map[string]any) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	w, _ := mw.CreateFormFile("file", filename)
	w.Write(data)
	mw.Close()
	status, out, _ := f.send(t, "POST", path, cookie, mw.FormDataContentType(), b.Bytes())
	var m map[string]any
	json.Unmarshal(out, &m)
	return status, m
}

func (f *qaFixture) signIn(t *testing.T, email string, role directory.Role, org string) string {
	t.Helper()
	admin := directory.WithUser(context.Background(), directory.SystemUser())
	in := directory.UserInput{Email: email, Role: role, OrganisationID: org, Password: "correct horse battery"}
	if _, err := f.dir.CreateUser(admin, in); err != nil {
		t.Fatal(err)
	}
	token, _, err := f.dir.Login(context.Background(), email, in.Password)
	if err != nil {
		t.Fatal(err)
	}
	return token
}

func (f *qaFixture) organisation(t *testing.T, name string) string {
	t.Helper()
	admin := directory.WithUser(context.Background(), directory.SystemUser())
	org, _, err := f.dir.CreateOrganisation(admin, directory.OrganisationInput{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return org.ID
}

func (f *qaFixture) rows(t *testing.T, table string) int {
	t.Helper()
	var n int
	if err := f.db.Get(&n, `SELECT count(*) FROM `+table); err != nil {
		t.Fatal(err)
	}
	return n
}

var testPDF = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")

func TestQAChecklistOverHTTP(t *testing.T) {
	f := newQAFixture(t)
	org, other := f.organisation(t, "Roker Walkers"), f.organisation(t, "Hendon Choir")
	editor := f.signIn(t, "ed@roker.example", directory.RoleVCSEEditor, org)
	stranger := f.signIn(t, "ed@hendon.example", directory.RoleVCSEEditor, other)
	reviewer := f.signIn(t, "rev@kith.example", directory.RoleQAReviewer, "")
	base := "/api/organisations/" + org + "/assessment"

	if status, body := f.call(t, "GET", "/api/qa/templates", "", nil); status != 200 || len(body["items"].([]any)) != 1 {
		t.Fatalf("templates: %d %v", status, body)
	}
	for who, want := range map[string]int{"": 401, stranger: 403, reviewer: 403} {
		if status, _ := f.call(t, "PUT", base+"/items/safer_recruitment", who, map[string]any{}); status != want {
			t.Errorf("PUT by %q: %d, want %d", who, status, want)
		}
	}
	if status, body := f.call(t, "PUT", base+"/items/safer_recruitment", editor, map[string]any{}); status != 200 || body["state"] != "draft" {
		t.Fatalf("save draft: %d %v", status, body)
	}
	status, body := f.upload(t, base+"/items/safer_recruitment/evidence", editor, "policy.pdf", []byte("<html>not a pdf</html>"))
	if status != 422 || !strings.Contains(body["problems"].(map[string]any)["file"].(string), "not a PDF") {
		t.Fatalf("disguised upload: %d %v", status, body)
	}
	status, ev := f.upload(t, base+"/items/safer_recruitment/evidence", editor, "policy.pdf", testPDF)
	if status != 201 || ev["content_type"] != qa.TypePDF {
		t.Fatalf("upload: %d %v", status, ev)
	}
	status, sub := f.call(t, "POST", base+"/submit", editor, nil)
	if status != 200 || len(sub["items"].([]any)) != 1 {
		t.Fatalf("submit: %d %v", status, sub)
	}
	respID := sub["items"].([]any)[0].(map[string]any)["id"].(string)

	if status, _ := f.call(t, "GET", "/api/qa/queue", editor, nil); status != 403 {
		t.Errorf("editor reading the queue: %d", status)
	}
	if status, q := f.call(t, "GET", "/api/qa/queue", reviewer, nil); status != 200 || q["total"].(float64) != 1 {
		t.Fatalf("queue: %d %v", status, q)
	}
	if status, _ := f.call(t, "POST", "/api/qa/items/"+respID+"/verify", editor, nil); status != 403 {
		t.Fatalf("editor verifying own evidence: %d, want 403", status)
	}
	if status, _ := f.call(t, "POST", "/api/qa/items/"+respID+"/reject", reviewer, map[string]string{}); status != 422 {
		t.Fatalf("reject without reason: %d, want 422", status)
	}
	if status, r := f.call(t, "POST", "/api/qa/items/"+respID+"/verify", reviewer, map[string]string{"note": "Checked"}); status != 200 || r["state"] != "verified" {
		t.Fatalf("verify: %d %v", status, r)
	}

	if status, _ := f.call(t, "GET", base, stranger, nil); status != 403 {
		t.Errorf("another organisation's editor reading the assessment: %d", status)
	}
	status, a := f.call(t, "GET", base, editor, nil)
	if status != 200 || len(a["items"].([]any)) < 20 || len(a["events"].([]any)) < 4 {
		t.Fatalf("assessment: %d %v", status, a)
	}
	evURL := "/api/evidence/" + ev["id"].(string)
	if status, raw, ct := f.send(t, "GET", evURL, editor, "", nil); status != 200 || ct != qa.TypePDF || !bytes.Equal(raw, testPDF) {
		t.Fatalf("download: %d %s", status, ct)
	}
	for who, want := range map[string]int{"": 401, stranger: 403} {
		if status, _, _ := f.send(t, "GET", evURL, who, "", nil); status != want {
			t.Errorf("download by %q: %d, want %d", who, status, want)
		}
	}
	status, todo := f.call(t, "GET", "/api/qa/todo", editor, nil)
	if status != 200 || len(todo["items"].([]any)) == 0 {
		t.Fatalf("todo: %d %v", status, todo)
	}
	if status, _ := f.call(t, "POST", "/api/organisations/"+org+"/confirm-listing", editor, nil); status != 200 {
		t.Fatalf("confirm listing: %d", status)
	}
}

func TestQASuspensionAndPublicStatus(t *testing.T) {
	f := newQAFixture(t)
	org := f.organisation(t, "Roker Walkers")
	editor := f.signIn(t, "ed@roker.example", directory.RoleVCSEEditor, org)
	reviewer := f.signIn(t, "rev@kith.example", directory.RoleQAReviewer, "")
	path := "/api/organisations/" + org

	if status, _ := f.call(t, "POST", path+"/suspend", editor, map[string]string{"reason": "x"}); status != 403 {
		t.Errorf("editor suspending: %d", status)
	}
	if status, body := f.call(t, "POST", path+"/suspend", reviewer, map[string]string{}); status != 422 || body["problems"] == nil {
		t.Errorf("suspend without reason: %d %v", status, body)
	}
	if status, _ := f.call(t, "POST", path+"/suspend", reviewer, map[string]string{"reason": "Safeguarding concern"}); status != 200 {
		t.Fatalf("suspend: %d", status)
	}
	status, pub := f.call(t, "GET", path+"/assurance", "", nil)
	tiers := pub["tiers"].([]any)
	if status != 200 || len(tiers) != 4 || tiers[1].(map[string]any)["status"] != "suspended" {
		t.Fatalf("public assurance: %d %v", status, pub)
	}
	raw, _ := json.Marshal(pub)
	if strings.Contains(string(raw), "reason") || strings.Contains(string(raw), "assured_until") {
		t.Fatalf("public assurance shows more than status: %s", raw)
	}
	if status, list := f.call(t, "GET", "/api/qa/organisations?status=suspended", reviewer, nil); status != 200 || list["total"].(float64) != 1 {
		t.Fatalf("organisations by status: %d %v", status, list)
	}
	if status, _ := f.call(t, "GET", "/api/qa/organisations?status=shiny", reviewer, nil); status != 400 {
		t.Errorf("unknown status filter: %d", status)
	}
	if status, _ := f.call(t, "POST", path+"/unsuspend", reviewer, map[string]string{"reason": "Resolved"}); status != 200 {
		t.Fatalf("unsuspend: %d", status)
	}
	if status, _ := f.call(t, "GET", "/api/organisations/6a8e0c1d-7e3f-4a10-8b8c-1f0e6a434b55/assurance", "", nil); status != 404 {
		t.Errorf("unknown organisation: %d", status)
	}
}

func TestQABodyLimits(t *testing.T) {
	f := newQAFixture(t)
	org := f.organisation(t, "Roker Walkers")
	editor := f.signIn(t, "ed@roker.example", directory.RoleVCSEEditor, org)
	big := append(append([]byte(nil), testPDF...), make([]byte, qa.MaxEvidenceSize)...)
	status, body := f.upload(t, "/api/organisations/"+org+"/assessment/items/equality_policy/evidence", editor, "big.pdf", big)
	if status != 413 || body["error"] == "" {
		t.Fatalf("oversize upload: %d %v", status, body)
	}
	if n := f.rows(t, "qa_evidence") + f.rows(t, "qa_responses"); n != 0 {
		t.Fatalf("oversize upload stored %d rows", n)
	}
	huge := `{"reference": "` + strings.Repeat("x", 1<<20) + `"}`
	status, _, _ = f.send(t, "PUT", "/api/organisations/"+org+"/assessment/items/legal_form", editor, "application/json", []byte(huge))
	if status != 413 {
		t.Fatalf("2 MiB JSON body: %d, want 413", status)
	}
}
