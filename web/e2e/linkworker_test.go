package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kith/geo"
)

// TestLinkWorkerJourney is issue 8's link-worker journey: a link worker
// opens their caseload (people needing attention first), takes a referral
// for someone new in SR2, accepts it, logs the first contact, finds a
// walking group near them that is accepting and quality assured and
// connects them in one step, records a baseline ONS4 (an answer out of
// range first, refused beside it), writes their plan, and sees all of it on
// the referral's timeline. Then the walking group's own editor accepts the
// connection from their inbox, and the link worker sees that on the
// timeline too.
func TestLinkWorkerJourney(t *testing.T) {
	b := newTab(t, demoServer(t))
	b.signIn(linkWorkerLogin)

	b.open("/app/caseload")
	if got := b.text("h1"); got != "My caseload" {
		t.Fatalf("caseload h1 = %q", got)
	}
	lwAttentionFirst(t, b)
	b.shot("linkworker-caseload")
	b.open("/app/caseload?view=team")
	if got := b.text("h1"); got != "Team caseload" {
		t.Errorf("team caseload h1 = %q", got)
	}

	name := fmt.Sprintf("Maureen Journey %d", time.Now().UnixNano()%1_000_000)
	postcode := sr2Postcode(t)
	id := lwNewReferral(t, b, name, postcode)

	lwSubmit(b, "form[action$='/status'] input[value=accepted] ~ button")
	if got := b.text(".kith-card-tags .nhsuk-tag"); got != "Accepted" {
		t.Fatalf("status after accepting = %q", got)
	}
	lwLogContact(t, b, id)

	service, conn := lwConnect(t, b, id, postcode)
	lwBaselineONS4(t, b, id)
	lwPlan(t, b, id)
	vcseAccepts(t, demoServer(t), service.ID, conn)
	lwSeesAccepted(t, b, id, service.Name)

	b.open("/app/referrals/" + id)
	timeline := b.text(".lw-timeline")
	for _, want := range []string{"Referral received", "Accepted for social prescribing (SNOMED CT 871731000000106)",
		"Phone call, 15 minutes", "First contact made", "Connection requested to " + service.Name,
		"Baseline ONS4 personal wellbeing recorded", "\u201cWhat matters to me\u201d recorded",
		"Care and support plan version 1 saved", "Consent given: to share their details"} {
		if !strings.Contains(timeline, want) {
			t.Errorf("timeline lacks %q:\n%s", want, timeline)
		}
	}
	b.shot("linkworker-referral")

	b.open("/app/referrals/" + id + "/close")
	if got := b.text("#narrative"); !strings.Contains(got, "Connected to "+service.Name) {
		t.Errorf("message back = %q", got)
	}
	b.shot("linkworker-close")

	// Not other.open: that checks the page's links, and on a page that is
	// not found for this user, its own skip link is one.
	other := newTab(t, demoServer(t))
	other.signIn(linkWorker2Login)
	other.run(chromedp.Navigate(other.base+"/app/referrals/"+id), chromedp.WaitReady("main", chromedp.ByQuery))
	if got := other.text("h1"); got != "Page not found" || strings.Contains(other.text("main"), name) {
		t.Errorf("another team's link worker sees %q", got)
	}
}

// lwAttentionFirst checks the caseload lists people with an overdue first
// contact first, then anyone else needing attention, then the rest.
func lwAttentionFirst(t *testing.T, b *tab) {
	t.Helper()
	var rows []string
	b.run(chromedp.Evaluate(`[...document.querySelectorAll('.lw-caseload tbody tr')].map(r => r.dataset.overdue + r.dataset.flagged)`, &rows))
	if len(rows) == 0 {
		t.Fatal("the demo link worker's caseload is empty")
	}
	rank := map[string]int{"yesyes": 0, "noyes": 1, "nono": 2}
	for i := 1; i < len(rows); i++ {
		if rank[rows[i]] < rank[rows[i-1]] {
			t.Fatalf("caseload row %d (%s) comes after row %d (%s): %v", i, rows[i], i-1, rows[i-1], rows)
		}
	}
	if rows[0] == "nono" {
		t.Error("nobody on the demo caseload needs attention, so the order shows nothing")
	}
}

// sr2Postcode is a real, live postcode in Sunderland's SR2 district.
func sr2Postcode(t *testing.T) string {
	t.Helper()
	for _, pc := range geo.Postcodes("SR") {
		if strings.HasPrefix(pc, "SR2 7") {
			return pc
		}
	}
	t.Fatal("no SR2 postcode in the shipped data")
	return ""
}

// lwType types text into the control with id (ids here contain dots).
func lwType(id, text string) chromedp.Action {
	return chromedp.SendKeys("[id='"+id+"']", text, chromedp.ByQuery)
}

// lwSet sets the value of the control with id, as picking a date or an
// option does.
func lwSet(id, value string) chromedp.Action {
	js := fmt.Sprintf(`(() => { const el = document.getElementById(%q); el.value = %q;
	  el.dispatchEvent(new Event('change', {bubbles: true})); return el.value; })()`, id, value)
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var got string
		if err := chromedp.Evaluate(js, &got).Do(ctx); err != nil {
			return err
		}
		if got != value {
			return fmt.Errorf("#%s took the value %q, not %q", id, got, value)
		}
		return nil
	})
}

func lwClick(id string) chromedp.Action { return chromedp.Click("[id='"+id+"']", chromedp.ByQuery) }

// lwSubmit clicks a submit button and waits for the page it leads to: the
// old page's marker gone and the new one loaded. Asking while the browser
// swaps pages can fail, so failures are asked again.
func lwSubmit(b *tab, sel string) {
	b.t.Helper()
	b.run(chromedp.Evaluate(`window.lwBefore = true`, nil), chromedp.Click(sel, chromedp.ByQuery))
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		var loaded bool
		err := chromedp.Run(b.ctx, chromedp.Evaluate(`!window.lwBefore && document.readyState === 'complete'`, &loaded))
		if err == nil && loaded {
			break
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("e2e: no new page after clicking %s (last error %v)", sel, err)
		}
	}
	b.check()
}

// lwNewReferral fills in the new-referral form, first with an NHS number
// whose check digit is wrong, and returns the new referral's id.
func lwNewReferral(t *testing.T, b *tab, name, postcode string) string {
	t.Helper()
	b.open("/app/referrals/new")
	b.run(lwType("person.name", name), lwType("person.date_of_birth", "9"),
		lwType("person.date_of_birth-month", "3"), lwType("person.date_of_birth-year", "1949"),
		lwType("person.nhs_number", "943 476 5918"), lwType("person.postcode", postcode),
		lwType("person.phone", "07700 900461"),
		lwSet("source", "gp_practice"),
		lwType("referrer.name", "Dr Sam Okafor"), lwType("referrer.organisation", "Villette Road Surgery"),
		lwClick("needs-walking"), lwClick("needs-loneliness"),
		lwType("reason", "Recently widowed and wants to get out and meet people."),
		lwClick("consent.referral"), lwClick("consent.share_gp"), lwClick("consent.share_services"))
	lwSubmit(b, "form[action='/app/referrals/new'] button[type=submit]")
	if got := b.text("[id='person.nhs_number-error']"); !strings.Contains(got, "check digit does not match") {
		t.Fatalf("NHS number error = %q", got)
	}
	if b.count(".nhsuk-error-summary a[href='#person.nhs_number']") != 1 {
		t.Error("the error summary does not link to the NHS number")
	}
	b.shot("linkworker-new-referral")
	b.run(lwSet("person.nhs_number", ""), lwType("person.nhs_number", "943 476 5919"))
	lwSubmit(b, "form[action='/app/referrals/new'] button[type=submit]")
	if got := b.text("h1"); got != name {
		t.Fatalf("after adding the referral the page says %q", got)
	}
	if got := b.text(".nhsuk-notification-banner"); !strings.Contains(got, "Referral for "+name+" added") {
		t.Errorf("flash = %q", got)
	}
	var path string
	b.run(chromedp.Evaluate(`location.pathname`, &path))
	return strings.TrimPrefix(path, "/app/referrals/")
}

// lwLogContact logs a phone call, which moves the referral on to first
// contact.
func lwLogContact(t *testing.T, b *tab, id string) {
	t.Helper()
	b.open("/app/referrals/" + id + "/contacts")
	b.run(lwClick("kind"), lwType("duration_minutes", "15"), lwType("notes", "Talked about walking; keen to try a group."))
	lwSubmit(b, "form[action$='/contacts'] button[type=submit]")
	if got := b.text("table"); !strings.Contains(got, "Phone call, 15 minutes") {
		t.Errorf("contacts log = %q", got)
	}
	if got := b.text(".kith-card-tags .nhsuk-tag"); got != "First contact made" {
		t.Errorf("status after the first contact = %q", got)
	}
}

type lwService struct{ ID, Name string }

// lwConnect searches for walking near the person, checks services that
// cannot take them are explained rather than hidden, shortlists a walking
// group that is accepting and assured, and connects in one step; it
// returns the service and the connection's id.
func lwConnect(t *testing.T, b *tab, id, postcode string) (lwService, string) {
	t.Helper()
	b.open("/app/referrals/" + id + "/connect")
	var near string
	b.run(chromedp.Value("#near", &near, chromedp.ByQuery))
	if near != postcode {
		t.Errorf("near defaults to %q, want the person's postcode %q", near, postcode)
	}
	b.run(lwSet("q", ""), chromedp.SendKeys("#q", "walking", chromedp.ByQuery))
	lwSubmit(b, "form.lw-search button[type=submit]")
	var explained int
	b.run(chromedp.Evaluate(`[...document.querySelectorAll('li.lw-result[data-selectable=false]')].filter(li =>
		!li.querySelector('input[type=checkbox]') && /Not quality assured|Full|Paused|this week|Already/.test(li.textContent)).length`, &explained))
	if explained == 0 {
		t.Error("no result explains why it cannot take the person: are they hidden?")
	}
	var svc lwService
	b.run(chromedp.Evaluate(`(() => {
	  const li = [...document.querySelectorAll('li.lw-result[data-selectable=true]')].find(li =>
	    li.textContent.includes('Walking groups') && li.textContent.includes('Quality assured') &&
	    li.querySelector('input[name=service_id]') && !li.querySelector('label').textContent.includes('waiting list'));
	  return li ? {ID: li.dataset.serviceId, Name: li.querySelector('h3').textContent.trim()} : {ID: '', Name: ''};
	})()`, &svc))
	if svc.ID == "" {
		t.Fatal("no accepting, assured walking group near " + postcode)
	}
	b.run(lwClick("svc-"+svc.ID), lwType("reason", "Would like to walk with others and make friends."))
	b.shot("linkworker-connect")
	lwSubmit(b, "form[action$='/connect'] input[name=action][value=connect] ~ button")
	if got := b.text(".nhsuk-notification-banner"); !strings.Contains(got, "Connected to "+svc.Name+" (requested)") {
		t.Fatalf("flash after connecting = %q", got)
	}
	var conn string
	b.run(chromedp.Evaluate(`(document.querySelector('tr[data-service-id="`+svc.ID+`"][data-status=requested]') || {dataset: {}}).dataset.connectionId || ''`, &conn))
	if conn == "" {
		t.Fatal("the referral page shows no requested connection to " + svc.Name)
	}
	return svc, conn
}

// lwBaselineONS4 records a baseline ONS4, first with an answer of 11.
func lwBaselineONS4(t *testing.T, b *tab, id string) {
	t.Helper()
	b.open("/app/referrals/" + id + "/outcomes")
	if got := b.text("#record"); !strings.Contains(got, "baseline ONS4") {
		t.Fatalf("outcomes form heading = %q", got)
	}
	b.run(lwType("items.life_satisfaction", "11"), lwType("items.worthwhile", "6"), lwType("items.happy", "5"),
		lwType("items.anxious", "7"))
	lwSubmit(b, "form[action$='/outcomes'] button[type=submit]")
	if got := b.text("[id='items.life_satisfaction-error']"); !strings.Contains(got, "Life satisfaction must be from 0 to 10") {
		t.Fatalf("error beside life satisfaction = %q", got)
	}
	if n := b.count(".nhsuk-form-group--error"); n != 1 {
		t.Errorf("%d fields in error, want only life satisfaction", n)
	}
	b.shot("linkworker-outcomes")
	b.run(lwSet("items.life_satisfaction", ""), lwType("items.life_satisfaction", "4"))
	lwSubmit(b, "form[action$='/outcomes'] button[type=submit]")
	if got := b.text("tr[data-measure=ons4][data-stage=baseline]"); !strings.Contains(got, "Life satisfaction: 4") ||
		!strings.Contains(got, "Anxiety: 7") {
		t.Errorf("recorded baseline row = %q", got)
	}
}

// lwPlan records what matters and a plan, and checks the printable plan
// carries the person's words and none of the team's notes.
func lwPlan(t *testing.T, b *tab, id string) {
	t.Helper()
	b.open("/app/referrals/" + id + "/plan")
	b.run(lwType("themes", "Getting out of the house\nMeeting people"), lwType("notes", "TEAM-ONLY note about the house"))
	lwSubmit(b, "form[action$='/plan'] input[value=what_matters] ~ button")
	review := time.Now().AddDate(0, 1, 0).Format(time.DateOnly)
	b.run(lwType("goals", "Go for a walk with other people every week"),
		lwType("actions[0].text", "Try the walking group"), lwType("actions[0].owner", "me"),
		lwSet("actions[0].due", time.Now().AddDate(0, 0, 7).Format(time.DateOnly)),
		lwSet("review_on", review))
	lwSubmit(b, "form[action$='/plan'] input[value=plan] ~ button")
	if got := b.text(".nhsuk-notification-banner"); !strings.Contains(got, "Plan version 1 saved") {
		t.Fatalf("flash after saving the plan = %q", got)
	}
	b.shot("linkworker-plan")
	b.open("/app/referrals/" + id + "/plan/print")
	page := b.text("main")
	for _, want := range []string{"My care and support plan", "Getting out of the house", "Go for a walk with other people every week",
		"Try the walking group", "we have asked them to take me on"} {
		if !strings.Contains(page, want) {
			t.Errorf("printable plan lacks %q", want)
		}
	}
	if strings.Contains(page, "TEAM-ONLY") {
		t.Error("the printable plan shows the team's notes")
	}
	b.shot("linkworker-plan-print")
}

// TestLinkWorkerSmallScreen: the caseload and a referral page fit a 375 px
// wide phone without scrolling sideways.
func TestLinkWorkerSmallScreen(t *testing.T) {
	b := newTab(t, demoServer(t))
	b.signIn(linkWorkerLogin)
	b.run(chromedp.EmulateViewport(375, 812))
	b.open("/app/caseload")
	var first string
	b.run(chromedp.Evaluate(`document.querySelector('.lw-caseload tbody a').getAttribute('href')`, &first))
	for _, path := range []string{"/app/caseload", first, first + "/connect"} {
		b.open(path)
		var width int
		b.run(chromedp.Evaluate(`document.documentElement.scrollWidth`, &width))
		if width > 375 {
			t.Errorf("%s is %d px wide on a 375 px screen", path, width)
		}
	}
}
