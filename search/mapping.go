package search

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"

	"kith/directory"
	"kith/geo"
)

// MappingVersion changes whenever the mapping or what goes into a document
// changes; an index built under another version is rebuilt at start.
const MappingVersion = 3

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
type indexDoc struct {
	Name         string   `json:"name"`
	Text         string   `json:"text"`
	Categories   []string `json:"categories"`
	Cells        []string `json:"cells"`
	Slots        []string `json:"slots"`
	Delivery     []string `json:"delivery"`
	Free         string   `json:"free"`
	AssuredUntil float64  `json:"assured_until"`
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
		f.Analyzer = keyword.Name
		f.Store, f.IncludeInAll, f.IncludeTermVectors, f.DocValues = false, false, false, false
		return f
	}
	num := bleve.NewNumericFieldMapping()
	num.Store, num.IncludeInAll, num.DocValues = false, false, false

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("name", text())
	doc.AddFieldMappingsAt("text", text())
	for _, f := range []string{"categories", "cells", "slots", "delivery", "free"} {
		doc.AddFieldMappingsAt(f, kw())
	}
	doc.AddFieldMappingsAt("assured_until", num)
	// No catch-all field: queries name their fields, and composing it cost
	// a tenth of a rebuild.
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())

	im := bleve.NewIndexMapping()
	im.DefaultMapping = doc
	im.DefaultAnalyzer = analyzerName
	im.StoreDynamic, im.IndexDynamic, im.DocValuesDynamic = false, false, false
	return im
}

func toIndexDoc(rec directory.SearchRecord, assuredUntil float64) indexDoc {
	d := indexDoc{
		Name:         rec.Name,
		Text:         strings.Join(append([]string{rec.Description, rec.Organisation}, rec.CategoryNames...), "\n"),
		Categories:   rec.Categories,
		Delivery:     rec.Delivery,
		Free:         fmt.Sprint(rec.Free),
		AssuredUntil: assuredUntil,
	}
	for _, v := range rec.Venues {
		for _, size := range cellSizes {
			d.Cells = append(d.Cells, cellTerm(geo.CellOf(v.Point, size), size))
		}
	}
	if len(rec.Venues) == 0 {
		d.Cells = []string{remoteCell}
	}
	_, slots := sessionBits(rec.Sessions)
	d.Slots = slotTerms(slots)
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
