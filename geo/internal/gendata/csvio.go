package main

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// table reads a headed CSV by column name, so that a reordered or widened
// upstream file (ONS adds columns between releases) does not silently shift
// values into the wrong field.
type table struct {
	path string
	f    *os.File
	r    *csv.Reader
	cols map[string]int
	line int
}

func openTable(path string, need ...string) (*table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	t := &table{path: path, f: f, r: csv.NewReader(bufio.NewReader(f)), cols: map[string]int{}}
	t.r.ReuseRecord = true
	header, err := t.r.Read()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: reading header: %w", path, err)
	}
	for i, h := range header {
		t.cols[strings.TrimPrefix(h, "\ufeff")] = i
	}
	for _, n := range need {
		if _, ok := t.cols[n]; !ok {
			f.Close()
			return nil, fmt.Errorf("%s: no column %q", path, n)
		}
	}
	return t, nil
}

// next returns the following record, or io.EOF after the last one.
func (t *table) next() ([]string, error) {
	rec, err := t.r.Read()
	t.line++
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w", t.path, err)
	}
	return rec, err
}

func (t *table) get(rec []string, col string) string { return rec[t.cols[col]] }

// errorf reports a problem with the record just read.
func (t *table) errorf(format string, args ...any) error {
	return fmt.Errorf("%s: record %d: %s", t.path, t.line, fmt.Sprintf(format, args...))
}

func (t *table) close() { t.f.Close() }

// parseCoord parses a latitude or longitude column, rejecting values outside
// [-limit, limit] so that a corrupt upstream row fails the build rather than
// shipping a point in the wrong hemisphere.
func parseCoord(s string, limit float64) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, err
	}
	if !(v >= -limit && v <= limit) {
		return 0, fmt.Errorf("%v outside ±%v", v, limit)
	}
	return v, nil
}

// fmtCoord keeps five decimals: about a metre, far finer than a postcode
// centroid is accurate to, and it keeps the embedded file small.
func fmtCoord(v float64) string { return strconv.FormatFloat(v, 'f', 5, 64) }

// writeCSV writes header and rows to path, gzip-compressing when the name ends
// in .gz. The gzip header carries no name or time, so output is reproducible.
// It returns the number of bytes written to disk.
func writeCSV(path string, header []string, rows [][]string) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	var w io.Writer = f
	var zw *gzip.Writer
	if strings.HasSuffix(path, ".gz") {
		zw, _ = gzip.NewWriterLevel(f, gzip.BestCompression)
		w = zw
	}
	cw := csv.NewWriter(w)
	_ = cw.Write(header)
	_ = cw.WriteAll(rows) // WriteAll flushes; its error covers every write
	err = cw.Error()
	if zw != nil && err == nil {
		err = zw.Close()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	st, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}
