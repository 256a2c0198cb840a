package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"kith/directory/importing"
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
		sum := importing.NewSummary()
		sum.What = "spreadsheet " + base
		bar := newProgress(stdout, "importing", len(sheet.Records))
		err = importing.WriteSheet(asSystem(ctx), sheet, importing.New(e.dir, sum, importing.ColumnReason), bar.update)
		bar.done()
		sum.Print(stdout)
		return err
	})
}
