package web_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestAuditTrailIsAppendOnly uses the application's own connection pool:
// whatever the application could be tricked into running, it cannot rewrite
// or remove who saw whose data.
func TestAuditTrailIsAppendOnly(t *testing.T) {
	f := newSecFixture(t)
	count := func() int {
		var n int
		must(t, f.db.Get(&n, `SELECT count(*) FROM person_audit`))
		return n
	}
	before := count()
	if before == 0 {
		t.Fatal("the fixture wrote no audit rows")
	}
	for _, q := range []string{
		`UPDATE person_audit SET actor_role = 'nobody'`,
		`DELETE FROM person_audit`,
		`DELETE FROM person_audit WHERE id = (SELECT min(id) FROM person_audit)`,
		`TRUNCATE person_audit`,
	} {
		if _, err := f.db.Exec(q); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v, want refused as append-only", q, err)
		}
	}
	var changed int
	must(t, f.db.Get(&changed, `SELECT count(*) FROM person_audit WHERE actor_role = 'nobody'`))
	if count() != before || changed != 0 {
		t.Fatalf("audit rows changed: %d → %d, %d rewritten", before, count(), changed)
	}
}

func TestSubjectAccessExportAndErasure(t *testing.T) {
	f := newSecFixture(t)
	ref := "/api/referrals/" + f.ids["referrals"]
	f.ok(t, lwOwn, "POST", ref+"/contacts", `{"kind":"phone","at":"2026-03-02T09:00:00Z","duration_minutes":20,"notes":"Talked about her late husband Bill"}`)
	f.ok(t, lwOwn, "PUT", ref+"/what-matters", `{"themes":["Singing again"],"notes":"Misses the chapel choir"}`)
	export := "/api/people/" + f.ids["people"] + "/export"

	resp, raw := f.send(t, lwOwn, "GET", export, "", "")
	var doc struct {
		Person    map[string]any   `json:"person"`
		Referral  map[string]any   `json:"referral"`
		Contacts  []map[string]any `json:"contacts"`
		Plans     []map[string]any `json:"care_plans"`
		Conns     []map[string]any `json:"connections"`
		Outcomes  []map[string]any `json:"outcomes"`
		Matters   []map[string]any `json:"what_matters"`
		Consents  []map[string]any `json:"consents"`
		Events    []map[string]any `json:"events"`
		AccessLog []map[string]any `json:"access_log"`
	}
	must(t, json.Unmarshal(raw, &doc))
	if resp.StatusCode != 200 || resp.Header.Get("Cache-Control") != "private, no-store" ||
		!strings.HasPrefix(resp.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("export: %d %v", resp.StatusCode, resp.Header)
	}
	if doc.Person["name"] != "Jean Robson" || doc.Person["nhs_number"] != "9434765919" || len(doc.Contacts) != 1 ||
		len(doc.Plans) != 1 || len(doc.Conns) != 1 || len(doc.Outcomes) != 1 || len(doc.Matters) != 1 ||
		len(doc.Consents) == 0 || len(doc.Events) < 2 || len(doc.AccessLog) < 5 {
		t.Fatalf("export is missing something: %s", raw)
	}
	var audited int
	must(t, f.db.Get(&audited, `SELECT count(*) FROM person_audit WHERE what = 'subject_access_export' AND actor_id = $1`, f.users[lwOwn].ID))
	if audited != 1 {
		t.Fatalf("%d audit rows for the export, want 1", audited)
	}

	for r, want := range map[role]int{lwOwn: 403, anon: 401} {
		if resp, _ := f.send(t, r, "POST", "/api/people/"+f.ids["people"]+"/erase", "application/json", `{"reason":"subject_request"}`); resp.StatusCode != want {
			t.Errorf("erase as %s: %d, want %d", r, resp.StatusCode, want)
		}
	}
	if resp, raw := f.send(t, adm, "POST", "/api/people/"+f.ids["people"]+"/erase", "application/json", `{"reason":"because"}`); resp.StatusCode != 422 {
		t.Fatalf("erase without a coded reason: %d %s", resp.StatusCode, raw)
	}
	trail := len(doc.AccessLog)
	if resp, raw := f.send(t, adm, "POST", "/api/people/"+f.ids["people"]+"/erase", "application/json", `{"reason":"subject_request"}`); resp.StatusCode != 204 {
		t.Fatalf("erase: %d %s", resp.StatusCode, raw)
	}

	_, raw = f.send(t, adm, "GET", export, "", "")
	must(t, json.Unmarshal(raw, &doc))
	for _, personal := range []string{"Jean Robson", "9434765919", "07700", "SR1 1EQ", "Bill", "chapel", "Singing", "Tuesday walk",
		"Get out twice", "Lonely since", "Would enjoy", "1951-06-14"} {
		if strings.Contains(string(raw), personal) {
			t.Errorf("after erasure the export still holds %q", personal)
		}
	}
	kept := doc.Person["lsoa"] != "" && doc.Person["imd_decile"] != nil && doc.Person["date_of_birth"] == "1951-01-01" &&
		doc.Person["erasure_reason"] == "subject_request" && doc.Person["erased_at"] != nil &&
		doc.Outcomes[0]["score"] == float64(21) && len(doc.Conns) == 1 && doc.Conns[0]["status"] != nil &&
		doc.Referral["source"] == "gp_practice" && doc.Referral["referrer_name"] == "" && len(doc.AccessLog) >= trail+2
	if !kept {
		t.Fatalf("erasure removed what is retained: %s", raw)
	}
	if last := doc.AccessLog[len(doc.AccessLog)-1]; last["action"] != "erase" || last["what"] != "erasure:subject_request" {
		t.Fatalf("erasure not in the trail: %v", doc.AccessLog[len(doc.AccessLog)-3:])
	}
	if resp, raw := f.send(t, lwOwn, "GET", ref, "", ""); resp.StatusCode != 200 || decode(raw)["person"].(map[string]any)["name"] != "Erased" {
		t.Fatalf("the erased referral as its team sees it: %d %s", resp.StatusCode, raw)
	}
}
