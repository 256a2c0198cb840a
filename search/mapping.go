package search

import (
	"fmt"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"kith/directory"
	"kith/geo"
)

// MappingVersion changes whenever the mapping or what goes into a document
// changes; an index built under another version is rebuilt at start.
const MappingVersion = 4

// Cell sizes (km) indexed for every venue. A radius query restricts text
// matches to the cells of the smallest size that covers it in a few dozen
// terms; the exact distance is then checked in memory.
var cellSizes = []float64{1, 4, 16}

// maxCellTerms bounds the cell terms one query may carry.
const maxCellTerms = 40

// remoteCell is the cell term of services with no venue, which match any
// place because they work by phone, online or at home.
const remoteCell = "remote"

// indexDoc is what bleve stores per service: text fields to rank on and
// keyword fields that narrow a text query before the exact in-memory checks.
// A keyword field is a list of values joined by spaces (no value holds one:
// they are taxonomy codes, cell and slot names, delivery modes and times).
// assured_until is the RFC 3339 UTC time the organisation's assurance lasts
// until, empty when it has none, so a term range from now finds the assured.
type indexDoc struct {
	Name         string `json:"name"`
	Text         string `json:"text"`
	Categories   string `json:"categories"`
	Cells        string `json:"cells"`
	Slots        string `json:"slots"`
	Delivery     string `json:"delivery"`
	Free         string `json:"free"`
	AssuredUntil string `json:"assured_until"`
}

func newMapping() mapping.IndexMapping {
	text := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzerName
		f.Store, f.IncludeInAll, f.IncludeTermVectors, f.DocValues = false, false, false, false
		return f
	}
	kw := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keywordsName
		f.Store, f.IncludeInAll, f.IncludeTermVectors, f.DocValues = false, false, false, false
		return f
	}
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("name", text())
	doc.AddFieldMappingsAt("text", text())
	for _, f := range []string{"categories", "cells", "slots", "delivery", "free", "assured_until"} {
		doc.AddFieldMappingsAt(f, kw())
	}
	// No catch-all field: queries name their fields, and composing it cost
	// a tenth of a rebuild.
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())

	im := bleve.NewIndexMapping()
	im.DefaultMapping = doc
	im.DefaultAnalyzer = analyzerName
	im.StoreDynamic, im.IndexDynamic, im.DocValuesDynamic = false, false, false
	return im
}

func toIndexDoc(rec directory.SearchRecord, assuredUntil time.Time) indexDoc {
	d := indexDoc{
		Name:       rec.Name,
		Text:       strings.Join(append([]string{rec.Description, rec.Organisation}, rec.CategoryNames...), "\n"),
		Categories: strings.Join(rec.Categories, " "),
		Delivery:   strings.Join(rec.Delivery, " "),
		Free:       fmt.Sprint(rec.Free),
	}
	if !assuredUntil.IsZero() {
		d.AssuredUntil = assuredUntil.UTC().Format(time.RFC3339)
	}
	var cells []string
	for _, v := range rec.Venues {
		for _, size := range cellSizes {
			cells = append(cells, cellTerm(geo.CellOf(v.Point, size), size))
		}
	}
	if len(rec.Venues) == 0 {
		cells = []string{remoteCell}
	}
	d.Cells = strings.Join(cells, " ")
	_, slots := sessionBits(rec.Sessions)
	d.Slots = strings.Join(slotTerms(slots), " ")
	return d
}

func cellTerm(c geo.Cell, size float64) string { return fmt.Sprintf("%g:%d:%d", size, c.X, c.Y) }

// slotTerms names the weekday×part-of-day bits set in mask, e.g. tue-morning.
func slotTerms(mask uint32) []string {
	var out []string
	for wd := range weekdays {
		for p := range dayParts {
			if mask&(1<<(3*wd+p)) != 0 {
				out = append(out, weekdays[wd].name+"-"+dayParts[p].name)
			}
		}
	}
	return out
}
