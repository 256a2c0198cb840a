package web

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/directory/oruk"
	"kith/qa"
)

// publicServiceView is the service page: the listing, who runs it, and what
// someone deciding whether to go needs in words.
type publicServiceView struct {
	Service      directory.Service
	Organisation directory.Organisation
	Legal        string
	Identifiers  []string
	Draft        bool
	Next         string
	Sessions     []string
	Places       []pubPlace
	Map          pubMap
	Ages         string
	Languages    []string
	Delivery     []string
	Costs        []string
	Phones       []pubPhone
	Capacity     pubCapacity
	Assurance    pubAssurance
	Updated      string
}

// pubPlace is a venue in words.
type pubPlace struct {
	Name, Address, Postcode, Directions, Transport string
	Hidden                                         bool
	Access                                         []string
}

// pubPhone is a number to call or text, as a link phones can dial.
type pubPhone struct {
	Label, Number string
	Href          template.URL
}

// pubCapacity says whether the group is taking people, as search shows it.
type pubCapacity struct {
	Known  bool
	Open   bool
	Status string
}

// pubAssurance is the quality assurance badge.
type pubAssurance struct {
	Known, Assured bool
	Heading, Body  string
	Also           []string
}

func (s *server) publicService(c *fiber.Ctx) error {
	svc, err := s.findService(c)
	if err != nil {
		return err
	}
	org, err := s.dir.Organisation(c.UserContext(), svc.OrganisationID)
	if err != nil {
		return err
	}
	d := &publicServiceView{Service: svc, Organisation: org, Draft: !svc.Published, Updated: londonDate(svc.UpdatedAt)}
	d.describe(s, svc)
	d.provider(org)
	if err := s.serviceFacts(c, d); err != nil {
		return err
	}
	v := s.view(c, svc.Name)
	v.Back, v.Data, v.Map = searchBack(c), d, len(d.Map.Points) > 0
	return s.render(c, fiber.StatusOK, "public_service", v)
}

// findService is the :id listing as the visitor may see it; one that is
// not running (inactive, closed) is not found, as search does not find it.
func (s *server) findService(c *fiber.Ctx) (directory.Service, error) {
	svc, err := s.serviceParam(c)
	if err != nil {
		return directory.Service{}, err
	}
	if svc.Status != "active" {
		return directory.Service{}, directory.ErrNotFound
	}
	return svc, nil
}

// searchBack returns to the search the visitor came from, if they came
// from one on this site.
func searchBack(c *fiber.Ctx) string {
	ref, err := url.Parse(c.Get(fiber.HeaderReferer))
	if err != nil || ref.Host != c.Hostname() || ref.Path != "/" {
		return "/"
	}
	return queryWith("/?" + ref.RawQuery)
}

// describe puts the listing's sessions, venues, ages, languages and costs
// into words.
func (d *publicServiceView) describe(s *server, svc directory.Service) {
	if next, ok := directory.NextSession(svc.Schedules, s.now()); ok {
		d.Next = londonTime(next)
	}
	names := map[string]string{}
	for _, l := range svc.Locations {
		names[l.ID] = l.Name
	}
	for _, sch := range svc.Schedules {
		d.Sessions = append(d.Sessions, sessionWords(sch, names[sch.LocationID], len(svc.Locations) > 1))
	}
	for _, l := range svc.Locations {
		d.Places = append(d.Places, placeOf(l))
		if l.Lat != nil && l.Lon != nil {
			d.Map.Points = append(d.Map.Points, pubMarker{Lat: *l.Lat, Lon: *l.Lon, Label: l.Name, Note: l.Postcode})
		}
	}
	d.Ages = ageWords(svc.MinAge, svc.MaxAge)
	for _, code := range svc.Languages {
		d.Languages = append(d.Languages, oruk.LanguageName(code))
	}
	for _, m := range svc.DeliveryModes {
		d.Delivery = append(d.Delivery, labelOf(pubDelivery, m))
	}
	for _, o := range svc.CostOptions {
		d.Costs = append(d.Costs, costWords(o))
	}
	for _, p := range svc.Phones {
		d.Phones = append(d.Phones, phoneLink(p))
	}
}

// phoneLink makes a tel: link, which html/template would refuse as it
// stands; the number is a checked one of digits, spaces and brackets, and
// only its digits go in the link.
func phoneLink(p directory.Phone) pubPhone {
	label := p.Description
	if label == "" {
		label = "Phone"
	}
	digits := strings.Map(func(r rune) rune {
		if r == '+' || (r >= '0' && r <= '9') {
			return r
		}
		return -1
	}, p.Number)
	return pubPhone{Label: label, Number: p.Number, Href: template.URL("tel:" + digits)}
}

func placeOf(l directory.Location) pubPlace {
	p := pubPlace{Name: l.Name, Postcode: l.Postcode, Directions: l.Description, Transport: l.Transport, Hidden: l.HideAddress}
	var lines []string
	for _, part := range []string{l.Address1, l.Address2, l.City} {
		if part != "" {
			lines = append(lines, part)
		}
	}
	p.Address = strings.Join(lines, ", ")
	for _, a := range l.Accessibility {
		p.Access = append(p.Access, labelOf(pubAccess, a))
	}
	return p
}

func ageWords(lo, hi *int) string {
	switch {
	case lo != nil && hi != nil:
		return fmt.Sprintf("Ages %d to %d", *lo, *hi)
	case lo != nil:
		return fmt.Sprintf("Ages %d and over", *lo)
	case hi != nil:
		return fmt.Sprintf("Ages up to %d", *hi)
	}
	return "All ages"
}

func costWords(o directory.CostOption) string {
	label := o.Option
	if label == "" {
		label = "Cost"
	}
	switch {
	case o.Amount == nil:
		label += ": ask the group"
	case *o.Amount == 0:
		label += ": free"
	default:
		label += fmt.Sprintf(": £%.2f", *o.Amount)
	}
	if o.Description != "" {
		label += " (" + o.Description + ")"
	}
	return label
}

// serviceFacts adds what other stores know: whether the group is taking
// people (as search shows it) and its quality assurance.
func (s *server) serviceFacts(c *fiber.Ctx, d *publicServiceView) error {
	cards, err := s.dir.ResultCards(c.UserContext(), []string{d.Service.ID}, false)
	if err != nil {
		return err
	}
	if len(cards) == 1 {
		d.Capacity = capacityWords(cards[0].Capacity, s)
	}
	if s.qa == nil {
		return nil
	}
	a, err := s.qa.Assurance(c.UserContext(), d.Service.OrganisationID)
	if err != nil {
		return err
	}
	d.Assurance = assuranceWords(a, directory.UserFrom(c.UserContext()) != nil)
	return nil
}

func capacityWords(cp directory.Capacity, s *server) pubCapacity {
	now := s.now()
	left := cp.PlacesLeft()
	switch {
	case cp.PausedAt(now) && cp.ResumeOn != nil:
		return pubCapacity{Known: true, Status: "Not taking new people until " + londonDate(*cp.ResumeOn)}
	case cp.PausedAt(now):
		return pubCapacity{Known: true, Status: "Not taking new people for now"}
	case left != nil && *left == 0:
		return pubCapacity{Known: true, Status: "Full at the moment"}
	case left != nil:
		return pubCapacity{Known: true, Open: true, Status: "Taking new people: " + plural(*left, "place") + " left"}
	}
	return pubCapacity{Known: true, Open: true, Status: "Taking new people"}
}

// assuranceWords is the badge: assured for referrals or not, when it was
// last checked, and to professionals signed in, until when it holds.
func assuranceWords(a qa.Assurance, professional bool) pubAssurance {
	ref := a.At(qa.TierReferral)
	out := pubAssurance{Known: true}
	switch {
	case ref.Status.Assured():
		out.Assured, out.Heading = true, "Quality assured"
		out.Body = "This group's safeguarding, insurance, data protection and health and safety checks are verified, so link workers can refer people to it."
		if ref.AssuredDate != nil {
			out.Body += " Last checked " + londonDate(*ref.AssuredDate) + "."
		}
		if professional && ref.AssuredUntil != nil {
			out.Body += " Assured until " + londonDate(*ref.AssuredUntil) + " unless renewed."
		}
	case ref.Status == qa.StatusSuspended:
		out.Heading = "Quality assurance suspended"
		out.Body = "A reviewer has suspended this group's quality assurance. Link workers cannot refer people to it for now."
	default:
		out.Heading = "Not quality assured yet"
		out.Body = "This group has not completed Kith's quality checks, so link workers cannot refer people to it yet. You can still contact the group yourself."
	}
	for _, t := range []struct {
		tier  qa.Tier
		words string
	}{{qa.TierVulnerableAdults, "Also assured to work with adults at risk"}, {qa.TierChildren, "Also assured to work with children"}} {
		if ref.Status.Assured() && a.At(t.tier).Status.Assured() {
			out.Also = append(out.Also, t.words)
		}
	}
	return out
}
