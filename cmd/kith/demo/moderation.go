package demo

import (
	"context"
	"fmt"
	"slices"

	"kith/directory"
)

// moderation leaves the queue with something in it, as a live directory's
// is: an editor's change to a published listing, and a new listing from
// another group that nobody has approved yet. It reports whether this run
// wrote the draft listing, and says what is queued.
func moderation(ctx context.Context, store *directory.Store, r *region, ls []*login) (int, string, error) {
	editor, editor2 := ls[4].user, ls[5].user
	edited := editable(r.firstOf("community"))
	if err := proposeEdit(ctx, store, &editor, edited); err != nil {
		return 0, "", err
	}
	draft := draftListing(r.firstOf("arts"))
	_, ver, err := store.PutService(directory.WithUser(ctx, &editor2), draft.id, draft.in)
	what := fmt.Sprintf("an edit to %q by %s, and the new listing %q by %s",
		edited.in.Name, editor.Email, draft.in.Name, editor2.Email)
	return changed(ver), what, err
}

// proposeEdit has the VCSE editor ask to add a second weekly session to one
// of their listings. The store would supersede an identical pending
// proposal with a new one, so it is only made when none is waiting.
func proposeEdit(ctx context.Context, store *directory.Store, editor *directory.User, s *service) error {
	history, err := store.History(ctx, "service", s.id)
	if err != nil {
		return err
	}
	if slices.ContainsFunc(history, func(v directory.Version) bool { return v.State == directory.VersionPending }) {
		return nil
	}
	in := s.in
	in.Description += " From next month we are adding a Thursday afternoon session too, as the group is full most weeks."
	in.Schedules = append(slices.Clone(s.in.Schedules), directory.Schedule{
		ID: newID("schedule", s.key, "proposed"), LocationID: in.Locations[0].ID,
		Freq: "WEEKLY", ByDay: []string{"TH"}, OpensAt: "13:30", ClosesAt: "15:30",
		Description: "Extra session, starting next month",
	})
	_, _, err = store.UpdateService(directory.WithUser(ctx, editor), s.id, in)
	return err
}

// editable is the organisation's first running, venue-based listing.
func editable(o *org) *service {
	for _, s := range o.services {
		if s.in.Status == "active" && len(s.in.Locations) > 0 {
			return s
		}
	}
	return o.services[0]
}

// draftListing is a new listing a VCSE editor has written but a moderator
// has not yet seen.
func draftListing(o *org) *service {
	key := o.key + "/draft"
	v := o.venues[0]
	loc := locations(o, []*venue{v})
	return &service{key: key, id: newID("service", key), in: directory.ServiceInput{
		OrganisationID: o.id,
		Name:           "Saturday Family Art Club",
		Description: "A new monthly art club at " + v.name + " for children and their grown-ups, starting this spring. " +
			"Each session has a theme, from seaside collage to clay animals, and everything you need is provided. " +
			"Children must come with an adult; booking is essential while we find our feet.",
		Status: "active", MinAge: age(5), MaxAge: age(11), Free: true,
		Eligibility:   "Children aged 5 to 11, who must come with a parent or carer.",
		Languages:     []string{"en"},
		DeliveryModes: []string{"in_person"},
		Locations:     loc,
		Schedules: []directory.Schedule{{ID: newID("schedule", key, "0"), LocationID: loc[0].ID,
			Freq: "MONTHLY", ByDay: []string{"1SA"}, OpensAt: "10:00", ClosesAt: "12:00"}},
		Phones:     []directory.Phone{{ID: newID("phone", key, "0"), Number: o.phone, Type: "voice"}},
		Categories: []string{"arts-creativity", "families"},
	}}
}
