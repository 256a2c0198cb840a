package importing

import (
	"cmp"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"kith/directory"
	"kith/directory/oruk"
)

// Summary is what an import says when it ends.
type Summary struct {
	What          string // e.g. "ORUK 1.0 feed services.json"
	Start         time.Time
	Services      map[directory.ImportOutcome]int
	Organisations map[directory.ImportOutcome]int
	rejected      []rejection
	fixes         []string
	unmapped      map[string]int // source term → how many services use it
}

// NewSummary starts counting now.
func NewSummary() *Summary {
	return &Summary{Start: time.Now(), Services: map[directory.ImportOutcome]int{},
		Organisations: map[directory.ImportOutcome]int{}, unmapped: map[string]int{}}
}

// rejection is a record left out, at its place in the source (a record's
// number in a feed, a line of a spreadsheet) so the list reads in order.
type rejection struct {
	at   int
	text string
}

// Reject records that the record at position at, called label, was left
// out and why.
func (s *Summary) Reject(at int, label, why string) {
	s.rejected = append(s.rejected, rejection{at, label + ": " + why})
}

// record notes what was fixed in a written record and its unmapped terms.
func (s *Summary) record(label string, rec oruk.Record) {
	for _, f := range rec.Fixes {
		s.fixes = append(s.fixes, label+": "+f)
	}
	for _, t := range rec.Terms {
		if t.Category == "" {
			s.unmapped[fmt.Sprintf("%s %q", cmp.Or(t.Vocabulary, "(no vocabulary)"), t.Term)]++
		}
	}
}

// Records is how many records were read: written or rejected.
func (s *Summary) Records() int {
	n := len(s.rejected)
	for _, k := range s.Services {
		n += k
	}
	return n
}

// Rejected lists every record left out with its reason, in source order.
func (s *Summary) Rejected() []string {
	sort.SliceStable(s.rejected, func(i, j int) bool { return s.rejected[i].at < s.rejected[j].at })
	out := make([]string, len(s.rejected))
	for i, r := range s.rejected {
		out[i] = r.text
	}
	return out
}

// Fixes lists what was repaired or left out of records that were written.
func (s *Summary) Fixes() []string { return s.fixes }

// Unmapped lists the source terms no category maps, each with how many
// services use it.
func (s *Summary) Unmapped() []string {
	terms := make([]string, 0, len(s.unmapped))
	for t, n := range s.unmapped {
		terms = append(terms, fmt.Sprintf("%s (%d)", t, n))
	}
	sort.Strings(terms)
	return terms
}

// NeedsPostcodes reports whether a record was refused for a postcode Kith
// does not know, which loading the national postcode directory would fix.
func (s *Summary) NeedsPostcodes() bool {
	return strings.Contains(strings.Join(s.Rejected(), "\n"), "was not found")
}

// listed caps how many lines of each kind Print writes.
const listed = 50

// Print writes the summary as `kith import` ends with it.
func (s *Summary) Print(w io.Writer) {
	fmt.Fprintf(w, "imported %s: %d records in %s\n", s.What, s.Records(), time.Since(s.Start).Round(time.Millisecond))
	fmt.Fprintf(w, "  services       created %d, updated %d, unchanged %d, rejected %d\n", s.Services[directory.ImportCreated],
		s.Services[directory.ImportUpdated], s.Services[directory.ImportUnchanged], len(s.rejected))
	fmt.Fprintf(w, "  organisations  created %d, updated %d, unchanged %d\n", s.Organisations[directory.ImportCreated],
		s.Organisations[directory.ImportUpdated], s.Organisations[directory.ImportUnchanged])
	printList(w, "rejected", s.Rejected())
	printList(w, "fixed on the way", s.fixes)
	printList(w, "source terms no category maps, with how many services use each (kept; map them in a --vocabulary file)", s.Unmapped())
	if s.NeedsPostcodes() {
		fmt.Fprintln(w, "hint: postcodes outside Kith's shipped areas need the national postcode directory: kith import postcodes FILE")
	}
}

func printList(w io.Writer, title string, lines []string) {
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(w, "%s (%d):\n", title, len(lines))
	for i, l := range lines {
		if i == listed {
			fmt.Fprintf(w, "  … and %d more\n", len(lines)-listed)
			break
		}
		fmt.Fprintf(w, "  %s\n", l)
	}
}
