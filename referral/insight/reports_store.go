package insight

import (
	"context"
	"slices"
	"strconv"

	"kith/directory"
	"kith/postgres"
	"kith/referral"
)

// builder makes one report from a resolved filter.
type builder struct {
	title string
	build func(s *Store, ctx context.Context, f filter) (Table, error)
}

var builders = map[Report]builder{
	ReportBySource:        {"Referrals by the kind of agency that made them, and how triage answered", (*Store).bySource},
	ReportByMonth:         {"Referrals received each month", (*Store).byMonth},
	ReportByNeed:          {"Referrals by coded need", (*Store).byNeed},
	ReportByIMD:           {"Referrals by the deprivation of the area people live in", (*Store).byIMD},
	ReportByAge:           {"Referrals by age band at referral", (*Store).byAge},
	ReportTriage:          {"Referrals accepted, declined (by reason), redirected and awaiting triage", (*Store).triage},
	ReportContacts:        {"Days from referral to first contact, and contacts per person", (*Store).contacts},
	ReportConnections:     {"Connections to community services made, attended and completed", (*Store).connections},
	ReportOutcomes:        {"Change in wellbeing from baseline to follow-up (ONS4 items, SWEMWBS)", (*Store).outcomes},
	ReportCommunityGroups: {"Each community group's referral load and the community work done with it", (*Store).communityGroups},
	ReportUnmetNeeds:      {"Unmet needs by area and need", (*Store).unmetNeeds},
	ReportCommunityWork:   {"Community development work by area and need (community impact)", (*Store).communityWork},
}

// Report builds report r for a commissioner (confined to their authority)
// or an admin.
func (s *Store) Report(ctx context.Context, r Report, q Query) (Table, error) {
	b, ok := builders[r]
	if !ok {
		return Table{}, directory.ErrNotFound
	}
	f, err := s.resolve(ctx, q)
	if err != nil {
		return Table{}, err
	}
	t, err := b.build(s, ctx, f)
	if err != nil {
		return Table{}, err
	}
	t.Report, t.Title, t.Period, t.Category, t.Area = r, b.title, q.Period, f.category, f.scope
	return t, nil
}

// inScope keeps referral facts (f) with a need in the category ($3) from
// people in the viewer's authority ($4).
const inScope = hasNeed + ` AND ($4 = '' OR f.lad = $4)`

// receivedIn keeps referrals in scope received in the period ($1, $2).
const receivedIn = `f.received_at >= $1 AND f.received_at < $2 AND ` + inScope

// keyed is one row of a grouped count: its key, a label, and counts.
type keyed struct {
	key, label string
	counts     []int
}

// keyedCounts runs q, whose rows are a key, a label and width counts.
func (s *Store) keyedCounts(ctx context.Context, q string, width int, f filter) ([]keyed, error) {
	rows, err := s.db.QueryContext(ctx, q, f.args()...)
	if err != nil {
		return nil, postgres.MapError(err)
	}
	defer rows.Close()
	var out []keyed
	for rows.Next() {
		k := keyed{counts: make([]int, width)}
		dst := []any{&k.key, &k.label}
		for c := range k.counts {
			dst = append(dst, &k.counts[c])
		}
		if err := rows.Scan(dst...); err != nil {
			return nil, postgres.MapError(err)
		}
		out = append(out, k)
	}
	return out, postgres.MapError(rows.Err())
}

// breakdown lays counts out under a fixed list of keys, zeros included, so
// a reader sees every category whether or not it happened.
func breakdown(rows []keyed, keys []string, width int) [][]int {
	byKey := map[string][]int{}
	for _, r := range rows {
		byKey[r.key] = r.counts
	}
	out := make([][]int, len(keys))
	for k, key := range keys {
		out[k] = byKey[key]
		if out[k] == nil {
			out[k] = make([]int, width)
		}
	}
	return out
}

// oneWay is a table of one count per key plus an "all" row that the
// counts add up to.
func oneWay(keys []string, counts [][]int, dim string, col Column) Table {
	t := newCounts(counts, sumColumns(counts, 1), nil)
	out := Table{Dims: []string{dim}, Columns: []Column{col}}
	for r, key := range withAll(keys) {
		out.Rows = append(out.Rows, Row{Dims: []string{key}, Figures: t.figures(r)})
	}
	return out
}

// withAll is keys and then the "all" row that totals them.
func withAll(keys []string) []string { return append(slices.Clone(keys), "all") }

var referralsColumn = Column{Key: "referrals", Label: "Referrals received"}

func (s *Store) bySource(ctx context.Context, f filter) (Table, error) {
	const q = `
SELECT f.source, '', count(*),
       count(*) FILTER (WHERE f.status NOT IN ('received', 'declined', 'redirected')),
       count(*) FILTER (WHERE f.status = 'declined'),
       count(*) FILTER (WHERE f.status = 'redirected'),
       count(*) FILTER (WHERE f.status = 'received')
FROM referral_facts f WHERE ` + receivedIn + `
GROUP BY f.source`
	rows, err := s.keyedCounts(ctx, q, 5, f)
	if err != nil {
		return Table{}, err
	}
	counts := breakdown(rows, referral.Sources, 5)
	t := newCounts(counts, sumColumns(counts, 5), &rowSum{total: 0, parts: []int{1, 2, 3, 4}})
	out := Table{Dims: []string{"source"}, Columns: []Column{referralsColumn,
		{"accepted", "Accepted by the link-worker team (at any later stage now)"}, {"declined", "Declined"},
		{"redirected", "Redirected to another service"}, {"awaiting_triage", "Not yet triaged"}}}
	for r, key := range withAll(referral.Sources) {
		out.Rows = append(out.Rows, Row{Dims: []string{key}, Figures: t.figures(r)})
	}
	return out, nil
}

// byMonth counts referrals by the calendar month in England they arrived
// in, every month of the period listed, so a quiet month shows as 0.
func (s *Store) byMonth(ctx context.Context, f filter) (Table, error) {
	const q = `
SELECT to_char(f.received_at AT TIME ZONE 'Europe/London', 'YYYY-MM'), '', count(*)
FROM referral_facts f WHERE ` + receivedIn + `
GROUP BY 1`
	rows, err := s.keyedCounts(ctx, q, 1, f)
	if err != nil {
		return Table{}, err
	}
	months := f.q.Period.months()
	t := oneWay(months, breakdown(rows, months, 1), "month", referralsColumn)
	t.Caveats = []string{"Months are calendar months in England (YYYY-MM); the first and last may be " +
		"only part of a month when the period starts or ends mid-month."}
	return t, nil
}

func (s *Store) byNeed(ctx context.Context, f filter) (Table, error) {
	const q = `
SELECT t.code, t.name, count(*)
FROM referral_facts f JOIN referral_needs n ON n.referral_id = f.referral_id JOIN taxonomy_terms t ON t.id = n.term_id
WHERE ` + receivedIn + `
GROUP BY t.code, t.name
UNION ALL
SELECT '', '', count(*) FROM referral_facts f WHERE ` + receivedIn + `
ORDER BY 1`
	rows, err := s.keyedCounts(ctx, q, 1, f)
	if err != nil {
		return Table{}, err
	}
	total, needs := rows[0], rows[1:]
	counts := make([][]int, len(needs))
	for k, r := range needs {
		counts[k] = r.counts
	}
	t := newCounts(counts, total.counts, nil)
	out := Table{Dims: []string{"need", "need_name"}, Columns: []Column{referralsColumn},
		Caveats: []string{"A referral with several needs is counted under each, so the needs add up to more " +
			"than the referrals; the all row counts each referral once."}}
	for r, n := range append(needs, keyed{key: "all", label: "All referrals"}) {
		out.Rows = append(out.Rows, Row{Dims: []string{n.key, n.label}, Figures: t.figures(r)})
	}
	return out, nil
}

// imdQuintiles are the rows of the deprivation report: 1 is the most
// deprived fifth of English LSOAs.
var imdQuintiles = []string{"1", "2", "3", "4", "5", "unknown"}

func (s *Store) byIMD(ctx context.Context, f filter) (Table, error) {
	const q = `
SELECT COALESCE(((f.imd_decile + 1) / 2)::text, 'unknown'), '', count(*)
FROM referral_facts f WHERE ` + receivedIn + `
GROUP BY 1`
	rows, err := s.keyedCounts(ctx, q, 1, f)
	if err != nil {
		return Table{}, err
	}
	t := oneWay(imdQuintiles, breakdown(rows, imdQuintiles, 1), "imd_quintile", referralsColumn)
	t.Caveats = []string{"IMD 2019 quintile of the LSOA the person lives in: 1 is the most deprived fifth of " +
		"English LSOAs, 5 the least. Unknown: no postcode, or one Kith cannot place."}
	return t, nil
}

// ageBands are the rows of the age report, as width_bucket numbers them.
var ageBands = []string{"0-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-84", "85+"}

func (s *Store) byAge(ctx context.Context, f filter) (Table, error) {
	const q = `
SELECT width_bucket(f.age_at_referral, ARRAY[18, 25, 35, 45, 55, 65, 75, 85])::text, '', count(*)
FROM referral_facts f WHERE ` + receivedIn + `
GROUP BY 1`
	rows, err := s.keyedCounts(ctx, q, 1, f)
	if err != nil {
		return Table{}, err
	}
	buckets := make([]string, len(ageBands))
	for k := range ageBands {
		buckets[k] = strconv.Itoa(k)
	}
	t := oneWay(ageBands, breakdown(rows, buckets, 1), "age_band", referralsColumn)
	t.Caveats = []string{"Age in whole years on the day of referral, from the date of birth, which is never shown.",
		"Sex is not recorded on referrals in Kith, so referrals cannot be broken down by sex."}
	return t, nil
}

func (s *Store) triage(ctx context.Context, f filter) (Table, error) {
	const q = `
SELECT CASE f.status WHEN 'received' THEN 'awaiting_triage' WHEN 'declined' THEN 'declined'
                     WHEN 'redirected' THEN 'redirected' ELSE 'accepted' END,
       CASE WHEN f.status = 'declined' THEN f.status_reason ELSE '' END, count(*)
FROM referral_facts f WHERE ` + receivedIn + `
GROUP BY 1, 2`
	rows, err := s.keyedCounts(ctx, q, 1, f)
	if err != nil {
		return Table{}, err
	}
	n := map[string]int{}
	for _, r := range rows {
		n[r.key] += r.counts[0]
		n["referrals"] += r.counts[0]
		if r.key == "declined" {
			n["declined:"+r.label] += r.counts[0]
		}
	}
	nodes := []node{{"referrals", "", n["referrals"]}}
	for _, k := range []string{"accepted", "declined", "redirected", "awaiting_triage"} {
		nodes = append(nodes, node{k, "referrals", n[k]})
	}
	for _, reason := range referral.DeclineReasons {
		nodes = append(nodes, node{"declined:" + reason, "declined", n["declined:"+reason]})
	}
	return Table{Dims: []string{"outcome", "part_of"}, Columns: []Column{referralsColumn}, Rows: tree(nodes),
		Caveats: []string{"Accepted counts every referral the team took on, whatever stage it has reached since."}}, nil
}
