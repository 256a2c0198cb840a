package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

// The capacity page: how many people a service can take, and pausing and
// resuming new referrals. Link workers cannot connect anyone to a full or
// paused service, so this is what keeps a small group from being swamped.

type vcseCapacityPage struct {
	ServiceID, ServiceName string
	Capacity               directory.Capacity
	Intake                 vcseTag
	Places, Paused         string
	PausedNow              bool
	Units                  []option
	ResumeOn               dateField
}

func (s *server) vcseCapacityPage(c *fiber.Ctx) error {
	svc, err := s.vcseOwnService(c)
	if err != nil {
		return err
	}
	capacity, err := s.dir.Capacity(c.UserContext(), svc.ID)
	if err != nil {
		return err
	}
	return s.renderVCSECapacity(c, fiber.StatusOK, svc, capacity, vcseCapacityValues(capacity))
}

// vcseOwnService is the :id listing, if it belongs to the editor's organisation.
func (s *server) vcseOwnService(c *fiber.Ctx) (directory.Service, error) {
	org, err := myOrganisation(c)
	if err != nil {
		return directory.Service{}, err
	}
	svc, err := s.serviceParam(c)
	if err != nil {
		return directory.Service{}, err
	}
	if svc.OrganisationID != org {
		return directory.Service{}, directory.ErrForbidden
	}
	return svc, nil
}

func vcseCapacityValues(c directory.Capacity) *form {
	f := newForm(nil)
	f.Set("unit", c.Unit)
	f.Set("maximum", vcseOptionalInt(c.Maximum))
	f.Set("weekly_cap", vcseOptionalInt(c.WeeklyCap))
	f.Set("waitlist", strconv.Itoa(c.Waitlist))
	f.Set("response_days", strconv.Itoa(c.ResponseDays))
	return f
}

// vcseCapacityPost saves the numbers, pauses or resumes, as the button pressed
// says, and shows the page again with any problems beside their fields.
func (s *server) vcseCapacityPost(c *fiber.Ctx) error {
	svc, err := s.vcseOwnService(c)
	if err != nil {
		return err
	}
	f := formOf(c)
	var done string
	switch f.Value("action") {
	case "pause":
		done, err = s.vcsePauseIntake(c, svc.ID, f)
	case "resume":
		_, err = s.dir.Resume(c.UserContext(), svc.ID)
		done = "New referrals to " + svc.Name + " are open again"
	default:
		done, err = s.vcseSaveCapacity(c, svc.ID, f)
	}
	if err == nil && f.Valid() {
		flash(c, done)
		return redirect(c, "/app/services/"+svc.ID+"/capacity")
	}
	if err != nil && !vcseAbsorb(f, err, vcseLabelled(vcseCapacityLabels)) {
		return err
	}
	capacity, cerr := s.dir.Capacity(c.UserContext(), svc.ID)
	if cerr != nil {
		return cerr
	}
	shown := vcseCapacityValues(capacity)
	for k, vs := range f.values {
		shown.values[k] = vs
	}
	shown.errors, shown.order, shown.general = f.errors, f.order, f.general
	return s.renderVCSECapacity(c, fiber.StatusUnprocessableEntity, svc, capacity, shown)
}

var vcseCapacityLabels = map[string]string{
	"unit": "What you count", "maximum": "Number of places", "weekly_cap": "New people a week",
	"waitlist": "Waiting list", "response_days": "Days to reply", "reason": "Reason", "resume_on": "Reopening date",
}

func (s *server) vcseSaveCapacity(c *fiber.Ctx, id string, f *form) (string, error) {
	in := directory.CapacityInput{Unit: f.Value("unit"),
		Maximum:      vcseWholeNumber(f, "maximum", "Number of places", "12"),
		WeeklyCap:    vcseWholeNumber(f, "weekly_cap", "New people a week", "3"),
		Waitlist:     vcseWholeNumber(f, "waitlist", "Waiting list", "5"),
		ResponseDays: vcseWholeNumber(f, "response_days", "Days to reply", "5")}
	if in.Waitlist == nil {
		in.Waitlist = new(int) // a blank waiting list is none
	}
	if f.Value("maximum") == "" {
		f.Fail("maximum", "Enter how many people you can take at once")
	}
	if !f.Valid() {
		return "", nil
	}
	_, err := s.dir.SetCapacity(c.UserContext(), id, in)
	return "Places saved", err
}

func (s *server) vcsePauseIntake(c *fiber.Ctx, id string, f *form) (string, error) {
	in := directory.PauseInput{Reason: f.Value("reason"), ResumeOn: dateValue(f, "resume_on", "Enter a real date, for example 31 3 2027")}
	if in.Reason == "" {
		f.Fail("reason", "Enter why you are pausing, for example “our leader is away until March”")
	}
	if !f.Valid() {
		return "", nil
	}
	capacity, err := s.dir.Pause(c.UserContext(), id, in)
	if err != nil {
		return "", err
	}
	if capacity.ResumeOn != nil {
		return "New referrals are paused until " + capacity.ResumeOn.Format("2 January 2006"), nil
	}
	return "New referrals are paused until you resume them", nil
}

func (s *server) renderVCSECapacity(c *fiber.Ctx, status int, svc directory.Service, capacity directory.Capacity, f *form) error {
	v := s.view(c, "Places and pausing: "+svc.Name)
	v.Form, v.Back = f, "/app/organisation"
	p := vcseCapacityPage{ServiceID: svc.ID, ServiceName: svc.Name, Capacity: capacity,
		Units: vcseOptions(directory.CapacityUnits, map[string]string{
			"places": "People connected at once", "people_per_week": "People a week", "sessions": "Places per session"}),
		ResumeOn: newDateField(f, "resume_on", "Reopen on (optional)", "For example, 31 3 2027. Leave it blank to reopen by hand.", "")}
	p.Intake, p.Places, p.Paused = s.vcseIntake(capacity)
	p.PausedNow = capacity.PausedAt(s.now())
	v.Data = p
	return s.render(c, status, "vcse-capacity", v)
}
