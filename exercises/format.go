package exercises

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Markdown writes the exercise in its file format, the inverse of Parse:
// Parse(name, x.Markdown()) gives back x. The authoring page can build an
// Exercise from a form and store this text.
func (x *Exercise) Markdown() []byte {
	var b strings.Builder
	b.WriteString("---\n")
	writeFields(&b, reflect.ValueOf(*x), 0)
	b.WriteString("---\n")
	for _, s := range []struct {
		name string
		text string
	}{{sectionKo, x.Body.Ko}, {sectionEn, x.Body.En}} {
		b.WriteString("\n# " + s.name + "\n\n")
		b.WriteString(strings.TrimRight(s.text, "\n") + "\n")
	}
	writeFiles(&b, sectionFiles, x.Files)
	if len(x.Solution) > 0 {
		writeFiles(&b, sectionSolution, x.Solution)
	}
	return []byte(b.String())
}

func writeFiles(b *strings.Builder, section string, files []File) {
	b.WriteString("\n# " + section + "\n")
	for _, f := range files {
		fence := "```"
		for strings.Contains(f.Text, fence) {
			fence += "`"
		}
		lang := ""
		if strings.HasSuffix(f.Name, ".c") || strings.HasSuffix(f.Name, ".h") {
			lang = "c "
		}
		fmt.Fprintf(b, "\n%s%s%s\n%s\n%s\n", fence, lang, f.Name, strings.TrimSuffix(f.Text, "\n"), fence)
	}
}

// writeFields writes the non-zero front-matter fields of struct v as
// "key: value" lines indented by indent spaces.
func writeFields(b *strings.Builder, v reflect.Value, indent int) {
	t := v.Type()
	pad := strings.Repeat(" ", indent)
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || f.Tag.Get("fm") == "-" || name == "-" {
			continue
		}
		fv := v.Field(i)
		if fv.IsZero() {
			continue
		}
		b.WriteString(pad + name + ":")
		writeValue(b, fv, indent)
	}
}

var textType = reflect.TypeFor[Text]()

// oneLiner is a value written on its key's line in its own form.
type oneLiner interface{ frontMatter() string }

// writeValue writes the value of a key whose line is indented by indent:
// on the same line when it fits there, else as a block below.
func writeValue(b *strings.Builder, v reflect.Value, indent int) {
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if w, ok := v.Interface().(oneLiner); ok {
		b.WriteString(" " + w.frontMatter() + "\n")
		return
	}
	switch {
	case v.Type() == textType || v.Kind() != reflect.Struct && v.Kind() != reflect.Slice:
		b.WriteString(" " + flow(v) + "\n")
	case v.Kind() == reflect.Struct:
		b.WriteString("\n")
		writeFields(b, v, indent+2)
	case v.Type().Elem().Kind() == reflect.String:
		b.WriteString(" " + flow(v) + "\n")
	case v.Type().Elem() == textType:
		b.WriteString("\n")
		for i := range v.Len() {
			b.WriteString(strings.Repeat(" ", indent+2) + "- " + flow(v.Index(i)) + "\n")
		}
	default: // a list of structs
		b.WriteString("\n")
		pad := strings.Repeat(" ", indent+2)
		for i := range v.Len() {
			var item strings.Builder
			writeFields(&item, v.Index(i), indent+4)
			b.WriteString(pad + "- " + strings.TrimLeft(item.String(), " "))
		}
	}
}

// flow writes a scalar, a Text or a list of them on one line.
func flow(v reflect.Value) string {
	switch {
	case v.Type() == textType:
		t := v.Interface().(Text)
		return "{ko: " + quote(t.Ko) + ", en: " + quote(t.En) + "}"
	case v.Kind() == reflect.Slice:
		parts := make([]string, v.Len())
		for i := range v.Len() {
			parts[i] = flow(v.Index(i))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case v.Kind() == reflect.String:
		return quote(v.String())
	case v.Kind() == reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case v.Kind() == reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'f', -1, 64)
	}
	return strconv.FormatInt(v.Int(), 10)
}

// quote writes s as a YAML double-quoted scalar.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r == 0xfeff || r >= 0xfffe:
			// Characters YAML does not allow written out.
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
