package oruk_test

import (
	"testing"

	"kith/directory/oruk"
)

func TestPlainText(t *testing.T) {
	for in, want := range map[string]string{
		"Plain text stays.": "Plain text stays.",
		"  Spaces\t\tcollapse  \n\n\n\nto one blank line\n ": "Spaces collapse\n\nto one blank line",
		"<p>One</p><p>Two</p>":                               "One\n\nTwo",
		"Line<br>break<BR/>again":                            "Line\nbreak\nagain",
		"<ul><li>Tea</li><li>Cake</li></ul>":                 "• Tea\n• Cake",
		"<b>Bold</b> and <a href=\"x\">link</a>":             "Bold and link",
		"Fish &amp; chips &pound;5 &#8212; &nbsp;fresh":      "Fish & chips £5 — fresh",
		"<script>alert(1)</script>Safe<STYLE>p{}</style>":    "Safe",
		"&lt;script&gt;alert(1)&lt;/script&gt;":              "<script>alert(1)</script>",
		"Ages 5<10 and 3 < 4":                                "Ages 5<10 and 3 < 4",
		"<!-- a comment -->Kept<!-- unclosed":                "Kept",
		"<!DOCTYPE html><html><body>Page</body></html>":      "Page",
		"<table><tr><td>Mon</td><td>10am</td></tr></table>":  "Mon 10am",
		"Unclosed <b tag":                                    "Unclosed <b tag",
		"bad \xff utf-8 and a \x00 null":                     "bad utf-8 and a null",
		"<p>Un</p><ul><li>Deux</li></ul><p>Trois</p>":        "Un\n\n• Deux\n\nTrois",
	} {
		if got := oruk.PlainText(in); got != want {
			t.Errorf("PlainText(%q) = %q, want %q", in, got, want)
		}
	}
}
