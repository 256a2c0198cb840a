package web

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"kith/directory"
	"kith/directory/importing"
	"kith/directory/oruk"
)

// importData is the import page: the form and the latest import.
type importData struct {
	Job *jobView
}

// importResult is an import's summary as the page shows it.
type importResult struct {
	What            string
	Took            time.Duration
	Records         int
	Counts          dataTable
	Rejected, Fixes []string
	Unmapped        []string
	NeedsPostcodes  bool
	More            int // rejections beyond those listed
}

// listedRejections caps the refusals the page lists; the rest are counted.
const listedRejections = 200

func importResultOf(sum *importing.Summary) importResult {
	r := importResult{What: sum.What, Took: time.Since(sum.Start).Round(time.Millisecond), Records: sum.Records(),
		Rejected: sum.Rejected(), Fixes: sum.Fixes(), Unmapped: sum.Unmapped(), NeedsPostcodes: sum.NeedsPostcodes()}
	r.Counts = dataTable{Caption: "What the import did", Head: heads([]string{"Records", "Created", "Updated", "Unchanged", "Rejected"}, 1, 2, 3, 4)}
	services, orgs := []cell{textCell("Services")}, []cell{textCell("Organisations")}
	for _, o := range []directory.ImportOutcome{directory.ImportCreated, directory.ImportUpdated, directory.ImportUnchanged} {
		services = append(services, numberCell(strconv.Itoa(sum.Services[o])))
		orgs = append(orgs, numberCell(strconv.Itoa(sum.Organisations[o])))
	}
	r.Counts.Rows = [][]cell{append(services, numberCell(strconv.Itoa(len(r.Rejected)))), append(orgs, numberCell("–"))}
	if len(r.Rejected) > listedRejections {
		r.More, r.Rejected = len(r.Rejected)-listedRejections, r.Rejected[:listedRejections]
	}
	return r
}

func (s *server) importPage(c *fiber.Ctx) error {
	v := s.view(c, "Import listings")
	v.Back = "/app/admin"
	v.Data = importData{Job: s.latestJob("import")}
	if c.Get("HX-Request") == "true" {
		return s.fragment(c, "admin_import", "job", v)
	}
	return s.render(c, fiber.StatusOK, "admin_import", v)
}

// startImport checks the upload, then imports it in the background as the
// admin who sent it.
func (s *server) startImport(c *fiber.Ctx) error {
	v := s.view(c, "Import listings")
	v.Back, v.Form = "/app/admin", formOf(c)
	what, run, err := s.prepareImport(c, v.Form)
	if err != nil {
		return err
	}
	if !v.Form.Valid() {
		v.Data = importData{Job: s.latestJob("import")}
		return s.render(c, fiber.StatusUnprocessableEntity, "admin_import", v)
	}
	switch err := s.startJob(c, "import", what, run); {
	case errors.Is(err, errJobRunning):
		flash(c, "An import is already running: wait for it to finish, then send this file again")
	case err != nil:
		return err
	default:
		flash(c, "Importing the "+what+": its progress and summary are below")
	}
	return redirect(c, "/app/admin/import")
}

type importRun = func(ctx context.Context, j *job) (any, error)

// prepareImport reads the upload and the optional vocabulary and checks the
// file is a feed or a spreadsheet; problems go on the form.
func (s *server) prepareImport(c *fiber.Ctx, f *form) (string, importRun, error) {
	name, data, err := uploadedFile(c, "file")
	if err != nil || name == "" {
		f.Fail("file", "Choose a file to import: an Open Referral UK feed saved as JSON, or a spreadsheet saved as CSV")
		return "", nil, nil
	}
	vocabName, vocab, err := uploadedFile(c, "vocabulary")
	if err != nil {
		f.Fail("vocabulary", "The vocabulary file could not be read")
	}
	terms, err := s.dir.Terms(c.UserContext())
	if err != nil {
		return "", nil, err
	}
	sheet := isSpreadsheet(name, data)
	var vocabReader io.Reader
	if vocabName != "" {
		vocabReader = bytes.NewReader(vocab)
	}
	mapper, err := importing.NewMapper(terms, cmp.Or(f.Value("source"), importSourceName(name, sheet)), vocabReader)
	if err != nil {
		f.Fail("vocabulary", "The vocabulary file is not in the layout docs/IMPORT.md describes: "+err.Error())
		return "", nil, nil
	}
	if sheet {
		return s.prepareSheet(f, name, data, mapper)
	}
	feed, err := importing.ReadFile(name, data)
	if err != nil {
		f.Fail("file", "This file is not an Open Referral UK feed: "+err.Error())
		return "", nil, nil
	}
	return "feed " + name, func(ctx context.Context, j *job) (any, error) {
		sum := importing.NewSummary()
		err := importing.ReadFeed(ctx, feed, mapper, importing.New(s.dir, sum, importing.FieldReason), j.progress)
		return importResultOf(sum), err
	}, nil
}

func (s *server) prepareSheet(f *form, name string, data []byte, mapper oruk.Mapper) (string, importRun, error) {
	sheet, err := mapper.ReadCSV(bytes.NewReader(data))
	if err != nil {
		f.Fail("file", "This spreadsheet is not in Kith's layout: "+err.Error())
		return "", nil, nil
	}
	return "spreadsheet " + name, func(ctx context.Context, j *job) (any, error) {
		sum := importing.NewSummary()
		sum.What = "spreadsheet " + name
		err := importing.WriteSheet(ctx, sheet, importing.New(s.dir, sum, importing.ColumnReason), j.progress)
		return importResultOf(sum), err
	}, nil
}

// uploadedFile returns an uploaded file's name and contents; no name when the
// form sent none.
func uploadedFile(c *fiber.Ctx, field string) (string, []byte, error) {
	fh, err := c.FormFile(field)
	if errors.Is(err, fasthttp.ErrMissingFile) || errors.Is(err, fasthttp.ErrNoMultipartForm) || (err == nil && fh.Size == 0) {
		return "", nil, nil
	}
	if err != nil {
		return "", nil, err
	}
	file, err := fh.Open()
	if err != nil {
		return "", nil, err
	}
	defer file.Close()
	data, err := io.ReadAll(file)
	return filepath.Base(strings.Clone(fh.Filename)), data, err
}

// isSpreadsheet tells a spreadsheet from a feed by the file's name, or by
// whether it starts like JSON.
func isSpreadsheet(name string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return true
	case ".json":
		return false
	}
	trimmed := bytes.TrimSpace(data)
	return len(trimmed) == 0 || (trimmed[0] != '{' && trimmed[0] != '[')
}

// importSourceName is the source an upload is imported as when the form names
// none, as `kith import` names it: the file's name, csv: first for a
// spreadsheet.
func importSourceName(name string, sheet bool) string {
	base := strings.TrimSuffix(name, filepath.Ext(name))
	if sheet {
		return "csv:" + base
	}
	return base
}
