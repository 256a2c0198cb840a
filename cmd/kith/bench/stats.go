package bench

import (
	"context"

	"kith/postgres"
)

// datasetStats describes what was generated.
type datasetStats struct {
	Services, Findable, Organisations, Venues int
	MultiSite, Remote, Towns                  int
	FullShare                                 float64
	Vocabulary                                int // distinct words in the generator's word lists
	CorpusWords                               int // distinct words in the findable listings' text
}

func statsOf(ds *dataset) datasetStats {
	st := datasetStats{Services: len(ds.services), Organisations: len(ds.orgs), Venues: len(ds.venues),
		Towns: len(towns), Vocabulary: vocabularySize()}
	full := 0
	for _, s := range ds.services {
		if !s.findable() {
			continue
		}
		st.Findable++
		switch {
		case len(s.venues) == 0:
			st.Remote++
		case len(s.venues) > 1:
			st.MultiSite++
		}
		if s.full {
			full++
		}
	}
	st.FullShare = float64(full) / float64(max(1, st.Findable))
	return st
}

// vocabularySize counts the distinct words text is generated from.
func vocabularySize() int {
	seen := map[string]bool{}
	add := func(list []string) {
		for _, s := range list {
			for _, w := range tokens(s) {
				seen[w] = true
			}
		}
	}
	for _, list := range [][]topic{activityTopics, supportTopics} {
		for _, t := range list {
			add(t.titles)
			add(t.words)
		}
	}
	for _, list := range [][]string{adjectives, groupWords, audiences, places, verbs, frequencies, extras, orgNouns, amounts, templates} {
		add(list)
	}
	return len(seen)
}

func pgVersion(ctx context.Context, db *postgres.DB) string {
	var v string
	if err := db.GetContext(ctx, &v, `SHOW server_version`); err != nil {
		return "unknown"
	}
	return v
}
