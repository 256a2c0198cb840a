package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"
	"time"

	"kith/directory"
	"kith/directory/oruk"
)

const importUsage = `usage:
  kith import oruk [--source NAME] [--vocabulary FILE] [--delay D] [--timeout D] FILE|URL
  kith import csv [--source NAME] [--vocabulary FILE] FILE
  kith import postcodes FILE`

// importCmd brings directory data in from outside: Open Referral UK feeds,
// spreadsheets in Kith's layout, and the national postcode directory.
func importCmd(ctx context.Context, cfg config, log *slog.Logger, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New(importUsage)
	}
	switch args[0] {
	case "oruk":
		return importORUK(ctx, cfg, log, args[1:], stdout)
	case "csv":
		return importCSV(ctx, cfg, log, args[1:], stdout)
	case "postcodes":
		return importPostcodes(ctx, cfg, log, args[1:], stdout)
	}
	return fmt.Errorf("unknown import %q\n%s", args[0], importUsage)
}

// listingFlags are the options every listing import takes.
type listingFlags struct {
	fs         *flag.FlagSet
	source     string
	vocabulary string
}

func newListingFlags(name string, stdout io.Writer) *listingFlags {
	f := &listingFlags{fs: flag.NewFlagSet(name, flag.ContinueOnError)}
	f.fs.SetOutput(stdout)
	f.fs.StringVar(&f.source, "source", "", "name of this feed in Kith; give the same name to update on re-import (default: the URL's host or the file's name)")
	f.fs.StringVar(&f.vocabulary, "vocabulary", "", "CSV mapping the source's terms to Kith categories (default: Kith's own)")
	return f
}

// parse reads the flags and the one FILE or URL argument.
func (f *listingFlags) parse(args []string) (string, error) {
	if err := f.fs.Parse(args); err != nil {
		return "", err
	}
	if f.fs.NArg() != 1 {
		return "", errors.New(importUsage)
	}
	return f.fs.Arg(0), nil
}

// mapper builds the source's mapper from Kith's categories and the
// vocabulary file.
func (f *listingFlags) mapper(ctx context.Context, e *env, defaultSource string) (oruk.Mapper, error) {
	terms, err := e.dir.Terms(ctx)
	if err != nil {
		return oruk.Mapper{}, err
	}
	var vocab *oruk.Vocabulary
	if f.vocabulary == "" {
		vocab, err = oruk.DefaultVocabulary(terms)
	} else {
		vocab, err = loadVocabulary(f.vocabulary, terms)
	}
	if err != nil {
		return oruk.Mapper{}, err
	}
	return oruk.Mapper{Source: cmp.Or(f.source, defaultSource), Vocabulary: vocab}, nil
}

func loadVocabulary(path string, terms []directory.Term) (*oruk.Vocabulary, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	return oruk.LoadVocabulary(file, terms)
}

// importer writes mapped records as the system user and counts what
// happened, never stopping for one bad record.
type importer struct {
	dir  *directory.Store
	sum  *summary
	orgs map[string]string // organisation id → "" when written, else why it was refused
	seen map[string]string // service id → the label of the record that gave it
	// reason explains a refused write; spreadsheets name columns, feeds fields.
	reason func(error) string
}

func newImporter(dir *directory.Store, sum *summary, reason func(error) string) *importer {
	return &importer{dir: dir, sum: sum, orgs: map[string]string{}, seen: map[string]string{}, reason: reason}
}

// write imports one record. It returns an error only when importing cannot
// go on (the database is gone, the run was cancelled).
func (im *importer) write(ctx context.Context, at int, label string, rec oruk.Record) error {
	ctx = directory.WithUser(ctx, directory.SystemUser())
	if first, dup := im.seen[rec.ServiceID]; dup {
		im.sum.reject(at, label, "the same service as "+first+", which was kept")
		return nil
	}
	im.seen[rec.ServiceID] = label
	if why, err := im.organisation(ctx, rec); err != nil || why != "" {
		im.sum.reject(at, label, why)
		return err
	}
	outcome, err := im.dir.ImportService(ctx, directory.ImportRecord{Source: rec.Source, SourceID: rec.SourceID},
		rec.ServiceID, rec.Service, rec.Terms)
	if err != nil {
		im.sum.reject(at, label, im.reason(err))
		return fatal(err)
	}
	im.sum.services[outcome]++
	im.sum.record(label, rec)
	return nil
}

// organisation writes the record's organisation once per run, and says why
// the record cannot be written when its organisation cannot.
func (im *importer) organisation(ctx context.Context, rec oruk.Record) (string, error) {
	if why, done := im.orgs[rec.OrganisationID]; done {
		return why, nil
	}
	if rec.Organisation == nil {
		return im.namedOrganisation(ctx, rec)
	}
	why := ""
	outcome, err := im.dir.ImportOrganisation(ctx, directory.ImportRecord{Source: rec.Source, SourceID: rec.OrgSourceID},
		rec.OrganisationID, *rec.Organisation)
	if err != nil {
		why = "organisation " + im.reason(err)
		if ferr := fatal(err); ferr != nil {
			return why, ferr
		}
	} else {
		im.sum.organisations[outcome]++
	}
	im.orgs[rec.OrganisationID] = why
	return why, nil
}

// namedOrganisation accepts a record that names its organisation only by id
// when the source brought that organisation in, earlier in this run or in
// an import before. Nothing is remembered, as the organisation may yet come.
func (im *importer) namedOrganisation(ctx context.Context, rec oruk.Record) (string, error) {
	_, err := im.dir.Organisation(ctx, rec.OrganisationID)
	switch {
	case errors.Is(err, directory.ErrNotFound):
		return fmt.Sprintf("its organisation (%s in the source) is not in this source", rec.OrgSourceID), nil
	case err != nil:
		return "organisation: " + err.Error(), fatal(err)
	}
	return "", nil
}

// fatal passes on errors that end an import: everything else is one
// record's problem.
func fatal(err error) error {
	if errors.Is(err, directory.ErrUnavailable) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

// fieldReason lists a refused record's problems by field, as directory names
// them.
func fieldReason(err error) string {
	var p directory.Problems
	if errors.As(err, &p) {
		return strings.TrimPrefix(p.Error(), "invalid input: ")
	}
	return err.Error()
}

// summary is what an import says when it ends.
type summary struct {
	what          string // e.g. "ORUK 1.0 feed services.json"
	start         time.Time
	services      map[directory.ImportOutcome]int
	organisations map[directory.ImportOutcome]int
	rejected      []rejection
	fixes         []string
	unmapped      map[string]int // source term → how many services use it
}

func newSummary() *summary {
	return &summary{start: time.Now(), services: map[directory.ImportOutcome]int{},
		organisations: map[directory.ImportOutcome]int{}, unmapped: map[string]int{}}
}

// rejection is a record left out, at its place in the source (a record's
// number in a feed, a line of a spreadsheet) so the list reads in order.
type rejection struct {
	at   int
	text string
}

func (s *summary) reject(at int, label, why string) {
	s.rejected = append(s.rejected, rejection{at, label + ": " + why})
}

// record notes what was fixed in a written record and its unmapped terms.
func (s *summary) record(label string, rec oruk.Record) {
	for _, f := range rec.Fixes {
		s.fixes = append(s.fixes, label+": "+f)
	}
	for _, t := range rec.Terms {
		if t.Category == "" {
			s.unmapped[fmt.Sprintf("%s %q", cmp.Or(t.Vocabulary, "(no vocabulary)"), t.Term)]++
		}
	}
}

// listed caps how many lines of each kind the summary prints.
const listed = 50

func (s *summary) print(w io.Writer) {
	total := len(s.rejected)
	for _, n := range s.services {
		total += n
	}
	fmt.Fprintf(w, "imported %s: %d records in %s\n", s.what, total, time.Since(s.start).Round(time.Millisecond))
	fmt.Fprintf(w, "  services       created %d, updated %d, unchanged %d, rejected %d\n", s.services[directory.ImportCreated],
		s.services[directory.ImportUpdated], s.services[directory.ImportUnchanged], len(s.rejected))
	fmt.Fprintf(w, "  organisations  created %d, updated %d, unchanged %d\n", s.organisations[directory.ImportCreated],
		s.organisations[directory.ImportUpdated], s.organisations[directory.ImportUnchanged])
	sort.SliceStable(s.rejected, func(i, j int) bool { return s.rejected[i].at < s.rejected[j].at })
	rejected := make([]string, len(s.rejected))
	for i, r := range s.rejected {
		rejected[i] = r.text
	}
	printList(w, "rejected", rejected)
	printList(w, "fixed on the way", s.fixes)
	var terms []string
	for t, n := range s.unmapped {
		terms = append(terms, fmt.Sprintf("%s (%d)", t, n))
	}
	sort.Strings(terms)
	printList(w, "source terms no category maps, with how many services use each (kept; map them in a --vocabulary file)", terms)
	if strings.Contains(strings.Join(rejected, "\n"), "was not found") {
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
