package oruk

import (
	"cmp"
	_ "embed" // the spreadsheet template
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// Columns is Kith's spreadsheet layout, in template order; docs/IMPORT.md
// explains each. Only organisation and name are required.
var Columns = []string{
	"service_ref", "organisation", "organisation_email", "organisation_website", "charity_number",
	"company_number", "name", "description", "categories", "status", "website", "email", "phone",
	"min_age", "max_age", "free", "fees", "eligibility", "languages", "delivery", "venue",
	"address_1", "address_2", "town", "postcode", "latitude", "longitude", "hide_address",
	"accessibility", "sessions", "service_area", "contact_name", "contact_email", "contact_phone",
}

//go:embed template.csv
var template []byte

// Template is the spreadsheet template people download and fill in.
func Template() []byte { return template }

// maxSheet bounds a spreadsheet, which is read whole: rows of one service
// may be anywhere in it.
const maxSheet = 64 << 20

// cp1252 is Windows-1252 where it differs from Latin-1: the characters
// Excel writes for 0x80–0x9F when a sheet is saved as plain "CSV".
var cp1252 = [32]rune{'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8d, 'Ž', 0x8f,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9d, 'ž', 'Ÿ'}

// utf8Text reads a sheet as UTF-8 or, when it is not, as Windows-1252,
// which is what Excel saves unless asked for UTF-8: "£5" must not become
// a refused row.
func utf8Text(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	var b strings.Builder
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xa0:
			b.WriteRune(cp1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}

// RowError is what is wrong with one row of a spreadsheet.
type RowError struct {
	Line    int
	Column  string // "" when it is the row as a whole
	Message string
}

func (e RowError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Message)
	}
	return fmt.Sprintf("line %d: %s: %s", e.Line, e.Column, e.Message)
}

// Sheet is a spreadsheet read into listings.
type Sheet struct {
	Records []Record
	Lines   [][]int // the lines each record was read from
	Errors  []RowError
}

// ReadCSV reads a spreadsheet in Kith's layout. Rows with the same
// service_ref (or, without one, the same organisation and name) are one
// service at several venues: the first of them gives the service's details,
// each adds its venue and sessions. A row with a problem is left out with
// its line and the rest are read; only a file that is not in the layout at
// all is an error.
func (m Mapper) ReadCSV(r io.Reader) (Sheet, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSheet+1))
	if err != nil {
		return Sheet{}, err
	}
	if len(data) > maxSheet {
		return Sheet{}, fmt.Errorf("the spreadsheet is larger than %d MiB; split it", maxSheet>>20)
	}
	cr := csv.NewReader(strings.NewReader(utf8Text(data)))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return Sheet{}, fmt.Errorf("reading the header: %w", err)
	}
	cols, err := columnIndex(header)
	if err != nil {
		return Sheet{}, err
	}
	s := &sheetReader{mapper: m, byKey: map[string]int{}}
	for {
		rec, err := cr.Read()
		var pe *csv.ParseError
		switch {
		case errors.Is(err, io.EOF):
			s.finish()
			return s.sheet, nil
		case errors.As(err, &pe):
			s.sheet.Errors = append(s.sheet.Errors, RowError{Line: pe.Line, Message: pe.Err.Error()})
		case err != nil:
			return Sheet{}, err
		default:
			line, _ := cr.FieldPos(0)
			s.add(cols.row(rec), line)
		}
	}
}

type columns map[string]int

// columnIndex checks the header: every column known (so a misspelt one is
// not silently ignored), none twice, and the required ones present.
func columnIndex(header []string) (columns, error) {
	cols := columns{}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, dup := cols[name]; dup {
			return nil, fmt.Errorf("column %q appears twice", name)
		}
		if !slices.Contains(Columns, name) {
			return nil, fmt.Errorf("column %q is not in Kith's layout; see docs/IMPORT.md", h)
		}
		cols[name] = i
	}
	for _, required := range []string{"organisation", "name"} {
		if _, ok := cols[required]; !ok {
			return nil, fmt.Errorf("the header needs a %q column", required)
		}
	}
	return cols, nil
}

// row is one line of the sheet by column name.
type row map[string]string

func (c columns) row(rec []string) row {
	out := row{}
	for name, i := range c {
		if i < len(rec) {
			out[name] = strings.TrimSpace(rec[i])
		}
	}
	return out
}

func (r row) blank() bool {
	for _, v := range r {
		if v != "" {
			return false
		}
	}
	return true
}

// list splits a column that holds several values.
func (r row) list(col string) []string {
	var out []string
	for _, v := range strings.Split(r[col], ";") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// sheetReader gathers rows into records.
type sheetReader struct {
	mapper Mapper
	sheet  Sheet
	byKey  map[string]int // service key → index in sheet.Records
	builds []*build
}

// add reads one row into a new record or, for a service already seen, into
// a copy of it that replaces the record only if the whole row is usable.
func (s *sheetReader) add(r row, line int) {
	if r.blank() {
		return
	}
	if r["organisation"] == "" || r["name"] == "" {
		s.sheet.Errors = append(s.sheet.Errors, RowError{Line: line, Message: "organisation and name are required"})
		return
	}
	key := cmp.Or(r["service_ref"], "name:"+fold(r["organisation"])+"/"+fold(r["name"]))
	i, seen := s.byKey[key]
	var rec Record
	var b *build
	var errs []RowError
	if seen {
		rec, b = s.sheet.Records[i], s.builds[i].clone()
	} else {
		b = &build{source: s.mapper.Source, key: "service:" + key}
		rec, errs = s.mapper.sheetRecord(b, key, r, line)
	}
	errs = append(errs, b.addVenue(&rec.Service, r, line)...)
	if len(errs) > 0 {
		s.sheet.Errors = append(s.sheet.Errors, errs...)
		return
	}
	rec.Fixes = b.fixes
	if !seen {
		i = len(s.sheet.Records)
		s.byKey[key] = i
		s.sheet.Records, s.sheet.Lines, s.builds = append(s.sheet.Records, rec), append(s.sheet.Lines, nil), append(s.builds, b)
	}
	s.sheet.Records[i], s.builds[i] = rec, b
	s.sheet.Lines[i] = append(s.sheet.Lines[i], line)
}

// finish settles what depends on every row of a service: how it is
// delivered, when the sheet did not say.
func (s *sheetReader) finish() {
	for i := range s.sheet.Records {
		svc := &s.sheet.Records[i].Service
		switch {
		case len(svc.DeliveryModes) > 0:
		case len(svc.Locations) > 0:
			svc.DeliveryModes = []string{"in_person"}
		case len(svc.Phones) > 0:
			svc.DeliveryModes = []string{"phone"}
		default:
			svc.DeliveryModes = []string{"online"}
		}
	}
}

func (b *build) clone() *build {
	c := *b
	c.seen = maps.Clone(b.seen)
	c.fixes = slices.Clone(b.fixes)
	return &c
}
