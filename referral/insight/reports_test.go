package insight_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"kith/referral/insight"
)

// rows is a table as a reader sees it: each row's dimensions joined by /,
// and its figures as CSV cells joined by spaces.
func rows(t insight.Table) map[string]string {
	out := map[string]string{}
	for _, r := range t.Rows {
		cells := make([]string, len(r.Figures))
		for k, f := range r.Figures {
			cells[k] = f.CSV()
		}
		out[strings.Join(r.Dims, "/")] = strings.Join(cells, " ")
	}
	return out
}

// The region's figures, worked by hand. Counts from 1 to 4 read <5, and so
// does the next smallest count beside one that would otherwise be the only
// one withheld from a total: B's 3 pharmacy referrals would be 11 - 6 - 2
// if the 2 from housing were shown, so neither is.
func TestReportsByHand(t *testing.T) {
	r := newRegion(t)
	tests := []struct {
		report insight.Report
		who    string
		want   map[string]string
	}{
		{insight.ReportBySource, "sunderland", map[string]string{"gp_practice": "6 <5 <5 0 0",
			"pharmacy": "<5 0 0 0 <5", "housing": "<5 0 0 0 <5", "police": "0 0 0 0 0", "all": "11 <5 <5 0 5"}},
		{insight.ReportBySource, "england", map[string]string{"gp_practice": "6 <5 <5 0 0",
			"police": "<5 0 0 0 <5", "all": "12 <5 <5 0 6"}},
		{insight.ReportBySource, "yorkshire", map[string]string{"gp_practice": "0 0 0 0 0",
			"police": "<5 0 0 0 <5", "all": "<5 0 0 0 <5"}},
		{insight.ReportByMonth, "sunderland", map[string]string{"2025-03": "0", "2026-02": "0", "2026-03": "11",
			"all": "11"}},
		{insight.ReportByMonth, "yorkshire", map[string]string{"2026-03": "<5", "all": "<5"}},
		{insight.ReportByNeed, "sunderland", map[string]string{"loneliness/Loneliness & befriending": "6",
			"walking/Walking groups": "11", "all/All referrals": "11"}},
		{insight.ReportByIMD, "sunderland", map[string]string{"1": "<5", "2": "0", "4": "<5", "unknown": "0",
			"all": "11"}},
		{insight.ReportByAge, "sunderland", map[string]string{"18-24": "0", "25-34": "<5", "35-44": "<5",
			"65-74": "<5", "85+": "<5", "all": "11"}},
		{insight.ReportTriage, "sunderland", map[string]string{"referrals/": "11", "accepted/referrals": "<5",
			"declined/referrals": "<5", "redirected/referrals": "0", "awaiting_triage/referrals": "5",
			"declined:person_declined/declined": "<5", "declined:not_eligible/declined": "0"}},
		{insight.ReportContacts, "sunderland", map[string]string{"days_to_first_contact": "5 3 4.6 3",
			"contacts_per_person": "5 3 4.6 3"}},
		{insight.ReportConnections, "sunderland", map[string]string{"made/": "<5", "accepted/made": "<5",
			"rejected/made": "<5", "requested/made": "0", "attended/made": "0", "rejected:no_capacity/rejected": "<5"}},
		{insight.ReportOutcomes, "sunderland", map[string]string{"ons4/life_satisfaction": "5 5 6 1 1 1",
			"ons4/worthwhile": "5 6 6 0 0 0", "ons4/happy": "5 7 8 1 1 1", "ons4/anxious": "5 8 6 -2 -2 -2",
			"swemwbs/score": "5 21 24 3 1.04 4.96"}},
		{insight.ReportOutcomes, "yorkshire", map[string]string{"swemwbs/score": "0     "}},
		{insight.ReportUnmetNeeds, "sunderland", map[string]string{"E08000024/Sunderland": "<5 <5",
			"all/all": "<5 <5"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.report)+" for "+tt.who, func(t *testing.T) {
			tab, err := r.ins.Report(r.users[tt.who], tt.report, r.query(t, false, ""))
			must(t, err)
			if tab.Title == "" || tab.Title != tt.report.Title() {
				t.Errorf("title %q, Report.Title %q", tab.Title, tt.report.Title())
			}
			got := rows(tab)
			for row, want := range tt.want {
				if got[row] != want {
					t.Errorf("%s: %q, want %q", row, got[row], want)
				}
			}
		})
	}
}

func TestCommunityGroupsReport(t *testing.T) {
	r := newRegion(t)
	tab, err := r.ins.Report(r.users["sunderland"], insight.ReportCommunityGroups, r.query(t, false, ""))
	must(t, err)
	walks := r.orgs["Hendon Health Walks"] + "/Hendon Health Walks"
	if got := rows(tab); len(got) != 2 || got[walks] != "<5 <5 0 <5 0" || got["all/All groups"] != "<5 <5 0  0" {
		t.Fatalf("community groups %v", got)
	}
}

// A report's CSV and JSON say the same thing, with what it covers first.
func TestReportFormats(t *testing.T) {
	r := newRegion(t)
	tab, err := r.ins.Report(r.users["sunderland"], insight.ReportBySource, r.query(t, false, "from=2026-01-01&to=2026-03-31"))
	must(t, err)
	var out bytes.Buffer
	must(t, tab.WriteCSV(&out))
	if !strings.HasPrefix(out.String(), "# kith report: referrals-by-source") ||
		!strings.Contains(out.String(), "# period: 2026-01-01 to 2026-03-31\n# category: all needs\n# area: E08000024 Sunderland\n") {
		t.Fatalf("CSV starts %q", out.String()[:200])
	}
	cr := csv.NewReader(&out)
	cr.Comment = '#'
	lines, err := cr.ReadAll()
	must(t, err)
	if strings.Join(lines[0], ",") != "source,referrals,accepted,declined,redirected,awaiting_triage" ||
		strings.Join(lines[len(lines)-1], ",") != "all,11,<5,<5,0,5" {
		t.Fatalf("CSV %v", lines)
	}
	b, err := json.Marshal(tab)
	must(t, err)
	var doc struct {
		Report string `json:"report"`
		Area   struct{ Code string }
		Rows   []map[string]any `json:"rows"`
	}
	must(t, json.Unmarshal(b, &doc))
	last := doc.Rows[len(doc.Rows)-1]
	if doc.Report != "referrals-by-source" || doc.Area.Code != sunderland || last["source"] != "all" ||
		last["accepted"].(map[string]any)["suppressed"] != true {
		t.Fatalf("JSON %s", b)
	}
}
