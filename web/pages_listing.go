package web

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"kith/directory"
)

// The listing editor. Its controls are named as the store's ServiceInput
// JSON keys ("locations[0].postcode", "schedules[2].opens_at"), so the
// store's problems land beside them. It edits one venue and any number of
// sessions; whatever else a listing holds (other venues, named contacts,
// languages, notes for link workers) is carried over unchanged.

type vcseListingPage struct {
	New      bool
	Action   string
	Change   string
	Groups   []vcseCategoryGroup
	Modes    []option
	Access   []option
	Statuses []option
	Sessions []vcseSessionRow
}

func (s *server) vcseNewListingPage(c *fiber.Ctx) error {
	org, err := myOrganisation(c)
	if err != nil {
		return err
	}
	in := directory.ServiceInput{OrganisationID: org, DeliveryModes: []string{"in_person"}}
	f := vcseListingValues(in)
	f.Set("sessions", "1")
	return s.renderVCSEListing(c, fiber.StatusOK, "", f, "", -1)
}

func (s *server) vcseEditListingPage(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	base, ver, err := s.vcseListingBase(c, id)
	if err != nil {
		return err
	}
	return s.renderVCSEListing(c, fiber.StatusOK, id, vcseListingValues(base), versionNote(ver), -1)
}

// vcseListingBase is what an edit starts from: the editor's change waiting for
// review, if any, or the live listing. Only the listing's own
// organisation's editors may open it.
func (s *server) vcseListingBase(c *fiber.Ctx, id string) (directory.ServiceInput, *directory.Version, error) {
	org, err := myOrganisation(c)
	if err != nil {
		return directory.ServiceInput{}, nil, err
	}
	svc, err := s.dir.Service(c.UserContext(), id)
	if err != nil {
		return directory.ServiceInput{}, nil, err
	}
	if svc.OrganisationID != org {
		return directory.ServiceInput{}, nil, directory.ErrForbidden
	}
	versions, err := s.dir.LatestVersions(c.UserContext(), org)
	if err != nil {
		return directory.ServiceInput{}, nil, err
	}
	ver := vcseVersion(versions, id)
	return pendingOr(ver, svc.Input()), ver, nil
}

func (s *server) vcseNewListingPost(c *fiber.Ctx) error {
	org, err := myOrganisation(c)
	if err != nil {
		return err
	}
	return s.vcseListingPost(c, "", directory.ServiceInput{OrganisationID: org})
}

func (s *server) vcseEditListingPost(c *fiber.Ctx) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	base, _, err := s.vcseListingBase(c, id)
	if err != nil {
		return err
	}
	return s.vcseListingPost(c, id, base)
}

// vcseListingPost adds or removes a session row and shows the form again, or
// saves the listing, which then waits for a reviewer as the store decides.
func (s *server) vcseListingPost(c *fiber.Ctx, id string, base directory.ServiceInput) error {
	f := formOf(c)
	n := vcseSessionCount(f)
	action := f.Value("action")
	switch {
	case action == "add-session":
		f.Set("sessions", strconv.Itoa(n+1))
		return s.renderVCSEListing(c, fiber.StatusOK, id, f, "", n)
	case strings.HasPrefix(action, "remove-session-"):
		if i, err := strconv.Atoi(strings.TrimPrefix(action, "remove-session-")); err == nil && i >= 0 && i < n {
			vcseRemoveSession(f, i, n)
		}
		return s.renderVCSEListing(c, fiber.StatusOK, id, f, "", -1)
	}
	in, rowOf := vcseListingInput(f, base)
	if !f.Valid() {
		return s.renderVCSEListing(c, fiber.StatusUnprocessableEntity, id, f, "", -1)
	}
	ver, err := s.vcseSaveListing(c, id, in)
	if err != nil {
		if !vcseAbsorb(f, err, vcseListingField(rowOf)) {
			return err
		}
		return s.renderVCSEListing(c, fiber.StatusUnprocessableEntity, id, f, "", -1)
	}
	what := "“" + in.Name + "”"
	if id == "" && ver != nil && ver.State == directory.VersionPending {
		flash(c, "Your new listing "+what+" will show once a reviewer approves it")
	} else {
		flash(c, versionSaved(ver, what))
	}
	return redirect(c, "/app/organisation")
}

func (s *server) vcseSaveListing(c *fiber.Ctx, id string, in directory.ServiceInput) (*directory.Version, error) {
	if id == "" {
		_, ver, err := s.dir.CreateService(c.UserContext(), in)
		return ver, err
	}
	_, ver, err := s.dir.UpdateService(c.UserContext(), id, in)
	return ver, err
}

// renderVCSEListing draws the editor; focus is the session row to move the
// cursor to (the one just added), or -1.
func (s *server) renderVCSEListing(c *fiber.Ctx, status int, id string, f *form, change string, focus int) error {
	terms, err := s.dir.Terms(c.UserContext())
	if err != nil {
		return err
	}
	title, action := "Edit the listing", "/app/services/"+id+"/edit"
	if id == "" {
		title, action = "Add a service", "/app/services/new"
	}
	v := s.view(c, title)
	v.Form, v.Back = f, "/app/organisation"
	v.Data = vcseListingPage{New: id == "", Action: action, Change: change, Groups: vcseCategoryGroups(terms, f),
		Modes: vcseOptions(directory.DeliveryModes, vcseModeNames), Access: vcseOptions(directory.AccessibilityFeatures, vcseAccessNames),
		Statuses: vcseOptions(directory.ServiceStatuses, vcseServiceStatusNames), Sessions: vcseSessionRows(f, focus)}
	// Adding or removing a row through htmx swaps just the sessions.
	if c.Get("HX-Request") == "true" && status == fiber.StatusOK && c.Method() == fiber.MethodPost {
		return s.fragment(c, "vcse-listing", "vcse-sessions", v)
	}
	return s.render(c, status, "vcse-listing", v)
}

var (
	vcseModeNames   = map[string]string{"in_person": "In person", "online": "Online", "phone": "By phone", "home_visit": "Home visits"}
	vcseAccessNames = map[string]string{
		"wheelchair": "Wheelchair access", "step_free": "Step-free access", "accessible_toilet": "Accessible toilet",
		"hearing_loop": "Hearing loop", "parking": "Parking", "quiet_space": "Quiet space",
		"baby_change": "Baby changing", "large_print": "Large print materials", "bsl": "British Sign Language",
	}
	vcseServiceStatusNames = map[string]string{
		"active": "Running", "temporarily closed": "Temporarily closed", "inactive": "Not running at the moment",
		"defunct": "Closed for good",
	}
)

func vcseOptions(values []string, names map[string]string) []option {
	out := make([]option, len(values))
	for i, v := range values {
		out[i] = option{Value: v, Label: names[v]}
	}
	return out
}

// vcseCheck is one checkbox the page draws itself.
type vcseCheck struct {
	ID, Value, Label string
	Checked          bool
}

// vcseCategoryGroup is a top-level taxonomy term and the terms under it.
type vcseCategoryGroup struct {
	Name    string
	Open    bool
	Options []vcseCheck
}

func vcseCategoryGroups(terms []directory.Term, f *form) []vcseCategoryGroup {
	var out []vcseCategoryGroup
	index := map[string]int{}
	for _, t := range terms {
		o := vcseCheck{ID: "categories-" + t.Code, Value: t.Code, Label: t.Name, Checked: f.Has("categories", t.Code)}
		if len(out) == 0 {
			o.ID = "categories"
		}
		if t.ParentID == nil {
			index[t.ID] = len(out)
			o.Label = t.Name + " (in general)"
			out = append(out, vcseCategoryGroup{Name: t.Name, Options: []vcseCheck{o}})
			continue
		}
		if g, ok := index[*t.ParentID]; ok {
			out[g].Options = append(out[g].Options, o)
		}
	}
	for i := range out {
		for _, o := range out[i].Options {
			out[i].Open = out[i].Open || o.Checked || f.Error("categories") != ""
		}
	}
	return out
}

// vcseListingValues fills the form from a listing.
func vcseListingValues(in directory.ServiceInput) *form {
	f := newForm(nil)
	for k, v := range map[string]string{"name": in.Name, "description": in.Description, "url": in.URL, "email": in.Email,
		"status": in.Status, "eligibility": in.Eligibility, "fees_description": in.FeesDescription,
		"min_age": vcseOptionalInt(in.MinAge), "max_age": vcseOptionalInt(in.MaxAge)} {
		f.Set(k, v)
	}
	f.values["delivery_modes"] = in.DeliveryModes
	f.values["categories"] = in.Categories
	if in.Free {
		f.Set("free", "yes")
	}
	if len(in.Phones) > 0 {
		f.Set("phone", in.Phones[0].Number)
	}
	if len(in.Locations) > 0 {
		vcseLocationValues(f, in.Locations[0])
	}
	for i, sch := range in.Schedules {
		vcseScheduleValues(f, i, sch)
	}
	f.Set("sessions", strconv.Itoa(len(in.Schedules)))
	return f
}

func vcseOptionalInt(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

const vcseVenue = "locations[0]."

func vcseLocationValues(f *form, l directory.Location) {
	for k, v := range map[string]string{"name": l.Name, "address_1": l.Address1, "address_2": l.Address2,
		"city": l.City, "postcode": l.Postcode, "transport": l.Transport} {
		f.Set(vcseVenue+k, v)
	}
	f.values[vcseVenue+"accessibility"] = l.Accessibility
	if l.HideAddress {
		f.Set(vcseVenue+"hide_address", "yes")
	}
}

// vcseListingInput overlays the posted form on base. rowOf maps each schedule
// in the result to the form row it came from, as empty rows are skipped.
func vcseListingInput(f *form, base directory.ServiceInput) (directory.ServiceInput, []int) {
	in := base
	in.Name, in.Description, in.URL, in.Email = f.Value("name"), f.Value("description"), f.Value("url"), f.Value("email")
	in.Status, in.Eligibility, in.FeesDescription = f.Value("status"), f.Value("eligibility"), f.Value("fees_description")
	in.DeliveryModes, in.Categories = f.Values("delivery_modes"), vcseNonEmpty(f.Values("categories"))
	if len(in.DeliveryModes) == 0 {
		f.Fail("delivery_modes", "Choose how people take part: in person, online, by phone or with home visits")
	}
	in.Free = f.Value("free") == "yes"
	in.MinAge, in.MaxAge = vcseWholeNumber(f, "min_age", "Youngest age", "18"), vcseWholeNumber(f, "max_age", "Oldest age", "65")
	in.Phones = listingPhone(f.Value("phone"), base.Phones)
	in.Locations = listingLocation(f, base.Locations)
	loc := ""
	if len(in.Locations) > 0 {
		loc = in.Locations[0].ID
	}
	var rowOf []int
	in.Schedules, rowOf = listingSchedules(f, loc)
	return in, rowOf
}

func vcseNonEmpty(values []string) []string {
	out := []string{}
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// listingPhone replaces the first phone number, keeping any others.
func listingPhone(number string, base []directory.Phone) []directory.Phone {
	out := append([]directory.Phone(nil), base...)
	switch {
	case number == "" && len(out) > 0:
		return out[1:]
	case number == "":
		return out
	case len(out) == 0:
		return []directory.Phone{{Number: number}}
	}
	out[0].Number = number
	return out
}

// listingLocation replaces the first venue's details, keeping its id and any
// other venues. A changed postcode is placed on the map afresh.
func listingLocation(f *form, base []directory.Location) []directory.Location {
	out := append([]directory.Location(nil), base...)
	var l directory.Location
	if len(out) > 0 {
		l = out[0]
	} else {
		l.ID = uuid.NewString()
	}
	if !strings.EqualFold(strings.ReplaceAll(f.Value(vcseVenue+"postcode"), " ", ""), strings.ReplaceAll(l.Postcode, " ", "")) {
		l.Lat, l.Lon = nil, nil
	}
	l.Name, l.Address1, l.Address2 = f.Value(vcseVenue+"name"), f.Value(vcseVenue+"address_1"), f.Value(vcseVenue+"address_2")
	l.City, l.Postcode, l.Transport = f.Value(vcseVenue+"city"), f.Value(vcseVenue+"postcode"), f.Value(vcseVenue+"transport")
	l.Accessibility = f.Values(vcseVenue + "accessibility")
	l.HideAddress = f.Value(vcseVenue+"hide_address") == "yes"
	empty := l.Name == "" && l.Address1 == "" && l.Address2 == "" && l.City == "" && l.Postcode == ""
	switch {
	case empty && len(out) > 0:
		return out[1:]
	case empty:
		return out
	case len(out) == 0:
		return []directory.Location{l}
	}
	out[0] = l
	return out
}

// vcseListingWords names the listing's problem keys as the page shows them:
// the control's id and what to call it.
var vcseListingWords = map[string][2]string{
	"name": {"name", "Name"}, "description": {"description", "Description"}, "url": {"url", "Website"},
	"email": {"email", "Email address"}, "phones[0].number": {"phone", "Phone number"},
	"min_age": {"min_age", "Youngest age"}, "max_age": {"max_age", "Oldest age"},
	"eligibility": {"eligibility", "Who it is for"}, "fees_description": {"fees_description", "Cost details"},
	"status": {"status", "Whether it is running"}, "locations": {vcseVenue + "postcode", ""},
	vcseVenue + "name": {vcseVenue + "name", "Venue name"}, vcseVenue + "address_1": {vcseVenue + "address_1", "Address line 1"},
	vcseVenue + "address_2": {vcseVenue + "address_2", "Address line 2"}, vcseVenue + "city": {vcseVenue + "city", "Town or city"},
	vcseVenue + "postcode": {vcseVenue + "postcode", "Postcode"}, vcseVenue + "lat": {vcseVenue + "postcode", ""},
	vcseVenue + "transport": {vcseVenue + "transport", "How to get there"},
}

// vcseListingField places the store's problems with a listing: list items
// go beside their list, sessions beside the row they came from.
func vcseListingField(rowOf []int) vcseField {
	return func(key, msg string) (string, string) {
		if w, ok := vcseListingWords[key]; ok {
			return w[0], vcseWithLabel(w[1], msg)
		}
		if strings.HasPrefix(key, "schedules[") {
			field, label := vcseSessionField(key, rowOf)
			return field, vcseWithLabel(label, msg)
		}
		for prefix, field := range map[string]string{"delivery_modes[": "delivery_modes", "categories[": "categories",
			"cost_options[": "free", vcseVenue + "accessibility[": vcseVenue + "accessibility"} {
			if strings.HasPrefix(key, prefix) {
				return field, msg
			}
		}
		return key, msg
	}
}
