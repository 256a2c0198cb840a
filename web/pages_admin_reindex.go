package web

import (
	"context"
	"errors"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

// indexStatus is the search index of this process as the admin pages
// show it.
type indexStatus struct {
	Running    bool // this process has a search engine at all
	Ready      bool
	Indexed    int
	Searchable int
	Cursor     int64
	Job        *jobView
}

func (s *server) indexStatus(ctx context.Context) (indexStatus, error) {
	st := indexStatus{Running: s.searcher != nil, Job: s.latestJob("reindex")}
	if !st.Running {
		return st, nil
	}
	st.Ready, st.Indexed, st.Cursor = s.searcher.Ready(ctx) == nil, s.searcher.Len(), s.searcher.Cursor()
	var err error
	st.Searchable, err = s.dir.SearchableCount(ctx)
	return st, err
}

// reindexPage shows the index and the latest rebuild; htmx polls it for
// the progress block alone while a rebuild runs.
func (s *server) reindexPage(c *fiber.Ctx) error {
	st, err := s.indexStatus(c.UserContext())
	if err != nil {
		return err
	}
	v := s.view(c, "Search index")
	v.Back = "/app/admin"
	v.Data = st
	if c.Get("HX-Request") == "true" {
		return s.fragment(c, "admin_reindex", "job", v)
	}
	return s.render(c, fiber.StatusOK, "admin_reindex", v)
}

// errNoSearch answers when this process serves no search index to rebuild.
var errNoSearch = directory.Errorf(directory.ErrUnavailable, "this server has no search index to rebuild")

// startReindex rebuilds this process's index from PostgreSQL beside the
// live one, which keeps answering searches until the new one is swapped in.
func (s *server) startReindex(c *fiber.Ctx) error {
	if s.searcher == nil {
		return errNoSearch
	}
	total, err := s.dir.SearchableCount(c.UserContext())
	if err != nil {
		return err
	}
	err = s.startJob(c, "reindex", "rebuild of the search index", func(ctx context.Context, j *job) (any, error) {
		j.progress(0, total)
		return nil, s.searcher.Rebuild(ctx, func(n int) { j.progress(n, total) })
	})
	switch {
	case errors.Is(err, errJobRunning):
		flash(c, "A rebuild is already running: its progress is below")
	case err != nil:
		return err
	default:
		flash(c, "The search index is being rebuilt: searches are answered from the old one until it is ready")
	}
	return redirect(c, "/app/admin/reindex")
}
