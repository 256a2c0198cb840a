package postgres

import (
	"slices"
	"strings"
	"testing"

	"github.com/lib/pq"
)

// PostgreSQL's output form of a text[], and the elements each holds.
var textArrays = map[string][]string{
	`{}`:                                 {},
	`{a}`:                                {"a"},
	`{a,b,c}`:                            {"a", "b", "c"},
	`{"",x}`:                             {"", "x"},
	`{"a b","c,d","{e}"}`:                {"a b", "c,d", "{e}"},
	`{"say \"hi\"","back\\slash",NULLS}`: {`say "hi"`, `back\slash`, "NULLS"},
	`{"NULL",null2}`:                     {"NULL", "null2"},
	`{10:00,"MO TU",2026-11-22}`:         {"10:00", "MO TU", "2026-11-22"},
	`{é,"ü ö"}`:                          {"é", "ü ö"},
}

func TestTextArrayScansPostgreSQLOutput(t *testing.T) {
	for in, want := range textArrays {
		var a TextArray
		if err := a.Scan([]byte(in)); err != nil || !slices.Equal(a, want) {
			t.Errorf("Scan(%s) = %q, %v; want %q", in, a, err, want)
		}
	}
}

func TestTextArrayRefusesWhatItCannotHold(t *testing.T) {
	for _, in := range []string{``, `{`, `a,b`, `{NULL}`, `{a,NULL}`, `{{a},{b}}`, `{"a}`, `{"a\}`, `{a,}`, `{,a}`, `{"a"b}`, `{a b}`, `[1:1]={a}`} {
		var a TextArray
		if err := a.Scan([]byte(in)); err == nil {
			t.Errorf("Scan(%s) = %q, want an error", in, a)
		}
	}
	var a TextArray
	if err := a.Scan(nil); err == nil {
		t.Errorf("Scan(NULL) = %q, want an error", a)
	}
}

// FuzzTextArray checks the parser against PostgreSQL's output form of any
// list of strings, and against lib/pq's parser on any input.
func FuzzTextArray(f *testing.F) {
	for _, s := range []string{"a\x00b", "", "x y\x00\"q\"\x00back\\slash", "NULL\x00{}\x00,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		elems := strings.Split(s, "\x00")
		if !slices.ContainsFunc(elems, func(e string) bool { return strings.ContainsRune(e, 0) }) {
			var a TextArray
			if err := a.Scan([]byte(outputForm(elems))); err != nil || !slices.Equal(a, elems) {
				t.Fatalf("Scan(%s) = %q, %v; want %q", outputForm(elems), a, err, elems)
			}
		}
		var mine TextArray
		var theirs pq.StringArray
		errMine, errTheirs := mine.Scan([]byte(s)), theirs.Scan([]byte(s))
		if errMine == nil && errTheirs == nil && !slices.Equal(mine, []string(theirs)) {
			t.Fatalf("Scan(%q) = %q; lib/pq gives %q", s, mine, theirs)
		}
	})
}

// outputForm writes elems as PostgreSQL prints a text[]: quoted when
// empty, NULL or holding a mark or space, with \ and " escaped.
func outputForm(elems []string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, e := range elems {
		if i > 0 {
			b.WriteByte(',')
		}
		if e != "" && !strings.EqualFold(e, "NULL") && !strings.ContainsAny(e, "{},\"\\ \t\n\r\v\f") {
			b.WriteString(e)
			continue
		}
		b.WriteByte('"')
		b.WriteString(strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(e))
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String()
}
