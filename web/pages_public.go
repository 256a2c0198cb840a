package web

import (
	"strings"

	"kith/directory"
)

// The words the public pages use for the codes search and listings store.
var (
	pubDays = []option{{"mon", "Monday"}, {"tue", "Tuesday"}, {"wed", "Wednesday"}, {"thu", "Thursday"},
		{"fri", "Friday"}, {"sat", "Saturday"}, {"sun", "Sunday"}}
	pubTimes = []option{{"morning", "Morning (before 12:00)"}, {"afternoon", "Afternoon (12:00 to 17:00)"},
		{"evening", "Evening (after 17:00)"}}
	pubDelivery = []option{{"in_person", "In person"}, {"online", "Online"}, {"phone", "By phone"},
		{"home_visit", "Home visits"}}
	pubAccess = []option{{"wheelchair", "Wheelchair access"}, {"step_free", "Step-free entrance"},
		{"accessible_toilet", "Accessible toilet"}, {"hearing_loop", "Hearing loop"}, {"parking", "Parking"},
		{"quiet_space", "Quiet space"}, {"baby_change", "Baby changing"}, {"large_print", "Large print"},
		{"bsl", "British Sign Language"}}
	pubRadii = []option{{"1", "1 km"}, {"2", "2 km"}, {"5", "5 km"}, {"10", "10 km"}, {"20", "20 km"}, {"50", "50 km"}}
)

// labelOf is the words for code among opts, or the code itself.
func labelOf(opts []option, code string) string {
	for _, o := range opts {
		if o.Value == code {
			return o.Label
		}
	}
	return code
}

// fieldWords is how a page names one of its fields in error messages.
type fieldWords struct {
	Name  string // the form field, as the store's Problems key it
	Label string // "Date of birth": put before a store message such as "must not be in the future"
	// Missing replaces the store's message when the answer is missing or is
	// not one of the choices: "Select what is wrong with the listing".
	Missing string
}

// absorbPlain shows a store's error on a form in the words of the page
// (see plainProblems), its problems in the order of the page's fields
// rather than alphabetically. It reports whether the error was the user's
// to fix, as form.Absorb does.
func absorbPlain(f *form, err error, words []fieldWords) bool {
	err = plainProblems(err, words)
	p := problemsOf(err)
	for _, w := range words {
		if msg, ok := p[w.Name]; ok {
			f.Fail(w.Name, msg)
		}
	}
	return f.Absorb(err)
}

// plainProblems rewrites a store's field problems in the words of the page
// that sent the form: the store says "is required", the page says "Enter
// your full name". Indexed keys ("needs[2]") land on their field ("needs").
// Errors other than field problems pass through unchanged.
func plainProblems(err error, words []fieldWords) error {
	p := problemsOf(err)
	if p == nil {
		return err
	}
	out := directory.Problems{}
	for key, msg := range p {
		field, _, _ := strings.Cut(key, "[")
		var w fieldWords
		for _, x := range words {
			if x.Name == field {
				w = x
			}
		}
		switch {
		case w.Missing != "" && isMissing(msg):
			out.Add(field, "%s", w.Missing)
		case w.Label != "" && startsWithVerb(msg):
			out.Add(field, "%s %s", w.Label, msg)
		case w.Label != "" && strings.HasPrefix(msg, "not "):
			out.Add(field, "%s is %s", w.Label, msg) // "not a valid UK postcode: …"
		default:
			out.Add(field, "%s", sentence(msg))
		}
	}
	return out
}

func isMissing(msg string) bool {
	for _, prefix := range []string{"is required", "must be one of", "give from"} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}

func startsWithVerb(msg string) bool {
	for _, verb := range []string{"is ", "must ", "has ", "should "} {
		if strings.HasPrefix(msg, verb) {
			return true
		}
	}
	return false
}
