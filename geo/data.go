package geo

import (
	"bufio"
	"compress/gzip"
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The data files are generated, not hand-edited; see docs/DATA.md for sources
// and licences.
//go:generate go run ./internal/gendata -shared ../../shared/geo -out data

//go:embed data/postcodes.csv.gz data/outcodes.csv data/lsoa.csv.gz data/lad.csv
var dataFS embed.FS

// Each table loads on first use, not at init: a command such as
// `kith user add` should not pay ~100 ms and ~3 MB for postcodes it never
// looks at. Warm lets a server pay up front instead.
var (
	loadPostcodes = sync.OnceValues(readPostcodeTable)
	loadLSOAs     = sync.OnceValues(readLSOATable)
	loadLADs      = sync.OnceValues(readLADTable)
)

// Warm loads every embedded table now and reports a damaged one. A server
// calls it at start-up so that a bad build fails there, and so the first
// search does not carry the loading time.
func Warm() error {
	_, err1 := loadPostcodes()
	_, err2 := loadLSOAs()
	_, err3 := loadLADs()
	return errors.Join(err1, err2, err3)
}

// must turns a load error into a panic. The data is compiled in and checked
// by the tests, so a failure here is a broken build, not bad input; callers
// that want an error instead use Warm first.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// readEmbedded calls row for each record of an embedded CSV after checking
// its header, so that a regenerated file with reordered columns fails loudly
// instead of loading wards as LSOAs.
func readEmbedded(name string, header []string, row func([]string) error) error {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = bufio.NewReader(f)
	if strings.HasSuffix(name, ".gz") {
		if r, err = gzip.NewReader(r); err != nil {
			return fmt.Errorf("geo: embedded %s: %w", name, err)
		}
	}
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = len(header)
	got, err := cr.Read()
	if err == nil && !slices.Equal(got, header) {
		err = fmt.Errorf("header %v, want %v", got, header)
	}
	for err == nil {
		var rec []string
		if rec, err = cr.Read(); err == nil {
			err = row(rec)
		}
	}
	if !errors.Is(err, io.EOF) {
		return fmt.Errorf("geo: embedded %s: %w", name, err)
	}
	return nil
}

func parsePoint(lat, lon string) (Point, error) {
	la, err1 := strconv.ParseFloat(lat, 64)
	lo, err2 := strconv.ParseFloat(lon, 64)
	if err := errors.Join(err1, err2); err != nil {
		return Point{}, err
	}
	return LonLat(lo, la)
}

// parseDecile reads an IMD decile; empty means unknown and becomes 0.
func parseDecile(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	d, err := strconv.Atoi(s)
	if err != nil || d < 1 || d > 10 {
		return 0, fmt.Errorf("IMD decile %q is not 1-10", s)
	}
	return d, nil
}

// codeNumbers numbers each distinct code once. About 73,000 postcodes name
// only a few thousand LSOAs and wards; a record keeps the numbers, and the
// table one copy of each code.
type codeNumbers struct {
	byCode map[string]uint32
	codes  []string
}

func (n *codeNumbers) number(s string) uint32 {
	if v, ok := n.byCode[s]; ok {
		return v
	}
	s = strings.Clone(s) // a csv field pins its whole line; keep only the code
	if n.byCode == nil {
		n.byCode = map[string]uint32{}
	}
	n.byCode[s] = uint32(len(n.codes))
	n.codes = append(n.codes, s)
	return n.byCode[s]
}
