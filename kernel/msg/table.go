package msg

import (
	"fmt"
	"slices"
	"strings"
)

// Template is one code of the catalogue in one language, as the browser
// renders it: the text with its placeholders, and each parameter's type.
type Template struct {
	Text   string
	Params map[string]string // key → "int", "num", "addr", "name", "task", "text"
}

// Table is the whole catalogue in lang, for a page to render codes with
// (static/js/kerneltext.js): the same templates the command line uses.
func Table(lang string) map[Code]Template {
	out := make(map[Code]Template, len(catalogue))
	for c, e := range catalogue {
		tmpl := Template{Text: e.en}
		if lang == Korean {
			tmpl.Text = e.ko
		}
		for _, p := range strings.Fields(e.params) {
			key, typ, _ := strings.Cut(p, ":")
			if tmpl.Params == nil {
				tmpl.Params = map[string]string{}
			}
			tmpl.Params[key] = typ
		}
		out[c] = tmpl
	}
	return out
}

// Codes lists the catalogue's codes, sorted.
func Codes() []Code {
	out := make([]Code, 0, len(catalogue))
	for c := range catalogue {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// Params lists code's parameters, in the catalogue's order, with their
// types; ok is false for a code the catalogue does not know.
func Params(code Code) (keys []string, types []Type, ok bool) {
	e, ok := catalogue[code]
	if !ok {
		return nil, nil, false
	}
	for _, p := range strings.Fields(e.params) {
		key, typ, _ := strings.Cut(p, ":")
		keys = append(keys, key)
		types = append(types, typeOf(typ))
	}
	return keys, types, true
}

func typeOf(name string) Type {
	for t, n := range typeNames {
		if n == name && n != "" {
			return Type(t)
		}
	}
	return 0
}

// Check reports whether t is as the catalogue declares it: a known code,
// each parameter given once with its type, no other argument, and the
// same of every Text among the arguments. Tests check what the kernel
// says with it.
func Check(t Text) error {
	keys, types, ok := Params(t.Code)
	if !ok {
		return fmt.Errorf("%q: not in the catalogue", t.Code)
	}
	if len(t.Args) != len(keys) {
		return fmt.Errorf("%s: %d arguments, the catalogue declares %d (%s)", t.Code, len(t.Args), len(keys), catalogue[t.Code].params)
	}
	for i, k := range keys {
		a, ok := t.Arg(k)
		if !ok {
			return fmt.Errorf("%s: no argument %q", t.Code, k)
		}
		if a.Type != types[i] {
			return fmt.Errorf("%s: argument %q is a %s, the catalogue declares a %s", t.Code, k, a.Type, types[i])
		}
		if a.Type == TypeText {
			if a.Text == nil {
				return fmt.Errorf("%s: argument %q has no text", t.Code, k)
			}
			if err := Check(*a.Text); err != nil {
				return fmt.Errorf("%s: %s: %w", t.Code, k, err)
			}
		}
	}
	return nil
}
