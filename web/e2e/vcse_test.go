package e2e

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The VCSE editor's and QA reviewer's pages. Each test makes what it
// changes itself (a new connection, its own evidence) or puts back what it
// changed (a pause), so the tests sharing the demo server do not meet.

// organisation is the signed-in VCSE editor's organisation id.
func (a *apiUser) organisation() string {
	var me struct {
		OrganisationID string `json:"organisation_id"`
	}
	a.call("GET", "/api/session", nil, &me, 200)
	return me.OrganisationID
}

// service finds one of the editor's organisation's services by name.
func (a *apiUser) service(name string) string {
	a.t.Helper()
	var page struct {
		Items []struct{ ID, Name string }
	}
	a.call("GET", "/api/services?limit=100&organisation="+a.organisation(), nil, &page, 200)
	for _, s := range page.Items {
		if s.Name == name {
			return s.ID
		}
	}
	a.t.Fatalf("no service %q", name)
	return ""
}

// freshConnection has the demo link worker refer a person and connect them
// to the service, and returns the connection's id.
func freshConnection(t *testing.T, srv *server, serviceID, person string) string {
	t.Helper()
	lw := signInAPI(t, srv, linkWorkerLogin)
	var ref struct{ ID string }
	lw.call("POST", "/api/referrals", map[string]any{
		"person": map[string]any{"name": person, "date_of_birth": "1956-02-11", "postcode": "SR2 7DN", "phone": "07700 900461"},
		"source": "gp_practice", "referrer": map[string]any{"name": "Dr Amira Patel", "organisation": "Hendon Medical Practice"},
		"needs": []string{"loneliness"}, "reason": "Lonely since her husband died; would like to meet people.",
		"consent": map[string]any{"referral": true, "share_gp": true, "share_services": true},
	}, &ref, 201)
	lw.call("POST", "/api/referrals/"+ref.ID+"/status", map[string]string{"status": "accepted"}, nil, 200)
	var conn struct{ ID string }
	lw.call("POST", "/api/referrals/"+ref.ID+"/connections",
		map[string]string{"service_id": serviceID, "reason": "Would enjoy a friendly group to go to each week."}, &conn, 201)
	return conn.ID
}

// narrow checks the page fits a 375 px wide screen without scrolling
// sideways.
func (b *tab) narrow(path string) {
	b.t.Helper()
	b.open(path)
	var width int
	b.run(chromedp.Evaluate(`document.documentElement.scrollWidth`, &width))
	if width > 375 {
		b.t.Errorf("%s is %d px wide at 375 px", path, width)
	}
}

// submit clicks a button and waits for the page it leads to.
func (b *tab) submit(button, waitFor string) {
	b.t.Helper()
	b.run(chromedp.Click(button, chromedp.ByQuery), chromedp.WaitVisible(waitFor, chromedp.ByQuery))
	b.check()
}

func TestVCSEAcceptsConnection(t *testing.T) {
	srv := demoServer(t)
	svc := signInAPI(t, srv, vcseLogin).service("Feel Good Group")
	conn := freshConnection(t, srv, svc, "Maureen Tate")

	b := newTab(t, srv)
	b.signIn(vcseLogin)
	b.open("/app/inbox")
	link := "a[href='/app/connections/" + conn + "']"
	if got := b.text(link); !strings.Contains(got, "Maureen Tate") {
		t.Fatalf("inbox links the new connection as %q", got)
	}
	b.shot("vcse-inbox")
	b.run(chromedp.Click(link, chromedp.ByQuery), chromedp.WaitVisible("form:has(input[value=accepted])", chromedp.ByQuery))
	b.check()
	if h1, tag := b.text("h1"), b.text(".kith-card-tags"); h1 != "Maureen Tate" || tag != "Waiting for your answer" {
		t.Fatalf("connection page shows %q, %q", h1, tag)
	}
	if got := b.text("main dl"); !strings.Contains(got, "07700900461") || strings.Contains(got, "1956") {
		t.Errorf("connection page shows the person as %q; want the contact route and no date of birth", got)
	}
	b.shot("vcse-connection")
	b.submit("form:has(input[value=accepted]) button", ".nhsuk-notification-banner")
	if tag := b.text(".kith-card-tags"); tag != "Accepted" {
		t.Fatalf("after accepting, the connection is %q", tag)
	}
	b.submit("form:has(input[value=in_progress]) button", ".nhsuk-notification-banner")
	if tag := b.text(".kith-card-tags"); tag != "Attending" {
		t.Fatalf("after they came, the connection is %q", tag)
	}

	b.run(chromedp.EmulateViewport(375, 812))
	b.narrow("/app/inbox")
	b.narrow("/app/connections/" + conn)
}

func TestVCSECapacityAndListing(t *testing.T) {
	srv := demoServer(t)
	svc := signInAPI(t, srv, vcseLogin).service("Move to the Music")
	b := newTab(t, srv)
	b.signIn(vcseLogin)
	b.open("/app/organisation")
	b.shot("vcse-organisation")

	b.open("/app/services/" + svc + "/capacity")
	b.run(chromedp.SetValue("#maximum", "-3", chromedp.ByQuery))
	b.submit("form:has(input[value=save]) button", ".nhsuk-error-summary")
	if got := b.text("#maximum-error"); !strings.Contains(got, "Number of places must be between 0 and 100,000") {
		t.Errorf("negative places: error beside the field says %q", got)
	}
	b.shot("vcse-capacity")

	resume := time.Now().AddDate(0, 0, 14)
	b.run(chromedp.SendKeys("#reason", "Our leader is on holiday", chromedp.ByQuery),
		chromedp.SendKeys("#resume_on", fmt.Sprint(resume.Day()), chromedp.ByQuery),
		chromedp.SendKeys("[id='resume_on-month']", fmt.Sprint(int(resume.Month())), chromedp.ByQuery),
		chromedp.SendKeys("[id='resume_on-year']", fmt.Sprint(resume.Year()), chromedp.ByQuery))
	b.submit("form:has(input[value=pause]) button", ".nhsuk-notification-banner")
	if got := b.text(".nhsuk-notification-banner"); !strings.Contains(got, "paused until "+resume.Format("2 January 2006")) {
		t.Errorf("pausing says %q", got)
	}
	if got := b.text("main dl"); !strings.Contains(got, "Paused") || !strings.Contains(got, "Our leader is on holiday") {
		t.Errorf("paused service shows %q", got)
	}
	b.submit("form:has(input[value=resume]) button", ".nhsuk-notification-banner")
	if got := b.text("main dl"); !strings.Contains(got, "Taking referrals") {
		t.Errorf("after resuming the service shows %q", got)
	}

	b.open("/app/services/" + svc + "/load")
	if n := b.count("main table tbody tr"); n != 12 || b.count("canvas[data-chart]") != 1 {
		t.Errorf("load page has %d weeks in its table", n)
	}
	b.shot("vcse-load")

	b.open("/app/services/" + svc + "/edit")
	b.shot("vcse-listing-editor")
	sessions := b.count("fieldset.vcse-session")
	b.submit("button[value=add-session]", fmt.Sprintf("fieldset.vcse-session:nth-of-type(%d)", sessions+1))
	if n := b.count("fieldset.vcse-session"); n != sessions+1 {
		t.Fatalf("adding a session shows %d rows, want %d", n, sessions+1)
	}
	b.run(chromedp.Evaluate(`document.querySelector('#name').value = ''`, nil))
	b.submit("form button[type=submit][value=save]:not(.vcse-default-submit)", ".nhsuk-error-summary")
	if got := b.text("#name-error"); !strings.Contains(got, "Name is required") {
		t.Errorf("empty name: error beside the field says %q", got)
	}
	if n := b.count("fieldset.vcse-session"); n != sessions+1 {
		t.Errorf("the form lost its rows when it came back with problems: %d", n)
	}
}

// smallPNG is a valid 4 × 4 PNG.
func smallPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	for x := range 4 {
		img.Set(x, x, color.RGBA{0, 94, 184, 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestVCSEUploadsEvidence(t *testing.T) {
	srv := demoServer(t)
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "insurance-certificate.png"), filepath.Join(dir, "notes.txt")
	os.WriteFile(good, smallPNG(t), 0o644)
	os.WriteFile(bad, []byte("not a document"), 0o644)
	b := newTab(t, srv)
	b.signIn(vcseLogin)
	b.open("/app/organisation/qa")
	item := "#item-employers_liability_insurance"
	input := "input[id='items.employers_liability_insurance.file']"
	upload := item + " form[enctype] button"

	b.run(chromedp.SetUploadFiles(input, []string{bad}, chromedp.ByQuery))
	b.submit(upload, ".nhsuk-error-summary")
	if got := b.text("[id='items.employers_liability_insurance.file-error']"); !strings.Contains(got, "not a PDF, PNG, JPEG or Word") {
		t.Errorf("a text file: error beside the field says %q", got)
	}
	b.run(chromedp.SetUploadFiles(input, []string{good}, chromedp.ByQuery))
	b.submit(upload, ".nhsuk-notification-banner")
	if got := b.text(item); !strings.Contains(got, "Download insurance-certificate.png") || !strings.Contains(got, "Not sent yet") {
		t.Errorf("after the upload the item shows %q", got)
	}
	if b.count("#submit") != 1 {
		t.Error("no Submit for review button with a draft waiting")
	}
	b.shot("vcse-qa-checklist")
}

func TestQAReviewerRejectsAndVerifies(t *testing.T) {
	srv := demoServer(t)
	vcse2 := signInAPI(t, srv, vcse2Login)
	org := vcse2.organisation()
	items := "/api/organisations/" + org + "/assessment"
	vcse2.call("PUT", items+"/items/legal_form", map[string]string{"reference": "CIO 1187654"}, nil, 200)
	vcse2.upload(items+"/items/disclosure_procedure/evidence", "disclosure-procedure.png", smallPNG(t))
	vcse2.call("POST", items+"/submit", nil, nil, 200)

	b := newTab(t, srv)
	b.signIn(qaLogin)
	b.open("/app/qa")
	b.shot("qa-queue")
	var name struct{ Name string }
	vcse2.call("GET", "/api/organisations/"+org, nil, &name, 200)
	if last := b.text("main tbody tr:last-child"); !strings.Contains(last, name.Name) {
		t.Errorf("the queue ends with %q, want %s, which sent its evidence last", last, name.Name)
	}
	b.run(chromedp.Click("a[href='/app/qa/organisations/"+org+"']", chromedp.ByQuery), chromedp.WaitVisible("#item-legal_form", chromedp.ByQuery))
	b.check()
	var loaded bool
	b.run(chromedp.Evaluate(`[...document.querySelectorAll('#item-disclosure_procedure img')].every(i => i.complete && i.naturalWidth === 4)`, &loaded))
	if !loaded || b.count("#item-disclosure_procedure img") != 1 {
		t.Error("the PNG evidence is not shown on the review page")
	}
	b.shot("qa-review")

	b.submit("#item-legal_form button[value=reject]", ".nhsuk-error-summary")
	if got := b.text("#item-legal_form .nhsuk-error-message"); !strings.Contains(got, "Say why") {
		t.Errorf("rejecting without a reason: error beside the field says %q", got)
	}
	b.run(chromedp.SendKeys("#item-legal_form textarea", "The number is not on the Charity Commission register", chromedp.ByQuery))
	b.submit("#item-legal_form button[value=reject]", ".nhsuk-notification-banner")
	if b.count("#item-legal_form") != 0 {
		t.Error("the rejected item is still waiting for review")
	}
	if got := b.text("main table"); !strings.Contains(got, "The number is not on the Charity Commission register") {
		t.Errorf("the rejected item does not show the reason: %q", got)
	}
	b.submit("#item-disclosure_procedure button[value=verify]", ".nhsuk-notification-banner")
	if got := b.text(".nhsuk-notification-banner"); !strings.Contains(got, "You verified “Disclosure procedure”") {
		t.Errorf("verifying says %q", got)
	}
}
