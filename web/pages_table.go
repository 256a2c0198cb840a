package web

// dataTable is a table as the "ia-table" partial draws it, in the NHS.UK
// frontend's markup: a caption for screen readers, a header row, and rows
// whose first cell heads the row.
type dataTable struct {
	Caption string
	Head    []cell
	Rows    [][]cell
	Empty   string // said in place of the rows when there are none
}

// cell is one table cell: text, or a link (loaded into Panel by htmx when
// set), in code type, with a note beneath.
type cell struct {
	Text, Href, Panel, Note string
	Code, Numeric           bool
}

func textCell(s string) cell       { return cell{Text: s} }
func numberCell(s string) cell     { return cell{Text: s, Numeric: true} }
func codeCell(s string) cell       { return cell{Text: s, Code: true} }
func linkCell(s, href string) cell { return cell{Text: s, Href: href} }

// heads are header cells; those named in numeric are aligned as numbers.
func heads(labels []string, numeric ...int) []cell {
	out := make([]cell, len(labels))
	for i, l := range labels {
		out[i] = textCell(l)
	}
	for _, i := range numeric {
		out[i].Numeric = true
	}
	return out
}
