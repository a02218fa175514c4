package exercises

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Error is one thing wrong with an exercise file: where, which field, why.
type Error struct {
	File   string `json:"file"`            // "nfork.md"
	Line   int    `json:"line,omitempty"`  // 0: not tied to a line
	Field  string `json:"field,omitempty"` // "checks[2].match"; empty for the file as a whole
	Reason string `json:"reason"`
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Field != "" {
		b.WriteString(": " + e.Field)
	}
	b.WriteString(": " + e.Reason)
	return b.String()
}

// ErrorList is every error found in one or more files, in file order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// fieldError is a decoding error before the file name is known.
type fieldError struct {
	line   int
	field  string
	reason string
}

func (e *fieldError) Error() string { return e.field + ": " + e.reason }

// unmarshaler is a type that reads itself from a front-matter node.
type unmarshaler interface {
	unmarshalNode(n *node, path string) error
}

var unmarshalerType = reflect.TypeFor[unmarshaler]()

// decode stores n in v (a pointer), matching mapping keys to the json
// names of struct fields. Unknown keys, wrong kinds and bad numbers are
// errors naming the field's path.
func decode(n *node, v reflect.Value, path string) error {
	if v.CanAddr() && v.Addr().Type().Implements(unmarshalerType) {
		return v.Addr().Interface().(unmarshaler).unmarshalNode(n, path)
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return decode(n, v.Elem(), path)
	case reflect.Struct:
		if n.kind != mappingNode {
			return kindError(n, path, mappingNode)
		}
		fields := structFields(v.Type())
		for i, key := range n.keys {
			idx, ok := fields[key]
			if !ok {
				return &fieldError{n.vals[i].line, join(path, key), fmt.Sprintf("unknown field (known fields: %s)", strings.Join(fieldNames(fields), ", "))}
			}
			if err := decode(n.vals[i], v.Field(idx), join(path, key)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Slice:
		if n.kind == scalarNode && n.value == "" && !n.block {
			return nil // "key:" with nothing: an empty list
		}
		if n.kind != sequenceNode {
			return kindError(n, path, sequenceNode)
		}
		s := reflect.MakeSlice(v.Type(), len(n.items), len(n.items))
		for i, item := range n.items {
			if err := decode(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
		v.Set(s)
		return nil
	}
	if n.kind != scalarNode {
		return kindError(n, path, scalarNode)
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(n.value)
	case reflect.Bool:
		switch n.value {
		case "true", "yes":
			v.SetBool(true)
		case "false", "no":
			v.SetBool(false)
		default:
			return &fieldError{n.line, path, fmt.Sprintf("%q is not true or false", n.value)}
		}
	case reflect.Int, reflect.Int64:
		i, err := strconv.ParseInt(strings.ReplaceAll(n.value, "_", ""), 10, 64)
		if err != nil {
			return &fieldError{n.line, path, fmt.Sprintf("%q is not a whole number", n.value)}
		}
		v.SetInt(i)
	case reflect.Float64:
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.value, "_", ""), 64)
		if err != nil {
			return &fieldError{n.line, path, fmt.Sprintf("%q is not a number", n.value)}
		}
		v.SetFloat(f)
	default:
		panic("exercises: cannot decode into " + v.Type().String())
	}
	return nil
}

func kindError(n *node, path string, want nodeKind) error {
	return &fieldError{n.line, path, fmt.Sprintf("expected %s, found %s", want, n.kind)}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// structFields maps the json names of t's fields to their index; fields
// tagged fm:"-" are not read from the front matter.
func structFields(t reflect.Type) map[string]int {
	out := map[string]int{}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || f.Tag.Get("fm") == "-" {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = i
	}
	return out
}

func fieldNames(fields map[string]int) []string {
	names := make([]string, 0, len(fields))
	for n := range fields {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
