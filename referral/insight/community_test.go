package insight_test

import (
	"errors"
	"testing"

	"kith/directory"
	"kith/referral/insight"
)

func TestWorkInputValidate(t *testing.T) {
	org := "6a8e0c1d-7e3f-4a10-8b8c-1f0e6a434b55"
	four := 4
	tests := []struct {
		name    string
		in      insight.WorkInput
		problem string
	}{
		{"advice to a group", insight.WorkInput{Kind: "advice_training", OrganisationID: org}, ""},
		{"a gap in an area", insight.WorkInput{Kind: "gap_raised", AreaCode: "e08000024", Category: "walking"}, ""},
		{"volunteers counted", insight.WorkInput{Kind: "volunteers_recruited", OrganisationID: org, People: &four}, ""},
		{"unknown kind", insight.WorkInput{Kind: "lunch", OrganisationID: org}, "kind"},
		{"neither", insight.WorkInput{Kind: "new_group"}, "organisation_id"},
		{"both", insight.WorkInput{Kind: "new_group", OrganisationID: org, AreaCode: "E08000024"}, "area_code"},
		{"not an authority", insight.WorkInput{Kind: "new_group", AreaCode: "E99999999"}, "area_code"},
		{"volunteers uncounted", insight.WorkInput{Kind: "volunteers_recruited", OrganisationID: org}, "people"},
		{"tomorrow", insight.WorkInput{Kind: "funding_bid", OrganisationID: org, HappenedOn: "2026-03-03"}, "happened_on"},
		{"bad category", insight.WorkInput{Kind: "funding_bid", OrganisationID: org, Category: "Walk ing"}, "category"},
		{"hidden characters", insight.WorkInput{Kind: "funding_bid", OrganisationID: org, Notes: "a\x00b"}, "notes"},
		{"bad team", insight.WorkInput{Kind: "funding_bid", OrganisationID: org, TeamID: "x"}, "team_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.in.Validate(start)
			var p directory.Problems
			switch {
			case tt.problem == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.problem != "" && (!errors.As(err, &p) || p[tt.problem] == ""):
				t.Fatalf("%v does not name %s", err, tt.problem)
			case tt.problem == "" && tt.in.HappenedOn != "2026-03-02":
				t.Fatalf("date defaulted to %q, want today", tt.in.HappenedOn)
			}
		})
	}
}

func TestCommunityWorkLog(t *testing.T) {
	r := newRegion(t)
	walks, four := r.orgs["Hendon Health Walks"], 4
	for _, in := range []insight.WorkInput{
		{Kind: "advice_training", OrganisationID: walks, Category: "walking", Notes: "Helped write a lone-walker policy."},
		{Kind: "funding_bid", OrganisationID: walks, HappenedOn: "2026-02-20"},
		{Kind: "volunteers_recruited", OrganisationID: walks, Category: "walking", People: &four},
		{Kind: "gap_raised", AreaCode: sunderland, Category: "walking", Notes: "No walking group north of the river."},
	} {
		w, err := r.ins.LogWork(r.worker, in)
		must(t, err)
		if w.LocalAuthority != sunderland || w.TeamID != r.team || w.RecordedBy != "Gemma Robson" {
			t.Fatalf("logged %+v", w)
		}
	}
	page, err := r.ins.WorkLog(r.worker, insight.WorkFilter{Limit: 10})
	must(t, err)
	if page.Total != 4 || page.Items[3].Kind != "funding_bid" {
		t.Fatalf("log %+v, want the funding bid of 20 February last", page)
	}
	for _, w := range page.Items {
		if (w.OrganisationID != nil) != (w.OrganisationName == "Hendon Health Walks") || (w.Kind == "gap_raised") != (w.AreaCode == sunderland) {
			t.Fatalf("entry %+v", w)
		}
	}
	for _, who := range []string{"editor", "sunderland"} {
		if _, err := r.ins.WorkLog(r.users[who], insight.WorkFilter{Limit: 10}); !errors.Is(err, directory.ErrForbidden) {
			t.Errorf("%s reads the log: %v", who, err)
		}
	}
	if _, err := r.ins.LogWork(r.users["sunderland"], insight.WorkInput{Kind: "new_group", AreaCode: sunderland}); !errors.Is(err, directory.ErrForbidden) {
		t.Errorf("a commissioner logged work: %v", err)
	}
	tab, err := r.ins.Report(r.users["sunderland"], insight.ReportCommunityWork, r.query(t, false, ""))
	must(t, err)
	want := map[string]string{"E08000024/Sunderland/walking/Walking groups": "<5 <5 0 <5 0 <5 <5",
		"E08000024/Sunderland/none/": "<5 0 <5 0 0 0 0", "all/all/all/all": "<5 <5 <5 <5 0 <5 <5"}
	if got := rows(tab); len(got) != 3 || got["E08000024/Sunderland/walking/Walking groups"] != want["E08000024/Sunderland/walking/Walking groups"] ||
		got["E08000024/Sunderland/none/"] != want["E08000024/Sunderland/none/"] || got["all/all/all/all"] != want["all/all/all/all"] {
		t.Fatalf("community work %v", got)
	}
	groups, err := r.ins.Report(r.users["sunderland"], insight.ReportCommunityGroups, r.query(t, false, ""))
	must(t, err)
	if got := rows(groups)[walks+"/Hendon Health Walks"]; got != "<5 <5 0 <5 <5" {
		t.Fatalf("Hendon Health Walks' load and work: %q", got)
	}
}

func TestCommunityWorkRefusals(t *testing.T) {
	r := newRegion(t)
	tests := []struct {
		in      insight.WorkInput
		problem string
	}{
		{insight.WorkInput{Kind: "new_group", OrganisationID: "6a8e0c1d-7e3f-4a10-8b8c-1f0e6a434b55"}, "organisation_id"},
		{insight.WorkInput{Kind: "new_group", AreaCode: sunderland, Category: "no-such-need"}, "category"},
		{insight.WorkInput{Kind: "new_group", AreaCode: sunderland, TeamID: "6a8e0c1d-7e3f-4a10-8b8c-1f0e6a434b55"}, "team_id"},
	}
	for _, tt := range tests {
		_, err := r.ins.LogWork(r.worker, tt.in)
		var p directory.Problems
		if !errors.As(err, &p) || p[tt.problem] == "" {
			t.Errorf("%+v: %v, want a problem with %s", tt.in, err, tt.problem)
		}
	}
	if page, _ := r.ins.WorkLog(r.admin, insight.WorkFilter{Limit: 10}); page.Total != 0 {
		t.Fatalf("refused entries were logged: %+v", page)
	}
}
