package demo

// tpl is one kind of activity as local groups describe it: a walking group,
// a lunch club, a debt advice drop-in. Its names, openers and details are
// interchangeable within the template, so any combination reads true.
//
// Phrases may use {place} (neighbourhood), {venue}, {when} ("every Tuesday
// morning"), {hours} ("9.30am to 4pm"), {Day}, {org}, {contact}, {park},
// {cond}/{Cond} (a health condition) and {people}/{tongue} (a community and
// its language).
type tpl struct {
	names   []string
	opens   []string // first sentence: what it is, where and when
	details []string // what actually happens
	also    []string // further category codes it is filed under
	slots   string   // session times it runs at: am pm eve lunch day wkend
	who     []string // audience keys (see audiences); nil means anyone/adults
	modes   []string // delivery modes; nil means in person at a venue
	kinds   []string // org kinds that run it; nil means any
	venue   string   // venue kind it prefers, such as "park"
	not     []string // org kinds that would never run it
	cost    string   // "free" never charges; "paid" usually does; "" rarely
	price   string   // what a charge is for: "a session" (default), "for lunch", "a week"
	needs   []string // venue kinds it cannot run without, such as a pool or a plot
	weekly  bool     // a course: never monthly
}

// remote reports whether the template needs no venue.
func (t *tpl) remote() bool {
	for _, m := range t.modes {
		if m == "in_person" {
			return false
		}
	}
	return len(t.modes) > 0
}

// bank holds every template, by the taxonomy code it is filed under first.
// Each code in migrations/0003_taxonomy.sql must have at least one.
var bank = map[string][]tpl{}

// register adds a group of templates to bank; each bank_*.go file calls it
// from init so the phrase banks can live in files of their own.
func register(groups map[string][]tpl) {
	for code, ts := range groups {
		bank[code] = append(bank[code], ts...)
	}
}
