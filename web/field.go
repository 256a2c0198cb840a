package web

// fieldView is one form control as the partials draw it: label, hint, the
// error beside it, and the value to show again after a failed post.
type fieldView struct {
	Name, ID, Label, HintText, ErrorText string
	Value                                string
	Values                               []string
	InputType, Autocomplete, WidthClass  string
	Options                              []option
	Required                             bool
	Rows                                 int
}

type option struct {
	Value, Label string
}

// newField is the template function `field`: {{template "input" (field .Form "email" "Email address")}}.
func newField(f *form, name, label string) fieldView {
	v := fieldView{Name: name, ID: name, Label: label, InputType: "text", Rows: 5}
	if f != nil {
		v.Value = f.Value(name)
		v.Values = f.Values(name)
		v.ErrorText = f.Error(name)
	}
	return v
}

// The chainable setters below return copies, so templates can write
// {{template "input" ((field .Form "email" "Email").Type "email")}}.

func (v fieldView) Hint(h string) fieldView  { v.HintText = h; return v }
func (v fieldView) Type(t string) fieldView  { v.InputType = t; return v }
func (v fieldView) Auto(a string) fieldView  { v.Autocomplete = a; return v }
func (v fieldView) Width(w string) fieldView { v.WidthClass = "nhsuk-input--width-" + w; return v }
func (v fieldView) Lines(n int) fieldView    { v.Rows = n; return v }
func (v fieldView) Must() fieldView          { v.Required = true; return v }
func (v fieldView) With(value string) fieldView {
	v.Value = value
	v.Values = []string{value}
	return v
}
func (v fieldView) WithAll(values []string) fieldView { v.Values = values; return v }

// Opts sets the choices from alternating value, label strings.
func (v fieldView) Opts(pairs ...string) fieldView {
	v.Options = nil
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Options = append(v.Options, option{Value: pairs[i], Label: pairs[i+1]})
	}
	return v
}

// Choices sets the choices from a prepared list.
func (v fieldView) Choices(opts []option) fieldView { v.Options = opts; return v }

// Checked reports whether an option is among the field's values.
func (v fieldView) Checked(value string) bool {
	for _, x := range v.Values {
		if x == value {
			return true
		}
	}
	return v.Value == value && len(v.Values) == 0
}

// Described is the aria-describedby list: hint, then error.
func (v fieldView) Described() string {
	d := ""
	if v.HintText != "" {
		d = v.ID + "-hint"
	}
	if v.ErrorText != "" {
		if d != "" {
			d += " "
		}
		d += v.ID + "-error"
	}
	return d
}
