package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"kith/referral"
)

// page requests a browser page as who ("" for anonymous), posting form when
// it is not nil, with extra header name/value pairs, and returns the status,
// the body and the response.
func (f *refFixture) page(t *testing.T, who, method, path string, form url.Values, headers ...string) (int, string, *http.Response) {
	t.Helper()
	resp, body := page(t, f.app, method, path, f.cookies[who], form, headers...)
	return resp.StatusCode, body, resp
}

// follow requests the page a post redirected to, carrying the flash cookie
// the redirect set, and returns its body and the cookies it set.
func (f *refFixture) follow(t *testing.T, who string, resp *http.Response) (string, []*http.Cookie) {
	t.Helper()
	req := httptest.NewRequest("GET", resp.Header.Get("Location"), nil)
	cookie := "kith_csrf=" + csrfToken + "; kith_session=" + f.cookies[who]
	for _, c := range resp.Cookies() {
		if c.Name == "kith_flash" {
			cookie += "; kith_flash=" + c.Value
		}
	}
	req.Header.Set("Cookie", cookie)
	got, err := f.app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(got.Body)
	if got.StatusCode != 200 {
		t.Fatalf("GET %s: %d", resp.Header.Get("Location"), got.StatusCode)
	}
	return string(raw), got.Cookies()
}

func (f *refFixture) count(t *testing.T, q string, args ...any) int {
	t.Helper()
	var n int
	if err := f.db.Get(&n, q, args...); err != nil {
		t.Fatal(err)
	}
	return n
}

func newReferralForm() url.Values {
	return url.Values{
		"idempotency_key": {"5b1e7f0c-0d8e-4c3a-9a55-0b7c1f2e3d4a"}, "person.name": {"Elsie Carr"},
		"person.date_of_birth-day": {"9"}, "person.date_of_birth-month": {"1"}, "person.date_of_birth-year": {"1948"},
		"person.nhs_number": {"943 476 5919"}, "person.postcode": {"SR2 7JH"}, "person.contact_by": {"phone"},
		"person.phone": {"07700 900456"}, "source": {"gp_practice"}, "referrer.name": {"Dr Amira Patel"},
		"needs": {"walking", "loneliness"}, "urgency": {"routine"}, "consent.referral": {"yes"},
		"consent.share_services": {"yes"},
	}
}

// TestNewReferralFormShowsProblemsBesideFields: a mistyped NHS number or an
// impossible date of birth is shown beside its field, linked from the
// summary, and creates nothing; the corrected form creates one referral
// however often it is posted.
func TestNewReferralFormShowsProblemsBesideFields(t *testing.T) {
	f := newRefFixture(t)
	tests := []struct {
		name, field, value, want string
	}{
		{"check digit", "person.nhs_number", "943 476 5918", "NHS number is not a valid NHS number: its check digit does not match"},
		{"too short", "person.nhs_number", "943 476 591", "NHS number must have 10 digits"},
		{"letters", "person.nhs_number", "943 476 591X", "NHS number may only contain digits"},
		{"no such day", "person.date_of_birth-day", "31", "Date of birth must be a real date"},
		{"no needs", "needs", "", "Choose at least one thing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := newReferralForm()
			if tt.field == "person.date_of_birth-day" {
				form.Set("person.date_of_birth-month", "2")
			}
			form.Set(tt.field, tt.value)
			if tt.value == "" {
				form.Del(tt.field)
			}
			status, body, _ := f.page(t, "worker", "POST", "/app/referrals/new", form)
			field := strings.TrimSuffix(tt.field, "-day")
			if status != 422 || !strings.Contains(body, `id="`+field+`-error"`) || !strings.Contains(body, tt.want) ||
				!strings.Contains(body, `href="#`+field+`"`) {
				t.Fatalf("%d: no %q beside %s:\n%s", status, tt.want, field, errorsOf(body))
			}
			if !strings.Contains(body, `value="Elsie Carr"`) {
				t.Error("the form lost what was typed")
			}
		})
	}
	if n := f.count(t, `SELECT count(*) FROM referrals`); n != 0 {
		t.Fatalf("%d referrals after refused forms", n)
	}
	var first string
	for range 2 {
		status, _, resp := f.page(t, "worker", "POST", "/app/referrals/new", newReferralForm())
		if status != 303 || !strings.HasPrefix(resp.Header.Get("Location"), "/app/referrals/") {
			t.Fatalf("valid form: %d %s", status, resp.Header.Get("Location"))
		}
		if first == "" {
			first = resp.Header.Get("Location")
			body, _ := f.follow(t, "worker", resp)
			if !strings.Contains(body, "Referral for Elsie Carr added") || !strings.Contains(body, "9434765919") {
				t.Fatalf("referral page after adding:\n%s", body)
			}
		} else if resp.Header.Get("Location") != first {
			t.Fatalf("posting the same form again went to %s, not %s", resp.Header.Get("Location"), first)
		}
	}
	if n := f.count(t, `SELECT count(*) FROM referrals`); n != 1 {
		t.Fatalf("%d referrals after posting one form twice", n)
	}
}

// errorsOf is the error messages on a page, to say what was there instead.
func errorsOf(body string) string {
	var out []string
	for _, part := range strings.Split(body, `class="nhsuk-error-message"`)[1:] {
		out = append(out, part[:min(len(part), 200)])
	}
	return strings.Join(out, "\n")
}

// TestOutcomeFormChecksEveryItem: each ONS4 answer out of range, not a
// number or missing is shown beside its question, and nothing is saved
// until all four are right.
func TestOutcomeFormChecksEveryItem(t *testing.T) {
	f := newRefFixture(t)
	id := f.accepted(t)
	form := url.Values{"measure": {"ons4"}, "stage": {"baseline"}, "taken_on": {"2026-03-02"},
		"items.life_satisfaction": {"11"}, "items.worthwhile": {"six"}, "items.happy": {"5"}}
	status, body, _ := f.page(t, "worker", "POST", "/app/referrals/"+id+"/outcomes", form)
	for field, want := range map[string]string{
		"items.life_satisfaction": "Life satisfaction must be from 0 to 10",
		"items.worthwhile":        "Worthwhile must be a whole number from 0 to 10",
		"items.anxious":           "Anxiety is required",
	} {
		if !strings.Contains(body, `id="`+field+`-error"><span class="nhsuk-u-visually-hidden">Error: </span>`+want) {
			t.Errorf("no %q beside %s", want, field)
		}
	}
	if status != 422 || strings.Contains(body, `id="items.happy-error"`) {
		t.Fatalf("%d:\n%s", status, errorsOf(body))
	}
	if n := f.count(t, `SELECT count(*) FROM outcomes`); n != 0 {
		t.Fatalf("%d outcomes saved from a wrong form", n)
	}
	form.Set("items.life_satisfaction", "4")
	form.Set("items.worthwhile", "6")
	form.Set("items.anxious", "7")
	status, _, resp := f.page(t, "worker", "POST", "/app/referrals/"+id+"/outcomes", form)
	if status != 303 {
		t.Fatalf("a right form: %d", status)
	}
	body, _ = f.follow(t, "worker", resp)
	if !strings.Contains(body, "Life satisfaction: 4") || !strings.Contains(body, "Baseline ONS4 personal wellbeing recorded") {
		t.Fatalf("outcomes page after saving:\n%s", body)
	}
}

// TestReferralPagesAreOnlyForTheTeam: another team's link worker gets 404
// on every page of a referral, and no change they post lands; other roles
// are turned away; the team's own views are audited under the page's route.
func TestReferralPagesAreOnlyForTheTeam(t *testing.T) {
	f := newRefFixture(t)
	id := f.accepted(t)
	for _, sub := range []string{"", "/contacts", "/plan", "/plan/print", "/connect", "/outcomes", "/close"} {
		status, body, _ := f.page(t, "other-worker", "GET", "/app/referrals/"+id+sub, nil)
		if status != 404 || strings.Contains(body, "Jean") || strings.Contains(body, "9434765919") {
			t.Errorf("another team's link worker GET %s: %d", sub, status)
		}
		for who, want := range map[string]int{"admin": 403, "commissioner": 403, "editor": 403, "": 303} {
			if status, _, _ := f.page(t, who, "GET", "/app/referrals/"+id+sub, nil); status != want {
				t.Errorf("%q GET %s: %d, want %d", who, sub, status, want)
			}
		}
	}
	status, _, _ := f.page(t, "other-worker", "POST", "/app/referrals/"+id+"/close", url.Values{"reason": {"goals_met"}})
	if status != 404 || f.count(t, `SELECT count(*) FROM referrals WHERE status = 'closed'`) != 0 {
		t.Fatalf("another team closing the referral: %d", status)
	}
	before := f.audits(t, id)
	if status, body, _ := f.page(t, "worker", "GET", "/app/referrals/"+id, nil); status != 200 || !strings.Contains(body, "Jean Robson") {
		t.Fatalf("the team's link worker: %d", status)
	}
	var route string
	f.db.Get(&route, `SELECT route FROM person_audit WHERE referral_id = $1 ORDER BY id DESC LIMIT 1`, id)
	if f.audits(t, id) <= before || route != "GET /app/referrals/:id" {
		t.Fatalf("viewing the page left %d audit rows, the last for %q", f.audits(t, id)-before, route)
	}
}

// TestReferralFormsRefuseInPlainEnglish: a move the workflow does not have
// and forms missing what they need are answered on the page, changing
// nothing; right ones move the referral on.
func TestReferralFormsRefuseInPlainEnglish(t *testing.T) {
	f := newRefFixture(t)
	id := f.accepted(t)
	ref := "/app/referrals/" + id
	tests := []struct {
		name, path string
		form       url.Values
		want       string
	}{
		{"move the workflow lacks", "/status", url.Values{"status": {"active"}}, "A referral that is accepted cannot become active"},
		{"close without a reason", "/close", url.Values{"reason": {""}}, "Choose why the referral is closing"},
		{"close as other, unexplained", "/close", url.Values{"reason": {"other"}}, "Final notes is required"},
		{"plan without an owner", "/plan", url.Values{"part": {"plan"}, "action_rows": {"3"}, "goals": {"Walk weekly"},
			"review_on": {"2026-04-01"}, "actions[1].text": {"Try the walk"}, "actions[1].due": {"2026-03-09"}},
			`id="actions[1].owner-error"><span class="nhsuk-u-visually-hidden">Error: </span>Action 2: who is required`},
		{"contact in the future", "/contacts", url.Values{"kind": {"phone"}, "at": {"2026-03-09T10:00"}}, "Date and time must not be in the future"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body, _ := f.page(t, "worker", "POST", ref+tt.path, tt.form)
			if status != 422 || !strings.Contains(body, tt.want) {
				t.Fatalf("%d, want 422 with %q:\n%s", status, tt.want, errorsOf(body))
			}
		})
	}
	if n := f.count(t, `SELECT count(*) FROM referrals WHERE id = $1 AND status = 'accepted'`, id); n != 1 {
		t.Fatal("refused forms changed the referral")
	}
	status, _, _ := f.page(t, "worker", "POST", ref+"/contacts", url.Values{"kind": {"phone"}, "duration_minutes": {"20"}})
	if status != 303 {
		t.Fatalf("logging a contact: %d", status)
	}
	status, _, resp := f.page(t, "worker", "POST", ref+"/close", url.Values{"reason": {"goals_met"}, "note": {"Walking weekly"}})
	if status != 303 || resp.Header.Get("Location") != ref+"/close" {
		t.Fatalf("closing: %d %s", status, resp.Header.Get("Location"))
	}
	body, cookies := f.follow(t, "worker", resp)
	if !strings.Contains(body, "Referral closed") || !strings.Contains(body, "Closed on") {
		t.Fatalf("after closing:\n%s", body)
	}
	deleted := false
	for _, c := range cookies {
		deleted = deleted || c.Name == "kith_flash" && c.Path == "/" && c.Expires.Before(f.now)
	}
	if !deleted {
		t.Errorf("the flash is not deleted once shown, so it would show again: %+v", cookies)
	}
	if !strings.Contains(body, "First contact after 0 days") {
		t.Error("the message back does not tell of the contact")
	}
}

// TestTriageOnTheReferralPage: declining asks for a reason (and for "other",
// why), and accepting codes the referral with SNOMED CT on its timeline.
func TestTriageOnTheReferralPage(t *testing.T) {
	f := newRefFixture(t)
	var in referral.ReferralInput
	raw, _ := json.Marshal(referralBody())
	json.Unmarshal(raw, &in)
	r, _, err := f.ref.CreateReferral(f.workerAs, in, "")
	if err != nil {
		t.Fatal(err)
	}
	path := "/app/referrals/" + r.ID + "/status"
	for form, want := range map[string]string{
		"status=declined":                      `id="decline_reason-error"><span class="nhsuk-u-visually-hidden">Error: </span>Choose why the referral is declined`,
		"status=declined&decline_reason=other": `id="decline_note-error"><span class="nhsuk-u-visually-hidden">Error: </span>Why is required`,
		"status=redirected":                    `id="redirected_to-error"><span class="nhsuk-u-visually-hidden">Error: </span>Where to is required`,
	} {
		values, _ := url.ParseQuery(form)
		if status, body, _ := f.page(t, "worker", "POST", path, values); status != 422 || !strings.Contains(body, want) {
			t.Errorf("%s: %d\n%s", form, status, errorsOf(body))
		}
	}
	status, _, resp := f.page(t, "worker", "POST", path, url.Values{"status": {"accepted"}})
	if status != 303 {
		t.Fatalf("accepting: %d", status)
	}
	body, _ := f.follow(t, "worker", resp)
	if !strings.Contains(body, "The referral is now: accepted") ||
		!strings.Contains(body, "Accepted for social prescribing (SNOMED CT 871731000000106)") {
		t.Fatalf("after accepting:\n%s", body)
	}
}
