package web

import (
	"errors"
	"net/url"
	"sort"
	"strings"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
)

// form is a submitted (or about to be shown) HTML form: its values and the
// plain-English problems to show beside its fields and in the error summary.
type form struct {
	values url.Values
	errors map[string]string
	order  []string
	// general holds problems that belong to no one field (a conflict, a
	// refusal), shown in the error summary only.
	general []string
}

// fieldError is one line of the error summary, linked to its field.
type fieldError struct {
	Field   string
	Message string
}

func newForm(values url.Values) *form {
	if values == nil {
		values = url.Values{}
	}
	return &form{values: values, errors: map[string]string{}}
}

// formOf copies the posted form values out of the request (Fiber reuses
// its buffers once the handler returns).
func formOf(c *fiber.Ctx) *form {
	values := url.Values{}
	if mf, err := c.MultipartForm(); err == nil {
		for k, vs := range mf.Value {
			for _, v := range vs {
				values.Add(strings.Clone(k), strings.Clone(v))
			}
		}
		return newForm(values)
	}
	c.Request().PostArgs().VisitAll(func(k, v []byte) {
		values.Add(string(k), string(v))
	})
	return newForm(values)
}

func (f *form) Value(name string) string    { return strings.TrimSpace(f.values.Get(name)) }
func (f *form) Values(name string) []string { return f.values[name] }
func (f *form) Set(name, value string)      { f.values.Set(name, value) }

// Has reports whether value is among the field's submitted values (for
// checkboxes, radios and selects).
func (f *form) Has(name, value string) bool {
	for _, v := range f.values[name] {
		if v == value {
			return true
		}
	}
	return false
}

func (f *form) Error(name string) string { return f.errors[name] }

// Fail records a problem with a field; the first problem per field wins.
func (f *form) Fail(name, message string) {
	if _, ok := f.errors[name]; ok {
		return
	}
	f.errors[name] = message
	f.order = append(f.order, name)
}

func (f *form) Valid() bool { return len(f.errors) == 0 && len(f.general) == 0 }

// Summary lists the problems in the order the fields were checked.
func (f *form) Summary() []fieldError {
	out := make([]fieldError, 0, len(f.order))
	for _, name := range f.order {
		out = append(out, fieldError{Field: name, Message: f.errors[name]})
	}
	for _, m := range f.general {
		out = append(out, fieldError{Message: m})
	}
	return out
}

// Absorb turns an error from a store into problems shown on the form, and
// reports whether it could: validation problems go beside their fields,
// refusals and conflicts into the summary. Other errors (the database being
// down, say) are not the user's to fix and go to the error handler.
func (f *form) Absorb(err error) bool {
	var bp badParam
	if errors.As(err, &bp) {
		f.Fail(bp.param, sentence(bp.why))
		return true
	}
	if p := problemsOf(err); len(p) > 0 {
		keys := make([]string, 0, len(p))
		for k := range p {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			f.Fail(k, sentence(p[k]))
		}
		return true
	}
	for _, kind := range []error{directory.ErrConflict, directory.ErrInvalid, directory.ErrForbidden} {
		if errors.Is(err, kind) {
			_, body := describe(err)
			f.general = append(f.general, sentence(body.Error))
			return true
		}
	}
	return false
}

// sentence starts a store's message with a capital letter, as the NHS.UK
// style for error messages asks.
func sentence(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
