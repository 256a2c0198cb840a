package qa

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"kith/directory"
)

// MaxEvidenceSize is the largest file accepted as evidence: enough for a
// scanned policy, small enough to keep in PostgreSQL.
const MaxEvidenceSize = 10 << 20

// The kinds of file accepted as evidence, named by what their bytes are.
const (
	TypePDF  = "application/pdf"
	TypePNG  = "image/png"
	TypeJPEG = "image/jpeg"
	TypeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)

// ErrNotEvidenceType is returned by Sniff for any other kind of file.
var ErrNotEvidenceType = errors.New("is not a PDF, PNG, JPEG or Word (.docx) file")

// Sniff returns the content type of a file judged from its bytes alone, so a
// renamed executable or web page is refused whatever its name says.
func Sniff(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return TypePDF, nil
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return TypePNG, nil
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}):
		return TypeJPEG, nil
	case bytes.HasPrefix(b, []byte("PK\x03\x04")) && isDOCX(b):
		return TypeDOCX, nil
	}
	return "", ErrNotEvidenceType
}

// isDOCX reports whether b is a ZIP archive holding a Word document's main
// part; other Office files and plain archives share the ZIP signature.
func isDOCX(b []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			return true
		}
	}
	return false
}

// checkUpload returns the content type of an upload that may be stored, or
// the problem with it.
func checkUpload(data []byte) (string, error) {
	if len(data) == 0 {
		return "", directory.Problems{"file": "is empty"}
	}
	if len(data) > MaxEvidenceSize {
		return "", directory.Problems{"file": fmt.Sprintf("is %.1f MiB; files may be at most %d MiB",
			float64(len(data))/(1<<20), MaxEvidenceSize>>20)}
	}
	ct, err := Sniff(data)
	if err != nil {
		return "", directory.Problems{"file": err.Error() + ": upload a PDF, PNG, JPEG or .docx document"}
	}
	return ct, nil
}

// cleanFilename keeps the last path element of a client's file name, without
// control characters, so it is safe to show and to offer back on download.
func cleanFilename(name string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if utf8.RuneCountInString(name) > 200 {
		name = string([]rune(name)[:200])
	}
	if name == "" || name == "." || name == "/" {
		return "evidence"
	}
	return name
}
