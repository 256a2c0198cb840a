// Command gendata rebuilds the reference data that package geo embeds.
//
// It reads the OGL source files described in ../shared/geo/SOURCE.md and writes
// small, pre-joined files so that the kith binary needs no download and no
// database to answer "where is this postcode, and how deprived is it?".
//
//	go run ./geo/internal/gendata -shared ../shared/geo -out geo/data
//
// The output is deterministic (sorted rows, gzip without timestamps), so a
// regenerated file only shows up in a diff when the data really changed.
//
// This program deliberately does not import package geo: geo cannot compile
// without the files this program writes.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Source file names inside -shared. The freemaptools outcode file is absent on
// purpose: it has no licence, so nothing derived from it may ship.
const (
	nsplFile = "nspl_nov2021_postcodes_20areas.csv"
	imdFile  = "imd2019_england_lsoa11.csv"
	lsoaFile = "drkane_lsoa_latlong.csv"
	ladFile  = "drkane_la_all_codes.csv"
)

// Output file names inside -out; package geo embeds exactly these.
const (
	outPostcodes = "postcodes.csv.gz"
	outOutcodes  = "outcodes.csv"
	outLSOAs     = "lsoa.csv.gz"
	outLADs      = "lad.csv"
)

func main() {
	shared := flag.String("shared", "../shared/geo", "directory holding the source CSVs (see SOURCE.md there)")
	out := flag.String("out", "geo/data", "directory to write the embedded data files to")
	flag.Parse()
	if err := run(*shared, *out, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gendata:", err)
		os.Exit(1)
	}
}

func run(shared, out string, log io.Writer) error {
	imd, err := readIMD(filepath.Join(shared, imdFile))
	if err != nil {
		return err
	}
	acc := outcodeAcc{}
	pcs, err := readPostcodes(filepath.Join(shared, nsplFile), imd, acc, log)
	if err != nil {
		return err
	}
	lsoas, err := readLSOAs(filepath.Join(shared, lsoaFile), imd)
	if err != nil {
		return err
	}
	lads, err := readLADs(filepath.Join(shared, ladFile))
	if err != nil {
		return err
	}
	if err := checkLADsCovered(pcs, lads); err != nil {
		return err
	}
	outcodes := outcodeCentroids(acc, pcs, log)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	return writeAll(out, pcs, outcodes, lsoas, lads, log)
}

func writeAll(out string, pcs []postcodeRow, ocs []outcodeRow, lsoas []lsoaRow, lads []ladRow, log io.Writer) error {
	files := []struct {
		name   string
		header []string
		rows   [][]string
	}{
		{outPostcodes, postcodeHeader, postcodeRecords(pcs)},
		{outOutcodes, outcodeHeader, outcodeRecords(ocs)},
		{outLSOAs, lsoaHeader, lsoaRecords(lsoas)},
		{outLADs, ladHeader, ladRecords(lads)},
	}
	for _, f := range files {
		path := filepath.Join(out, f.name)
		n, err := writeCSV(path, f.header, f.rows)
		if err != nil {
			return err
		}
		fmt.Fprintf(log, "wrote %s: %d rows, %d bytes\n", path, len(f.rows), n)
	}
	return nil
}
