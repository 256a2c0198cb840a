package importing

import (
	"context"
	"fmt"
	"io"
	"strings"

	"kith/directory"
	"kith/directory/oruk"
)

// WriteSheet writes a spreadsheet's records, after noting the rows it could
// not read, telling progress after each.
func WriteSheet(ctx context.Context, sheet oruk.Sheet, im *Importer, progress Progress) error {
	for _, e := range sheet.Errors {
		im.sum.rejected = append(im.sum.rejected, rejection{e.Line, e.Error()})
	}
	for i, rec := range sheet.Records {
		if err := im.Write(ctx, sheet.Lines[i][0], linesLabel(sheet.Lines[i]), rec); err != nil {
			return err
		}
		progress(i+1, len(sheet.Records))
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

// NewMapper maps a source's records onto Kith's categories (terms) through
// a vocabulary file, or Kith's own vocabulary when vocabulary is nil.
func NewMapper(terms []directory.Term, source string, vocabulary io.Reader) (oruk.Mapper, error) {
	var vocab *oruk.Vocabulary
	var err error
	if vocabulary == nil {
		vocab, err = oruk.DefaultVocabulary(terms)
	} else {
		vocab, err = oruk.LoadVocabulary(vocabulary, terms)
	}
	if err != nil {
		return oruk.Mapper{}, err
	}
	return oruk.Mapper{Source: source, Vocabulary: vocab}, nil
}
