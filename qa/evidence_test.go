package qa_test

import (
	"bytes"
	"errors"
	"testing"

	"kith/qa"
)

func TestSniff(t *testing.T) {
	for _, tt := range []struct {
		name string
		data []byte
		want string
	}{
		{"pdf", minimalPDF, qa.TypePDF},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), qa.TypePNG},
		{"jpeg", []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'}, qa.TypeJPEG},
		{"docx", docx(t, "word/document.xml"), qa.TypeDOCX},
		{"xlsx", docx(t, "xl/workbook.xml"), ""},
		{"truncated zip", []byte("PK\x03\x04garbage"), ""},
		{"html named pdf", []byte("<!doctype html>%PDF-"), ""},
		{"empty", nil, ""},
	} {
		got, err := qa.Sniff(tt.data)
		if got != tt.want || (tt.want == "") != errors.Is(err, qa.ErrNotEvidenceType) {
			t.Errorf("%s: Sniff = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
}

// FuzzSniff feeds outside bytes to the sniffer: it must never panic, and
// must accept only what starts with an accepted signature.
func FuzzSniff(f *testing.F) {
	for _, seed := range [][]byte{
		minimalPDF, []byte("\x89PNG\r\n\x1a\n"), {0xFF, 0xD8, 0xFF, 0xDB},
		docx(f, "word/document.xml"), docx(f, "xl/workbook.xml"), []byte("PK\x03\x04"),
		[]byte("PK\x05\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"),
		[]byte("hello"), nil,
	} {
		f.Add(seed)
	}
	signatures := map[string][]byte{
		qa.TypePDF: []byte("%PDF-"), qa.TypePNG: []byte("\x89PNG\r\n\x1a\n"),
		qa.TypeJPEG: {0xFF, 0xD8, 0xFF}, qa.TypeDOCX: []byte("PK\x03\x04"),
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ct, err := qa.Sniff(data)
		if err != nil {
			if ct != "" {
				t.Fatalf("error %v with type %q", err, ct)
			}
			return
		}
		if !bytes.HasPrefix(data, signatures[ct]) {
			t.Fatalf("accepted %q as %s without its signature", data[:min(len(data), 16)], ct)
		}
		if again, _ := qa.Sniff(data); again != ct {
			t.Fatalf("Sniff not deterministic: %s then %s", ct, again)
		}
	})
}
