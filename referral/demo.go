package referral

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/google/uuid"

	"kith/directory"
	"kith/geo"
)

// Demo is what SeedDemo needs from the demo region.
type Demo struct {
	Teams    []DemoTeam // the link-worker teams referrals are shared among
	Services []string   // services people may be connected to
	Now      time.Time  // the demo's today: referrals reach back twelve months from it
	Count    int        // how many referrals; 0 means DemoReferrals
	// Deprived is how many times as often as others people living in the
	// most deprived fifth of areas are referred; 0 means as often.
	Deprived int
	// Common are needs people are referred for twice as often as the rest.
	Common []string
}

// weighted are the postcodes people are referred from and the needs they are
// referred for, repeated as often as d weighs them.
func (d Demo) weighted() (postcodes, needs []string) {
	for _, pc := range demoPostcodes {
		n := 1
		if p, err := geo.LookupPostcode(pc); err == nil && p.IMDDecile > 0 && p.IMDDecile <= 2 {
			n = max(1, d.Deprived)
		}
		for range n {
			postcodes = append(postcodes, pc)
		}
	}
	for _, need := range demoNeeds {
		needs = append(needs, need)
		if slices.Contains(d.Common, need) {
			needs = append(needs, need)
		}
	}
	return postcodes, needs
}

// DemoTeam is a team and the link workers (user ids) its referrals are
// given to; a team with none gets unassigned referrals.
type DemoTeam struct {
	ID          string
	LinkWorkers []string
}

// DemoReferrals is how many referrals the demo has unless told otherwise.
const DemoReferrals = 360

// demoNamespace roots demo referral ids, which are name-based so a second
// run finds the referrals the first one wrote.
var demoNamespace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://kith.example/demo/referrals"))

func demoID(i int) string {
	return uuid.NewSHA1(demoNamespace, fmt.Appendf(nil, "referral/%d", i)).String()
}

var (
	demoFirstNames = []string{"Jean", "Margaret", "Brian", "Kevin", "Susan", "Ryan", "Chloe", "Aisha", "Tomasz", "Linda",
		"Gary", "Paula", "Dennis", "Shannon", "Mohammed", "Irene", "Craig", "Joanne", "Alan", "Bethany", "Stephen",
		"Karen", "Liam", "Doreen", "Anwar", "Natalie", "Peter", "Sandra", "Callum", "Elsie"}
	demoSurnames = []string{"Robson", "Charlton", "Armstrong", "Lowery", "Hepburn", "Gibson", "Hall", "Scott",
		"Milburn", "Dixon", "Hussain", "Nowak", "Thompson", "Graham", "Forster", "Ridley", "Atkinson", "Bell",
		"Patterson", "Maddison", "Begum", "Wilkinson", "Carr", "Elliott"}
	// demoPostcodes are real Sunderland and Seaham postcodes across every
	// deprivation decile, most deprived first, as referrals tend to be.
	demoPostcodes = []string{"SR1 1EQ", "SR1 1QN", "SR1 2NF", "SR2 0NU", "SR2 9JU", "SR3 4PF", "SR3 3AS", "SR4 9RP",
		"SR5 2PE", "SR8 5DG", "SR2 9QJ", "SR4 6QH", "SR2 7JH", "SR3 1AZ", "SR4 7TR", "SR5 1EL", "SR7 7QY", "SR2 0YU",
		"SR3 3JQ", "SR4 0RR", "SR2 0AT", "SR2 7UR", "SR3 2SB", "SR5 3JY", "SR6 7HB", "SR3 2UX", "SR6 0GL", "SR3 3TP",
		"SR8 3UD", "SR2 9DR", "SR6 8DF", "SR7 7WQ"}
	demoNeeds = []string{"loneliness", "befriending", "social-groups", "walking", "gentle-exercise", "singing",
		"crafts", "talking-support", "mindfulness", "debt-advice", "benefits-advice", "energy-advice",
		"housing-advice", "job-search", "adult-learning", "volunteering", "carers", "bereavement", "food-support",
		"community-gardening", "digital-skills", "condition-support", "weight-management"}
	// demoSources are weighted as referrals arrive: mostly from GP practices.
	demoSources = []string{"gp_practice", "gp_practice", "gp_practice", "gp_practice", "gp_practice", "pharmacy",
		"hospital_discharge", "allied_health_professional", "social_care", "housing", "police", "fire_service",
		"job_centre", "vcse", "education", "self_referral", "self_referral", "other"}
	demoReferrers = []string{"Dr Amira Patel, Hendon Medical Practice", "Dr Neil Fenwick, Millfield Surgery",
		"Sister Gail Tate, Sunderland Royal Hospital", "PC Lee Harrison, Northumbria Police",
		"Karen Shaw, Gentoo Housing", "Mark Ellison, Sunderland Job Centre Plus"}
	demoThemes = []string{"Getting out of the house more", "Feeling less on my own", "Sorting out my money worries",
		"Being fitter for my grandchildren", "Having something to look forward to each week",
		"Meeting people who have been through the same", "Feeling useful again", "Sleeping better"}
	demoGoals = []string{"Get out of the house at least twice a week", "Make a friend I can have a cuppa with",
		"Get my debts under control", "Walk to the sea front without stopping", "Learn to use my phone for video calls",
		"Find some volunteering I enjoy", "Feel calmer in the mornings"}
)

func pick[T any](r *rand.Rand, from []T) T { return from[r.IntN(len(from))] }

// chance is true with probability percent/100.
func chance(r *rand.Rand, percent int) bool { return r.IntN(100) < percent }

// demoNHSNumber is a random number with a valid check digit, in the 999
// range the NHS keeps for test patients, so it can never be a real person's.
func demoNHSNumber(r *rand.Rand) string {
	for {
		digits := fmt.Appendf(nil, "999%06d", r.IntN(1_000_000))
		if c := checkDigit(digits); c >= 0 {
			return string(append(digits, byte('0'+c)))
		}
	}
}

// demoPerson is a made-up person; phone numbers are in Ofcom's range kept
// for drama.
func demoPerson(r *rand.Rand, now time.Time, postcodes []string) PersonInput {
	name := pick(r, demoFirstNames) + " " + pick(r, demoSurnames)
	p := PersonInput{Name: name, Postcode: pick(r, postcodes), ContactBy: "phone",
		DateOfBirth: now.AddDate(-18-r.IntN(70), -r.IntN(12), -r.IntN(28)).Format(time.DateOnly),
		Phone:       fmt.Sprintf("07700 900%03d", r.IntN(1000))}
	if chance(r, 80) {
		p.NHSNumber = demoNHSNumber(r)
	}
	if chance(r, 15) {
		p.ContactBy, p.ContactNotes = "text", "Prefers a text first; works mornings."
	}
	if chance(r, 6) {
		p.Language, p.Interpreter = pick(r, []string{"Polish", "Bengali", "Arabic", "Kurdish"}), true
	}
	return p
}

// demoInput is a made-up referral received at, from one of postcodes for
// two of needs.
func demoInput(r *rand.Rand, at time.Time, postcodes, needs []string) ReferralInput {
	source := pick(r, demoSources)
	in := ReferralInput{Person: demoPerson(r, at, postcodes), Source: source, Urgency: "routine",
		Needs:  []string{pick(r, needs), pick(r, needs)},
		Reason: "Lives alone since a bereavement last year and has stopped going out; would like some company.",
		Consent: ConsentInput{Referral: true, ShareGP: chance(r, 90), ShareServices: chance(r, 95),
			GivenAt: at.Format(time.RFC3339)}}
	if source == "self_referral" {
		in.Referrer = Referrer{Name: in.Person.Name}
	} else {
		in.Referrer = Referrer{Name: pick(r, demoReferrers), Organisation: "Sunderland"}
	}
	in.Consent.RecordedBy = in.Referrer.Name
	if chance(r, 10) {
		in.Urgency = "urgent"
	}
	return in
}

// actor is who the demo says did something: the link worker, or Kith
// itself for unassigned referrals.
func actor(worker string, at time.Time) act {
	u := directory.SystemUser()
	if worker != "" {
		u = &directory.User{ID: worker, Role: directory.RoleLinkWorker}
	}
	return act{user: u, at: at.UTC(), route: "demo"}
}
