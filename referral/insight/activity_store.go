package insight

import (
	"context"

	"kith/postgres"
	"kith/referral"
)

// The period as London calendar days, for date columns.
const (
	firstDay = `($1::timestamptz AT TIME ZONE 'Europe/London')::date`
	dayAfter = `($2::timestamptz AT TIME ZONE 'Europe/London')::date`
)

// spread is a distribution over people: how many, and its middle, 90th
// percentile and mean.
type spread struct {
	Measure string   `db:"measure"`
	N       int      `db:"n"`
	Median  *float64 `db:"median"`
	P90     *float64 `db:"p90"`
	Mean    *float64 `db:"mean"`
}

func (s *Store) contacts(ctx context.Context, f filter) (Table, error) {
	const q = `
WITH s AS (
    SELECT f.status,
           (f.first_contact_at AT TIME ZONE 'Europe/London')::date
               - (f.received_at AT TIME ZONE 'Europe/London')::date AS days,
           (SELECT count(*) FROM referral_contacts c
            WHERE c.referral_id = f.referral_id AND NOT c.did_not_attend) AS contacts
    FROM referral_facts f WHERE ` + receivedIn + `)
SELECT 'days_to_first_contact' AS measure, count(days) AS n,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90, avg(days) AS mean
FROM s
UNION ALL
SELECT 'contacts_per_person', count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY contacts),
       percentile_cont(0.9) WITHIN GROUP (ORDER BY contacts), avg(contacts)
FROM s WHERE s.status NOT IN ('received', 'declined', 'redirected')`
	var rows []spread
	if err := s.db.SelectContext(ctx, &rows, q, f.args()...); err != nil {
		return Table{}, postgres.MapError(err)
	}
	out := Table{Dims: []string{"measure"}, Columns: []Column{{"people", "People it is measured over"},
		{"median", "Median"}, {"p90", "90th percentile"}, {"mean", "Mean"}},
		Caveats: []string{"days_to_first_contact: London calendar days from receiving the referral to first " +
			"reaching the person, over referrals received in the period that have been reached.",
			"contacts_per_person: contacts the person attended, over referrals received in the period " +
				"that the team accepted."}}
	for _, r := range rows {
		out.Rows = append(out.Rows, Row{Dims: []string{r.Measure}, Figures: []Figure{single(r.N),
			statistic(r.Median, 1, r.N), statistic(r.P90, 1, r.N), statistic(r.Mean, 2, r.N)}})
	}
	return out, nil
}

func (s *Store) connections(ctx context.Context, f filter) (Table, error) {
	const q = `
SELECT CASE WHEN c.started_at IS NOT NULL THEN
                 CASE c.status WHEN 'in_progress' THEN 'attending' WHEN 'completed' THEN 'completed'
                               ELSE 'dropped_out' END
            WHEN c.status = 'failed' THEN 'did_not_start' ELSE c.status END,
       CASE WHEN c.status = 'rejected' THEN c.status_reason ELSE '' END, count(*)
FROM connections c JOIN referral_facts f ON f.referral_id = c.referral_id
WHERE c.created_at >= $1 AND c.created_at < $2 AND ` + inScope + `
GROUP BY 1, 2`
	rows, err := s.keyedCounts(ctx, q, 1, f)
	if err != nil {
		return Table{}, err
	}
	n := map[string]int{}
	for _, r := range rows {
		n[r.key] += r.counts[0]
		if r.key == "rejected" {
			n["rejected:"+r.label] += r.counts[0]
		}
	}
	n["attended"] = n["attending"] + n["completed"] + n["dropped_out"]
	made := []string{"waitlisted", "requested", "accepted", "rejected", "cancelled", "did_not_start", "attended"}
	for _, k := range made {
		n["made"] += n[k]
	}
	nodes := []node{{"made", "", n["made"]}}
	for _, k := range made {
		nodes = append(nodes, node{k, "made", n[k]})
	}
	for _, k := range []string{"attending", "completed", "dropped_out"} {
		nodes = append(nodes, node{k, "attended", n[k]})
	}
	for _, reason := range referral.RejectReasons {
		nodes = append(nodes, node{"rejected:" + reason, "rejected", n["rejected:"+reason]})
	}
	return Table{Dims: []string{"stage", "part_of"}, Columns: []Column{{"connections", "Connections"}},
		Rows: tree(nodes), Caveats: []string{"Connections made in the period, by where each stands now. " +
			"accepted: accepted by the group, not yet started; did_not_start: failed before the person " +
			"attended; attended: the person went at least once."}}, nil
}

// groupLoad is one community group's referral load and community work.
type groupLoad struct {
	ID            string   `db:"id"`
	Name          string   `db:"name"`
	Received      int      `db:"received"`
	Accepted      int      `db:"accepted"`
	Attended      int      `db:"attended"`
	Answered      int      `db:"answered"`
	MedianHours   *float64 `db:"median_hours"`
	CommunityWork int      `db:"community_work"`
}

func (s *Store) communityGroups(ctx context.Context, f filter) (Table, error) {
	const q = `
WITH load AS (
    SELECT s.organisation_id AS id, count(*) AS received,
           count(*) FILTER (WHERE c.responded_at IS NOT NULL AND c.status <> 'rejected') AS accepted,
           count(*) FILTER (WHERE c.started_at IS NOT NULL) AS attended,
           count(*) FILTER (WHERE c.responded_at IS NOT NULL) AS answered,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.responded_at - c.requested_at) / 3600)
               AS median_hours
    FROM connections c JOIN services s ON s.id = c.service_id JOIN referral_facts f ON f.referral_id = c.referral_id
    WHERE c.created_at >= $1 AND c.created_at < $2 AND ` + inScope + `
    GROUP BY s.organisation_id),
work AS (
    SELECT w.organisation_id AS id, count(*) AS community_work FROM community_work w
    WHERE w.organisation_id IS NOT NULL AND ` + workInScope + `
    GROUP BY w.organisation_id)
SELECT o.id, o.name, COALESCE(l.received, 0) AS received, COALESCE(l.accepted, 0) AS accepted,
       COALESCE(l.attended, 0) AS attended, COALESCE(l.answered, 0) AS answered, l.median_hours,
       COALESCE(w.community_work, 0) AS community_work
FROM load l FULL JOIN work w ON w.id = l.id JOIN organisations o ON o.id = COALESCE(l.id, w.id)
ORDER BY o.name, o.id`
	var rows []groupLoad
	if err := s.db.SelectContext(ctx, &rows, q, f.args()...); err != nil {
		return Table{}, postgres.MapError(err)
	}
	return groupTable(rows), nil
}

func groupTable(rows []groupLoad) Table {
	counts := make([][]int, len(rows))
	for k, r := range rows {
		counts[k] = []int{r.Received, r.Accepted, r.Attended, r.CommunityWork}
	}
	t := newCounts(counts, sumColumns(counts, 4), nil)
	out := Table{Dims: []string{"organisation_id", "organisation"},
		Columns: []Column{{"received", "Connections received"}, {"accepted", "Accepted"},
			{"attended", "Attended at least once"}, {"median_response_hours", "Median hours to answer a request"},
			{"community_work", "Community development work logged with the group"}},
		Caveats: []string{"Connections made in the period to the group's services, from people in scope; " +
			"community work logged in the period against the group."}}
	for k, r := range append(rows, groupLoad{ID: "all", Name: "All groups"}) {
		fs := t.figures(k)
		median := none
		if k < len(rows) {
			median = statistic(r.MedianHours, 1, r.Answered)
		}
		out.Rows = append(out.Rows, Row{Dims: []string{r.ID, r.Name}, Figures: []Figure{fs[0], fs[1], fs[2], median, fs[3]}})
	}
	return out
}
