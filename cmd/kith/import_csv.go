package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"kith/directory"
	"kith/directory/oruk"
)

// importCSV reads a spreadsheet in the layout of docs/IMPORT.md. Problems
// are reported by line and column, whether found reading the row or writing
// the listing.
func importCSV(ctx context.Context, cfg config, log *slog.Logger, args []string, stdout io.Writer) error {
	flags := newListingFlags("import csv", stdout)
	path, err := flags.parse(args)
	if err != nil {
		return err
	}
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	base := filepath.Base(path)
	return withDatabase(ctx, cfg, log, func(e *env) error {
		mapper, err := flags.mapper(ctx, e, "csv:"+strings.TrimSuffix(base, filepath.Ext(base)))
		if err != nil {
			return err
		}
		sheet, err := mapper.ReadCSV(file)
		if err != nil {
			return fmt.Errorf("%s: %w", base, err)
		}
		sum := newSummary()
		sum.what = "spreadsheet " + base
		err = writeSheet(ctx, sheet, newImporter(e.dir, sum, columnReason), stdout)
		sum.print(stdout)
		return err
	})
}

func writeSheet(ctx context.Context, sheet oruk.Sheet, im *importer, stdout io.Writer) error {
	for _, e := range sheet.Errors {
		im.sum.rejected = append(im.sum.rejected, rejection{e.Line, e.Error()})
	}
	bar := newProgress(stdout, "importing", len(sheet.Records))
	defer bar.done()
	for i, rec := range sheet.Records {
		if err := im.write(ctx, sheet.Lines[i][0], linesLabel(sheet.Lines[i]), rec); err != nil {
			return err
		}
		bar.set(i + 1)
	}
	return nil
}

// linesLabel names a record by the lines it was read from.
func linesLabel(lines []int) string {
	parts := make([]string, len(lines))
	for i, l := range lines {
		parts[i] = fmt.Sprint(l)
	}
	if len(lines) == 1 {
		return "line " + parts[0]
	}
	return "lines " + strings.Join(parts, ", ")
}

// columnReason lists a refused row's problems by spreadsheet column.
func columnReason(err error) string {
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
