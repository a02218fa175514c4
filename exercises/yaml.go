package exercises

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The front matter is YAML, read by go.yaml.in/yaml/v3 into its node tree
// and copied into the small tree below, which keeps every value as the
// text written (the decoder in decode.go gives it a type) and the line it
// is on (for errors). What an exercise needs:
//
//	key: value                  plain, "double-quoted" (\n \t \" \\ \uXXXX) or 'single-quoted'
//	key:                        a nested mapping or sequence, indented below
//	  sub: value
//	list:
//	  - item                    a sequence; an item may be a mapping
//	flow: [a, "b c", 3]         a sequence on one line
//	text: {ko: 안녕, en: hello}  a mapping on one line
//	code: |                     a literal block ("|-" drops the final newline)
//	# a comment
//
// Refused, because an exercise comes from anyone: anchors and aliases (&a,
// *a: a few lines of them expand into billions of values), tags (!!str),
// a second document, front matter longer than MaxFrontMatterBytes or
// nested deeper than maxDepth, a key written twice.

// MaxFrontMatterBytes bounds the front matter, checked before it is parsed.
const MaxFrontMatterBytes = 64 << 10

// maxDepth bounds the nesting of mappings and lists.
const maxDepth = 16

// nodeKind is what a node holds.
type nodeKind int

const (
	scalarNode nodeKind = iota
	mappingNode
	sequenceNode
)

func (k nodeKind) String() string {
	switch k {
	case mappingNode:
		return "a mapping (key: value lines)"
	case sequenceNode:
		return "a list"
	}
	return "a single value"
}

// node is one value of the front matter, with the line it starts on.
type node struct {
	kind  nodeKind
	line  int
	value string // scalarNode
	keys  []string
	vals  []*node // mappingNode: vals[i] is the value of keys[i]
	items []*node // sequenceNode
	block bool    // a literal or folded block (| or >)
}

// get returns the value of key in a mapping, or nil.
func (n *node) get(key string) *node {
	for i, k := range n.keys {
		if k == key {
			return n.vals[i]
		}
	}
	return nil
}

// yamlError is a syntax error at a line of the file.
type yamlError struct {
	line   int
	reason string
}

func (e *yamlError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.reason) }

// parseYAML parses the front matter. first is the file's line number of
// text's first line. An empty document is an empty mapping.
func parseYAML(text string, first int) (*node, error) {
	if len(text) > MaxFrontMatterBytes {
		return nil, &yamlError{first, fmt.Sprintf("the front matter is too long: %d bytes (at most %d)", len(text), MaxFrontMatterBytes)}
	}
	for i, line := range strings.Split(text, "\n") {
		if indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]; strings.Contains(indent, "\t") {
			return nil, &yamlError{first + i, "indent with spaces, not tabs"}
		}
	}
	dec := yaml.NewDecoder(strings.NewReader(text))
	var doc yaml.Node
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		return &node{kind: mappingNode, line: first}, nil
	} else if err != nil {
		return nil, syntaxError(err, first)
	}
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		line := first + more.Line - 1
		if err != nil {
			return nil, syntaxError(err, first)
		}
		return nil, &yamlError{line, "the front matter is one document: remove the \"---\" or \"...\" inside it"}
	}
	if len(doc.Content) == 0 {
		return &node{kind: mappingNode, line: first}, nil
	}
	c := converter{first: first}
	n, err := c.node(doc.Content[0], 0)
	if err != nil {
		return nil, err
	}
	if n.kind != mappingNode {
		return nil, &yamlError{n.line, "the front matter must be key: value lines (expected \"key: value\")"}
	}
	return n, nil
}

// yamlLine finds the line number in a message of the YAML library.
var yamlLine = lazyRegexp(`^(?:yaml: )?line (\d+): `)

// syntaxError is the library's error at the file's line.
func syntaxError(err error, first int) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := yamlLine().FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return &yamlError{first + n - 1, plainer(strings.TrimPrefix(msg, m[0]))}
	}
	return &yamlError{first, plainer(strings.TrimPrefix(msg, "yaml: "))}
}

// plainer says what the library's commonest complaints mean in an
// exercise's front matter.
func plainer(msg string) string {
	for _, p := range []struct{ lib, ours string }{
		{"found unexpected end of stream", "a quoted string is not closed"},
		{"did not find expected ',' or ']'", "a [list] is not closed, or its items lack a comma"},
		{"did not find expected ',' or '}'", "a {mapping} is not closed, or its entries lack a comma"},
		{"mapping values are not allowed in this context", "unexpected indentation, or \": \" inside a value: quote the value"},
		{"found character that cannot start any token", "a value starts with a character YAML reserves (@ ` % !): quote the value"},
	} {
		if strings.Contains(msg, p.lib) {
			return p.ours + " (" + msg + ")"
		}
	}
	return msg
}

// converter copies the library's nodes into ours, refusing what the
// front matter may not hold.
type converter struct{ first int }

func (c converter) errorf(y *yaml.Node, format string, args ...any) error {
	return &yamlError{c.first + y.Line - 1, fmt.Sprintf(format, args...)}
}

func (c converter) node(y *yaml.Node, depth int) (*node, error) {
	if y.Kind == yaml.AliasNode || y.Anchor != "" {
		return nil, c.errorf(y, "anchors and aliases (&name, *name) are not allowed: write the value out")
	}
	if y.Style&yaml.TaggedStyle != 0 {
		return nil, c.errorf(y, "tags (%s) are not allowed: write the value alone", y.Tag)
	}
	if depth > maxDepth {
		return nil, c.errorf(y, "values nested more than %d deep", maxDepth)
	}
	n := &node{line: c.first + y.Line - 1}
	switch y.Kind {
	case yaml.ScalarNode:
		n.kind, n.value = scalarNode, y.Value
		n.block = y.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
	case yaml.SequenceNode:
		n.kind = sequenceNode
		for _, item := range y.Content {
			v, err := c.node(item, depth+1)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, v)
		}
	case yaml.MappingNode:
		n.kind = mappingNode
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind != yaml.ScalarNode || k.Anchor != "" || k.Style&yaml.TaggedStyle != 0 {
				return nil, c.errorf(k, "a key must be a plain name (expected \"key: value\")")
			}
			if k.Tag == "!!merge" {
				return nil, c.errorf(k, "merge keys (<<) are not allowed: write the keys out")
			}
			if n.get(k.Value) != nil {
				return nil, c.errorf(k, "key %q appears twice", k.Value)
			}
			// {ko: a, b, en: c} reads "b" as a key without a value.
			if y.Style&yaml.FlowStyle != 0 && v.Kind == yaml.ScalarNode && v.Tag == "!!null" && v.Value == "" {
				return nil, c.errorf(k, "%q has no value (expected \"key: value\"): quote text that holds one of , : { } [ ]", k.Value)
			}
			val, err := c.node(v, depth+1)
			if err != nil {
				return nil, err
			}
			n.keys, n.vals = append(n.keys, k.Value), append(n.vals, val)
		}
	default:
		return nil, c.errorf(y, "unexpected YAML")
	}
	return n, nil
}
