package importing

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"kith/directory"
	"kith/directory/oruk"
)

// Importer writes mapped records as the acting user (an admin) and counts
// what happened in its Summary, never stopping for one bad record.
type Importer struct {
	dir  *directory.Store
	sum  *Summary
	orgs map[string]string // organisation id → "" when written, else why it was refused
	seen map[string]string // service id → the label of the record that gave it
	// reason explains a refused write; spreadsheets name columns, feeds fields.
	reason func(error) string
}

// New returns an Importer that counts into sum and explains refusals with
// reason (FieldReason for feeds, ColumnReason for spreadsheets).
func New(dir *directory.Store, sum *Summary, reason func(error) string) *Importer {
	return &Importer{dir: dir, sum: sum, orgs: map[string]string{}, seen: map[string]string{}, reason: reason}
}

// Summary is what the importer has counted so far.
func (im *Importer) Summary() *Summary { return im.sum }

// Write imports one record found at position at (a record's number in a
// feed, a spreadsheet's line). It returns an error only when importing
// cannot go on (the database is gone, the run was cancelled).
func (im *Importer) Write(ctx context.Context, at int, label string, rec oruk.Record) error {
	if first, dup := im.seen[rec.ServiceID]; dup {
		im.sum.Reject(at, label, "the same service as "+first+", which was kept")
		return nil
	}
	im.seen[rec.ServiceID] = label
	if why, err := im.organisation(ctx, rec); err != nil || why != "" {
		im.sum.Reject(at, label, why)
		return err
	}
	outcome, err := im.dir.ImportService(ctx, directory.ImportRecord{Source: rec.Source, SourceID: rec.SourceID},
		rec.ServiceID, rec.Service, rec.Terms)
	if err != nil {
		im.sum.Reject(at, label, im.reason(err))
		return Fatal(err)
	}
	im.sum.Services[outcome]++
	im.sum.record(label, rec)
	return nil
}

// organisation writes the record's organisation once per run, and says why
// the record cannot be written when its organisation cannot.
func (im *Importer) organisation(ctx context.Context, rec oruk.Record) (string, error) {
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
		if ferr := Fatal(err); ferr != nil {
			return why, ferr
		}
	} else {
		im.sum.Organisations[outcome]++
	}
	im.orgs[rec.OrganisationID] = why
	return why, nil
}

// namedOrganisation accepts a record that names its organisation only by id
// when the source brought that organisation in, earlier in this run or in
// an import before. Nothing is remembered, as the organisation may yet come.
func (im *Importer) namedOrganisation(ctx context.Context, rec oruk.Record) (string, error) {
	_, err := im.dir.Organisation(ctx, rec.OrganisationID)
	switch {
	case errors.Is(err, directory.ErrNotFound):
		return fmt.Sprintf("its organisation (%s in the source) is not in this source", rec.OrgSourceID), nil
	case err != nil:
		return "organisation: " + err.Error(), Fatal(err)
	}
	return "", nil
}

// Fatal passes on errors that end an import: everything else is one
// record's problem.
func Fatal(err error) error {
	if errors.Is(err, directory.ErrUnavailable) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

// FieldReason lists a refused record's problems by field, as directory
// names them.
func FieldReason(err error) string {
	var p directory.Problems
	if errors.As(err, &p) {
		return strings.TrimPrefix(p.Error(), "invalid input: ")
	}
	return err.Error()
}

// ColumnReason lists a refused row's problems by spreadsheet column.
func ColumnReason(err error) string {
	var p directory.Problems
	if !errors.As(err, &p) {
		return err.Error()
	}
	parts := make([]string, 0, len(p))
	for field, why := range p {
		parts = append(parts, oruk.CSVColumn(field)+": "+why)
	}
	sort.Strings(parts)
	return strings.Join(parts, "; ")
}
