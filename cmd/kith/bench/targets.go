package bench

import (
	"fmt"
	"time"
)

// The targets.
const (
	maxP99VsPG      = 0.25
	maxP50VsFloor   = 3
	minThroughputPG = 3
	maxRebuild      = 10 * time.Second
	maxSteadyRSS    = 300 << 20
	maxHTTPP99      = 10 * time.Millisecond
	maxFreshness    = time.Second
)

// judge holds the run against every target.
func judge(r *Report) []Target {
	k, f, p := r.Latency[kithIdx][textRadius], r.Latency[floorIdx][textRadius], r.Latency[pgIdx][textRadius]
	tput := r.Throughput[kithIdx] / r.Throughput[pgIdx]
	agreeing, queries := 0, 0
	for _, a := range r.Agreement {
		agreeing, queries = agreeing+a.Kith, queries+a.Queries
	}
	h, fr := r.HTTPRate, r.Fresh
	return []Target{
		{"text + radius p99 ≤ 0.25× postgres p99", fmt.Sprintf("%s vs %s ms = %s", ms(k.P99), ms(p.P99), ratio(float64(k.P99), float64(p.P99))),
			float64(k.P99) <= maxP99VsPG*float64(p.P99)},
		{"text + radius p50 ≤ 3× floor p50", fmt.Sprintf("%s vs %s ms = %s", ms(k.P50), ms(f.P50), ratio(float64(k.P50), float64(f.P50))),
			float64(k.P50) <= maxP50VsFloor*float64(f.P50)},
		{"throughput ≥ 3× postgres", fmt.Sprintf("%.0f vs %.0f queries/s = %.2f×", r.Throughput[kithIdx], r.Throughput[pgIdx], tput),
			tput >= minThroughputPG},
		{"rebuild from PostgreSQL ≤ 10 s", secs(r.Build.Rebuild), r.Build.Rebuild <= maxRebuild},
		{"steady RSS ≤ 300 MB", mb(r.Serving.MaxRSS), r.Serving.Samples > 0 && r.Serving.MaxRSS <= maxSteadyRSS},
		{"/api/search at 200/s offered: p99 ≤ 10 ms", ms(h.P99) + " ms", h.Requests > 0 && h.P99 <= maxHTTPP99},
		{"/api/search at 200/s offered: no errors", fmt.Sprintf("%d errors in %d requests", h.Errors, h.Requests), h.Requests > 0 && h.Errors == 0},
		{"results agree with the oracle on every query", fmt.Sprintf("%d of %d", agreeing, queries), agreeing == queries},
		{"listing change searchable ≤ 1 s", fmt.Sprintf("max %s ms over %d writes", ms(fr.Max), fr.Writes),
			fr.Writes > 0 && fr.Within1s == fr.Writes},
	}
}
