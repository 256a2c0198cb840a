package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/qa"
)

// vcseOrganisationPage is a VCSE editor's home: their organisation's details,
// its listings with where each stands, capacity at a glance and the state
// of its quality assurance.
type vcseOrganisationPage struct {
	Org        directory.Organisation
	Registered []directory.Identifier
	Change     string
	Listings   []vcseListing
	Tiers      []qaTierLine
	Todo       []qaTodoLine
	Statuses   []option
}

type vcseListing struct {
	ID, Name       string
	State          vcseTag
	Note           string
	Closed         string
	Published      bool
	Intake         vcseTag
	Places, Paused string
}

func (s *server) vcseOrganisationPage(c *fiber.Ctx) error {
	v, err := s.vcseOrganisationView(c, nil)
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "vcse-organisation", v)
}

// vcseOrganisationSave sends changed details for review (or straight live
// while the organisation is unpublished, as the store decides).
func (s *server) vcseOrganisationSave(c *fiber.Ctx) error {
	id, err := myOrganisation(c)
	if err != nil {
		return err
	}
	f := formOf(c)
	base, err := s.vcseOrganisationBase(c, id)
	if err != nil {
		return err
	}
	in := base
	in.Name, in.Description = f.Value("name"), f.Value("description")
	in.Email, in.URL, in.LegalStatus = f.Value("email"), f.Value("url"), f.Value("legal_status")
	_, ver, err := s.dir.UpdateOrganisation(c.UserContext(), id, in)
	if err != nil {
		if !vcseAbsorb(f, err, vcseLabelled(vcseOrganisationLabels)) {
			return err
		}
		v, verr := s.vcseOrganisationView(c, f)
		if verr != nil {
			return verr
		}
		return s.render(c, fiber.StatusUnprocessableEntity, "vcse-organisation", v)
	}
	flash(c, versionSaved(ver, "your organisation's details"))
	return redirect(c, "/app/organisation")
}

var vcseOrganisationLabels = map[string]string{
	"name": "Name", "description": "Description", "email": "Email address", "url": "Website",
}

// vcseOrganisationBase is the details an edit starts from: a change waiting
// for review, or what is live.
func (s *server) vcseOrganisationBase(c *fiber.Ctx, id string) (directory.OrganisationInput, error) {
	org, err := s.dir.Organisation(c.UserContext(), id)
	if err != nil {
		return directory.OrganisationInput{}, err
	}
	versions, err := s.dir.LatestVersions(c.UserContext(), id)
	if err != nil {
		return directory.OrganisationInput{}, err
	}
	return pendingOr(vcseVersion(versions, id), org.Input()), nil
}

func (s *server) vcseOrganisationView(c *fiber.Ctx, posted *form) (*view, error) {
	id, err := myOrganisation(c)
	if err != nil {
		return nil, err
	}
	ctx := c.UserContext()
	org, err := s.dir.Organisation(ctx, id)
	if err != nil {
		return nil, err
	}
	versions, err := s.dir.LatestVersions(ctx, id)
	if err != nil {
		return nil, err
	}
	listings, err := s.vcseListings(c, id, versions)
	if err != nil {
		return nil, err
	}
	todo, err := s.qa.Todo(ctx, id)
	if err != nil {
		return nil, err
	}
	v := s.view(c, org.Name)
	v.Form = posted
	if posted == nil {
		v.Form = vcseOrganisationForm(pendingOr(vcseVersion(versions, id), org.Input()))
	}
	v.Data = vcseOrganisationPage{Org: org, Change: versionNote(vcseVersion(versions, id)), Listings: listings,
		Tiers: qaTierLines(todo.Assurance), Todo: qaTodoLines(todo.Items), Statuses: vcseLegalStatusOptions(),
		Registered: vcseRegistered(org.Identifiers)}
	return v, nil
}

func vcseVersion(vs map[string]directory.Version, id string) *directory.Version {
	if v, ok := vs[id]; ok {
		return &v
	}
	return nil
}

func vcseOrganisationForm(in directory.OrganisationInput) *form {
	f := newForm(nil)
	f.Set("name", in.Name)
	f.Set("description", in.Description)
	f.Set("email", in.Email)
	f.Set("url", in.URL)
	f.Set("legal_status", in.LegalStatus)
	return f
}

var vcseLegalStatusNames = map[string]string{
	"charity": "Registered charity", "cio": "Charitable incorporated organisation (CIO)",
	"cic": "Community interest company (CIC)", "company": "Company limited by guarantee",
	"constituted_group": "Constituted community group", "unincorporated": "Unincorporated association",
	"public_body": "Public body", "other": "Other",
}

var vcseSchemeNames = map[string]string{
	"charity_ew": "Charity number", "company": "Company number", "cic": "Community interest company number",
	"ico": "Information Commissioner's Office registration", "other": "Reference",
}

// vcseRegistered gives an organisation's register numbers their plain names.
func vcseRegistered(ids []directory.Identifier) []directory.Identifier {
	out := make([]directory.Identifier, len(ids))
	for i, id := range ids {
		out[i] = directory.Identifier{Scheme: vcseSchemeNames[id.Scheme], Identifier: id.Identifier}
	}
	return out
}

func vcseLegalStatusOptions() []option {
	out := []option{{Value: "", Label: "Not given"}}
	for _, st := range directory.LegalStatuses {
		out = append(out, option{Value: st, Label: vcseLegalStatusNames[st]})
	}
	return out
}

// vcseListings lists the organisation's listings, published or not,
// with their review state and intake.
func (s *server) vcseListings(c *fiber.Ctx, org string, versions map[string]directory.Version) ([]vcseListing, error) {
	ctx := c.UserContext()
	page, err := s.dir.Services(ctx, directory.ServiceFilter{OrganisationID: org, Limit: 100})
	if err != nil {
		return nil, err
	}
	out := make([]vcseListing, 0, len(page.Items))
	for _, svc := range page.Items {
		capacity, err := s.dir.Capacity(ctx, svc.ID)
		if err != nil {
			return nil, err
		}
		l := vcseListing{ID: svc.ID, Name: svc.Name, Published: svc.Published}
		l.State, l.Note = vcseListingState(svc, vcseVersion(versions, svc.ID))
		if svc.Status != "active" {
			l.Closed = "Marked as " + svc.Status
		}
		l.Intake, l.Places, l.Paused = s.vcseIntake(capacity)
		out = append(out, l)
	}
	return out, nil
}

// vcseListingState is where a listing stands with the reviewers.
func vcseListingState(svc directory.Service, ver *directory.Version) (vcseTag, string) {
	pending := ver != nil && ver.State == directory.VersionPending
	rejected := ver != nil && ver.State == directory.VersionRejected
	switch {
	case pending && svc.Published:
		return vcseTag{"Changes waiting for review", "nhsuk-tag--yellow"}, versionNote(ver)
	case pending:
		return vcseTag{"New, waiting for review", "nhsuk-tag--yellow"}, "A reviewer will check it before it appears in the directory."
	case !svc.Published && rejected:
		return vcseTag{"Draft", "nhsuk-tag--grey"}, versionNote(ver)
	case !svc.Published:
		return vcseTag{"Draft", "nhsuk-tag--grey"}, "Not in the directory yet."
	case rejected:
		return vcseTag{"Live", "nhsuk-tag--green"}, versionNote(ver)
	}
	return vcseTag{"Live", "nhsuk-tag--green"}, ""
}

// vcseIntake says whether a service takes referrals now, how many places are
// left and why intake is paused.
func (s *server) vcseIntake(c directory.Capacity) (vcseTag, string, string) {
	now := s.now()
	places := "No limit set"
	if left := c.PlacesLeft(); left != nil {
		places = fmt.Sprintf("%d of %d %s left", *left, *c.Maximum, vcseUnitNames[c.Unit])
	}
	if c.Waiting > 0 {
		places += fmt.Sprintf("; %d on the waiting list", c.Waiting)
	}
	switch {
	case c.PausedAt(now):
		return vcseTag{"Paused", "nhsuk-tag--orange"}, places, vcsePauseNote(c)
	case !c.AcceptingAt(now):
		return vcseTag{"Full", "nhsuk-tag--red"}, places, ""
	}
	return vcseTag{"Taking referrals", "nhsuk-tag--green"}, places, ""
}

func vcsePauseNote(c directory.Capacity) string {
	note := "Paused: " + c.PauseReason
	if c.ResumeOn != nil {
		note += ". Reopens on " + c.ResumeOn.Format("2 January 2006")
	}
	return note
}

var vcseUnitNames = map[string]string{"places": "places", "people_per_week": "people a week", "sessions": "session places"}

// qaTierLine is one level of quality assurance and the organisation's
// standing at it.
type qaTierLine struct {
	Name  string
	State vcseTag
	Note  string
}

var qaTierNames = map[qa.Tier]string{
	qa.TierSignposting: "Listed in the directory", qa.TierReferral: "Receiving referrals",
	qa.TierVulnerableAdults: "Working with adults at risk", qa.TierChildren: "Working with children",
}

var qaStatusTags = map[qa.Status]vcseTag{
	qa.StatusNotStarted: {"Not started", "nhsuk-tag--grey"}, qa.StatusInProgress: {"In progress", "nhsuk-tag--blue"},
	qa.StatusAssured: {"Assured", "nhsuk-tag--green"}, qa.StatusExpiring: {"Expiring soon", "nhsuk-tag--yellow"},
	qa.StatusLapsed: {"Lapsed", "nhsuk-tag--red"}, qa.StatusSuspended: {"Suspended", "nhsuk-tag--red"},
}

func qaTierLines(a qa.Assurance) []qaTierLine {
	out := make([]qaTierLine, 0, len(qa.Tiers))
	for _, t := range qa.Tiers {
		ts := a.At(t)
		line := qaTierLine{Name: qaTierNames[t], State: qaStatusTags[ts.Status]}
		if ts.AssuredUntil != nil {
			line.Note = "Until " + londonDate(*ts.AssuredUntil)
		}
		out = append(out, line)
	}
	return out
}
