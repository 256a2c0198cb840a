package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

// adminCard is one part of the admin's work on the overview, with what
// waits there.
type adminCard struct {
	Title, Href, Status string
}

// adminPage is the admin's home: what waits for attention and where each
// part of the admin's work lives.
func (s *server) adminPage(c *fiber.Ctx) error {
	ctx := c.UserContext()
	users, teams, err := s.accounts(c)
	if err != nil {
		return err
	}
	_, pending, err := s.dir.PendingVersions(ctx, 1, 0)
	if err != nil {
		return err
	}
	_, submissions, err := s.qa.Queue(ctx, 1, 0)
	if err != nil {
		return err
	}
	index, err := s.indexStatus(ctx)
	if err != nil {
		return err
	}
	v := s.view(c, "Admin")
	v.Data = []adminCard{
		{"Listing changes to approve", "/app/admin/moderation", waiting(pending, "change", "")},
		{"Quality assurance to review", "/app/qa", waiting(submissions, "submitted item", " for a reviewer")},
		{"Users and roles", "/app/admin/users", plural(len(users), "account") + " and " + plural(len(teams), "link-worker team") +
			": add an account or a team"},
		{"Search index", "/app/admin/reindex", index.summary()},
		{"Import listings", "/app/admin/import", importSummary(s.latestJob("import"))},
		{"Needs and activities", "/app/admin/taxonomy", "The categories listings are filed under, and how many use each"},
		{"Quality checklist", "/app/admin/qa-templates", "What groups are asked for, and publishing a new version"},
		{"Insight", "/app/insight", "Gaps in provision, referrals and outcomes, as commissioners see them"},
	}
	return s.render(c, fiber.StatusOK, "admin", v)
}

func waiting(n int, noun, where string) string {
	if n == 0 {
		return "Nothing waiting"
	}
	return plural(n, noun) + " waiting" + where
}

func (st indexStatus) summary() string {
	switch {
	case !st.Running:
		return "Not held by this server"
	case st.Job != nil && st.Job.Running:
		return fmt.Sprintf("Rebuilding: %d%% done", st.Job.Percent)
	case !st.Ready:
		return "Being built"
	case st.Job != nil:
		return fmt.Sprintf("Ready: %s; last rebuilt %s", plural(st.Indexed, "listing"), londonTime(st.Job.Finished))
	}
	return "Ready: " + plural(st.Indexed, "listing")
}

func importSummary(j *jobView) string {
	switch {
	case j == nil:
		return "From an Open Referral UK feed or a spreadsheet"
	case j.Running:
		return fmt.Sprintf("Importing the %s: %d%% done", j.What, j.Percent)
	}
	return "Last import finished " + londonTime(j.Finished)
}

// absorbNamed is form.Absorb with each field's problem starting with the
// field's name, so the store's "is required" reads "Team is required"
// beside the field and in the error summary.
func absorbNamed(f *form, err error, name func(field string) string) bool {
	p := problemsOf(err)
	if len(p) == 0 {
		return f.Absorb(err)
	}
	named := directory.Problems{}
	for field, why := range p {
		if n := name(field); n != "" {
			why = n + " " + why
		}
		named[field] = why
	}
	return f.Absorb(named)
}

// namedFields names fields for absorbNamed from a fixed table.
func namedFields(names map[string]string) func(string) string {
	return func(field string) string { return names[field] }
}
