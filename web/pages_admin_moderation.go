package web

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

// pendingChange is one version in the moderation queue: whose listing,
// who proposed it, and what it changes against the live listing.
type pendingChange struct {
	directory.Version
	Listing      string // the listing's name as proposed
	Organisation string // a service's organisation
	New          bool   // never published: every field is shown
	Changes      []fieldChange
	NoteField    string // the reject form's reason field, unique on the page
}

// moderationData is one page of the queue.
type moderationData struct {
	Items      []pendingChange
	Total      int
	Prev, Next string
}

const moderationPageSize = 20

func (s *server) moderationPage(c *fiber.Ctx) error {
	return s.renderModeration(c, fiber.StatusOK, s.view(c, "Listing changes to approve"))
}

func (s *server) renderModeration(c *fiber.Ctx, status int, v *view) error {
	offset, err := intParam(c, "offset", 0, 0, 1_000_000)
	if err != nil {
		return err
	}
	vs, total, err := s.dir.PendingVersions(c.UserContext(), moderationPageSize, offset)
	if err != nil {
		return err
	}
	d := moderationData{Total: total}
	for _, ver := range vs {
		p, err := s.pendingChange(c, ver)
		if err != nil {
			return err
		}
		d.Items = append(d.Items, p)
	}
	if offset > 0 {
		d.Prev = "/app/admin/moderation?offset=" + strconv.Itoa(max(0, offset-moderationPageSize))
	}
	if offset+moderationPageSize < total {
		d.Next = "/app/admin/moderation?offset=" + strconv.Itoa(offset+moderationPageSize)
	}
	v.Back, v.Data = "/app/admin", d
	return s.render(c, status, "admin_moderation", v)
}

// pendingChange reads the live listing a version would replace.
func (s *server) pendingChange(c *fiber.Ctx, ver directory.Version) (pendingChange, error) {
	p := pendingChange{Version: ver, NoteField: "note-" + ver.ID}
	var proposed struct {
		Name string `json:"name"`
	}
	json.Unmarshal(ver.Payload, &proposed)
	p.Listing = proposed.Name
	var live any
	published := false
	switch ver.Entity {
	case "service":
		svc, err := s.dir.Service(c.UserContext(), ver.EntityID)
		if err != nil {
			return p, err
		}
		live, published, p.Organisation = svc.Input(), svc.Published, svc.OrganisationName
	case "organisation":
		org, err := s.dir.Organisation(c.UserContext(), ver.EntityID)
		if err != nil {
			return p, err
		}
		live, published = org.Input(), org.Published
	}
	var before json.RawMessage
	if published {
		before, _ = json.Marshal(live)
	}
	p.New = !published
	p.Changes = diffListing(before, ver.Payload)
	return p, nil
}

func (s *server) approvePost(c *fiber.Ctx) error { return s.reviewPost(c, true) }
func (s *server) rejectPost(c *fiber.Ctx) error  { return s.reviewPost(c, false) }

// reviewPost approves or rejects one pending version; a rejection needs a
// reason, which the editor is shown.
func (s *server) reviewPost(c *fiber.Ctx, approve bool) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	f := formOf(c)
	field := "note-" + id
	note := f.Value(field)
	if !approve && note == "" {
		f.Fail(field, "Say why the change is rejected, so the editor can put it right")
	} else {
		ver, err := s.dir.ReviewVersion(c.UserContext(), id, approve, note)
		if err == nil {
			flash(c, reviewedMessage(ver, approve))
			return redirect(c, "/app/admin/moderation")
		}
		if errors.Is(err, directory.ErrConflict) {
			flash(c, "That change has already been dealt with")
			return redirect(c, "/app/admin/moderation")
		}
		if !f.Absorb(renameProblem(err, "note", field)) {
			return err
		}
	}
	v := s.view(c, "Listing changes to approve")
	v.Form = f
	return s.renderModeration(c, fiber.StatusUnprocessableEntity, v)
}

func reviewedMessage(ver *directory.Version, approve bool) string {
	var proposed struct {
		Name string `json:"name"`
	}
	json.Unmarshal(ver.Payload, &proposed)
	what := strings.TrimSpace("“" + proposed.Name + "”")
	if approve {
		return "Approved: " + what + " is live"
	}
	return "Rejected: the change to " + what + " stays unpublished, and your reason is kept for its editor"
}

// renameProblem moves a store problem to the field the page shows it by.
func renameProblem(err error, from, to string) error {
	p := problemsOf(err)
	if why, ok := p[from]; ok {
		return directory.Problems{to: why}
	}
	return err
}
