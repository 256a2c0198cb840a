package web

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/qa"
)

// templatesData is the checklist page: the editor for the next version,
// seeded from the current one, and every version published so far.
type templatesData struct {
	Rows     []itemRow
	Tiers    []option
	Evidence []option
	Validity []option
	Versions []templateVersion
}

// templateVersion is a published version and a table of its items.
type templateVersion struct {
	qa.Template
	Table dataTable
}

// itemRow is one item's controls: their names start with Prefix, the keys
// qa.TemplateInput's problems use ("items[2].").
type itemRow struct {
	Number int
	Prefix string
	Title  string // the item's title as published, for the legend
}

var (
	tierOptions = []option{{"", "Never required"}, {"signposting", "Signposting: to be listed"},
		{"referral", "Referral: to receive referrals"}, {"vulnerable_adults", "Working with adults at risk"},
		{"children", "Working with children"}}
	evidenceOptions = []option{{qa.NeedsDocument, "An uploaded document"}, {qa.NeedsReference, "A reference number"},
		{qa.NeedsDate, "A date"}, {qa.NeedsAttestation, "A signed statement"},
		{qa.NeedsListing, "Confirming the listing is accurate (on its own)"}}
	validityOptions = []option{{qa.ValidForMonths, "For a number of months"},
		{qa.ValidUntilEvidenceDate, "Until the date on the evidence"}}
)

func (s *server) templatesPage(c *fiber.Ctx) error {
	versions, err := s.qa.Templates(c.UserContext())
	if err != nil {
		return err
	}
	v := s.view(c, "Quality checklist")
	var current qa.Template
	if len(versions) > 0 {
		current = versions[0]
	}
	v.Form.Set("title", current.Title)
	for i, it := range current.Items {
		fillTemplateItem(v.Form, i, it)
	}
	return s.renderTemplates(c, fiber.StatusOK, v, versions, len(current.Items)+1)
}

func fillTemplateItem(f *form, i int, it qa.Item) {
	p := itemPrefix(i)
	for name, value := range map[string]string{"key": it.Key, "title": it.Title, "guidance": it.Guidance,
		"required_from": string(it.RequiredFrom), "reference_label": it.ReferenceLabel, "date_label": it.DateLabel,
		"validity": it.Validity} {
		f.Set(p+name, value)
	}
	if it.ValidMonths > 0 {
		f.Set(p+"valid_months", strconv.Itoa(it.ValidMonths))
	}
	f.values[p+"evidence"] = it.Evidence
}

func versionTable(t qa.Template) templateVersion {
	v := templateVersion{Template: t, Table: dataTable{Caption: fmt.Sprintf("Items of version %d", t.Version),
		Head: heads([]string{"Item", "Key", "Required from"})}}
	for _, it := range t.Items {
		v.Table.Rows = append(v.Table.Rows, []cell{textCell(it.Title), codeCell(it.Key),
			textCell(optionLabel(tierOptions, string(it.RequiredFrom)))})
	}
	return v
}

func itemPrefix(i int) string { return fmt.Sprintf("items[%d].", i) }

func (s *server) renderTemplates(c *fiber.Ctx, status int, v *view, versions []qa.Template, rows int) error {
	d := templatesData{Tiers: tierOptions, Evidence: evidenceOptions, Validity: validityOptions}
	for _, t := range versions {
		d.Versions = append(d.Versions, versionTable(t))
	}
	var titles []string
	if len(versions) > 0 {
		for _, it := range versions[0].Items {
			titles = append(titles, it.Title)
		}
	}
	for i := range rows {
		r := itemRow{Number: i + 1, Prefix: itemPrefix(i), Title: "New item"}
		if i < len(titles) {
			r.Title = titles[i]
		}
		d.Rows = append(d.Rows, r)
	}
	v.Form.Set("rows", strconv.Itoa(rows))
	v.Back, v.Data = "/app/admin", d
	return s.render(c, status, "admin_qa_templates", v)
}

// maxTemplateRows bounds the editor; the store allows 100 items.
const maxTemplateRows = 101

// publishTemplatePost publishes the edited checklist as a new version, or,
// for "Add another item", shows the editor again with one more empty item.
func (s *server) publishTemplatePost(c *fiber.Ctx) error {
	versions, err := s.qa.Templates(c.UserContext())
	if err != nil {
		return err
	}
	v := s.view(c, "Quality checklist")
	f := formOf(c)
	v.Form = f
	rows, err := strconv.Atoi(f.Value("rows"))
	if err != nil || rows < 0 || rows > maxTemplateRows {
		return errBadParam("rows", "must be the number of items in the editor")
	}
	if f.Value("action") == "add" {
		return s.renderTemplates(c, fiber.StatusOK, v, versions, min(rows+1, maxTemplateRows))
	}
	in, positions := templateInput(f, rows)
	if f.Valid() {
		t, err := s.qa.PublishTemplate(c.UserContext(), in)
		if err == nil {
			flash(c, fmt.Sprintf("Version %d of the checklist published: new submissions answer it from now on", t.Version))
			return redirect(c, "/app/admin/qa-templates")
		}
		if !absorbNamed(f, renumberItems(err, positions), itemFieldName) {
			return err
		}
	}
	return s.renderTemplates(c, fiber.StatusUnprocessableEntity, v, versions, rows)
}

// templateInput reads the editor: rows left empty or marked to leave out
// are skipped, so positions maps each item's place in the input back to its
// row in the editor.
func templateInput(f *form, rows int) (qa.TemplateInput, []int) {
	in := qa.TemplateInput{Title: f.Value("title"), Notes: f.Value("notes")}
	var positions []int
	for i := range rows {
		p := itemPrefix(i)
		if f.Has(p+"remove", "yes") || (f.Value(p+"key") == "" && f.Value(p+"title") == "") {
			continue
		}
		it := qa.Item{Key: f.Value(p + "key"), Title: f.Value(p + "title"), Guidance: f.Value(p + "guidance"),
			RequiredFrom: qa.Tier(f.Value(p + "required_from")), Evidence: f.Values(p + "evidence"),
			ReferenceLabel: f.Value(p + "reference_label"), DateLabel: f.Value(p + "date_label"),
			Validity: f.Value(p + "validity")}
		if raw := f.Value(p + "valid_months"); raw != "" && it.Validity == qa.ValidForMonths {
			n, err := strconv.Atoi(raw)
			if err != nil {
				f.Fail(p+"valid_months", "Enter how many months the evidence stays valid, as a number such as 12")
			}
			it.ValidMonths = n
		}
		in.Items = append(in.Items, it)
		positions = append(positions, i)
	}
	return in, positions
}

var itemField = regexp.MustCompile(`^items\[(\d+)\]\.(.+)$`)

// renumberItems moves the store's problems from an item's place in the input to
// its row in the editor.
func renumberItems(err error, positions []int) error {
	p := problemsOf(err)
	if len(p) == 0 {
		return err
	}
	out := directory.Problems{}
	for field, why := range p {
		if m := itemField.FindStringSubmatch(field); m != nil {
			if k, _ := strconv.Atoi(m[1]); k < len(positions) {
				field = itemPrefix(positions[k]) + m[2]
			}
		}
		out[field] = why
	}
	return out
}

var itemPartNames = map[string]string{"key": "key", "title": "title", "guidance": "guidance",
	"required_from": "“required from”", "evidence": "evidence", "reference_label": "reference label",
	"date_label": "date label", "validity": "validity", "valid_months": "months valid"}

// itemFieldName names an editor field for its error: "Item 3 key".
func itemFieldName(field string) string {
	if m := itemField.FindStringSubmatch(field); m != nil {
		n, _ := strconv.Atoi(m[1])
		return fmt.Sprintf("Item %d %s", n+1, itemPartNames[m[2]])
	}
	return map[string]string{"title": "Title", "notes": "Notes", "items": "The checklist"}[field]
}
