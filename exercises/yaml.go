package exercises

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The front matter is written in a small subset of YAML, read by the
// parser in this file (no YAML library: the subset is all an exercise
// needs, and every error names its line):
//
//	key: value                  plain, "double-quoted" (\n \t \" \\ \uXXXX) or 'single-quoted'
//	key:                        a nested mapping or sequence, indented below
//	  sub: value
//	list:
//	  - item                    a sequence; an item may be a mapping:
//	  - id: a                   "- key: value" starts it, its other keys
//	    type: output            align under the first
//	flow: [a, "b c", 3]         a sequence on one line
//	text: {ko: 안녕, en: hello}  a mapping on one line
//	code: |                     a literal block: the lines indented below,
//	  line one                  kept as they are ("|-" drops the final newline)
//	# a comment                 "#" at the start of a line, or after a space
//
// Indentation is spaces only. Anchors, tags, folded blocks (>), multi-line
// flow collections and multi-document streams are not part of the subset.

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
	block bool    // a literal block (|)
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

type srcLine struct {
	num    int    // line number in the file
	indent int    // leading spaces
	text   string // the line without its indentation
	raw    string // the whole line
}

// blank reports whether the line holds nothing but spaces or a comment.
func (l srcLine) blank() bool { return l.text == "" || l.text[0] == '#' }

type yamlParser struct {
	lines []srcLine
	pos   int
}

// parseYAML parses the subset. first is the file's line number of text's
// first line. An empty document is an empty mapping.
func parseYAML(text string, first int) (*node, error) {
	p := &yamlParser{}
	for i, raw := range strings.Split(text, "\n") {
		raw = strings.TrimRight(raw, " \r")
		trimmed := strings.TrimLeft(raw, " ")
		if strings.HasPrefix(trimmed, "\t") {
			return nil, &yamlError{first + i, "indent with spaces, not tabs"}
		}
		p.lines = append(p.lines, srcLine{num: first + i, indent: len(raw) - len(trimmed), text: trimmed, raw: raw})
	}
	p.skipBlank()
	if p.pos >= len(p.lines) {
		return &node{kind: mappingNode, line: first}, nil
	}
	if l := p.lines[p.pos]; l.indent != 0 {
		return nil, &yamlError{l.num, "the front matter's keys must start at the beginning of the line"}
	}
	n, err := p.block(0)
	if err != nil {
		return nil, err
	}
	p.skipBlank()
	if p.pos < len(p.lines) {
		l := p.lines[p.pos]
		return nil, &yamlError{l.num, fmt.Sprintf("unexpected indentation or text: %q", l.text)}
	}
	if n.kind != mappingNode {
		return nil, &yamlError{n.line, "the front matter must be key: value lines"}
	}
	return n, nil
}

func (p *yamlParser) skipBlank() {
	for p.pos < len(p.lines) && p.lines[p.pos].blank() {
		p.pos++
	}
}

// block parses a mapping or a sequence whose lines are indented by exactly
// indent spaces, starting at the next non-blank line.
func (p *yamlParser) block(indent int) (*node, error) {
	p.skipBlank()
	l := p.lines[p.pos]
	if isItem(l.text) {
		return p.sequence(indent)
	}
	return p.mapping(indent)
}

func isItem(text string) bool { return text == "-" || strings.HasPrefix(text, "- ") }

// splitKey splits "key: rest" (or "key:"); ok is false when text is not a
// key line.
func splitKey(text string) (key, rest string, ok bool) {
	i := 0
	for i < len(text) {
		c := text[i]
		if c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9' {
			i++
			continue
		}
		break
	}
	if i == 0 || i >= len(text) || text[i] != ':' {
		return "", "", false
	}
	if i+1 < len(text) && text[i+1] != ' ' {
		return "", "", false
	}
	return text[:i], strings.TrimLeft(text[i+1:], " "), true
}

func (p *yamlParser) mapping(indent int) (*node, error) {
	n := &node{kind: mappingNode, line: p.lines[p.pos].num}
	for {
		p.skipBlank()
		if p.pos >= len(p.lines) {
			return n, nil
		}
		l := p.lines[p.pos]
		if l.indent < indent {
			return n, nil
		}
		if l.indent > indent {
			return nil, &yamlError{l.num, fmt.Sprintf("unexpected indentation: %q (align it with the keys above)", l.text)}
		}
		if isItem(l.text) {
			return nil, &yamlError{l.num, "a list item where a key was expected"}
		}
		key, rest, ok := splitKey(l.text)
		if !ok {
			return nil, &yamlError{l.num, fmt.Sprintf("expected \"key: value\", found %q", l.text)}
		}
		if n.get(key) != nil {
			return nil, &yamlError{l.num, fmt.Sprintf("key %q appears twice", key)}
		}
		p.pos++
		v, err := p.value(rest, l, indent)
		if err != nil {
			return nil, err
		}
		n.keys = append(n.keys, key)
		n.vals = append(n.vals, v)
	}
}

func (p *yamlParser) sequence(indent int) (*node, error) {
	n := &node{kind: sequenceNode, line: p.lines[p.pos].num}
	for {
		p.skipBlank()
		if p.pos >= len(p.lines) {
			return n, nil
		}
		l := p.lines[p.pos]
		if l.indent < indent || l.indent == indent && !isItem(l.text) {
			return n, nil
		}
		if l.indent > indent {
			return nil, &yamlError{l.num, fmt.Sprintf("unexpected indentation: %q", l.text)}
		}
		rest := strings.TrimLeft(strings.TrimPrefix(l.text, "-"), " ")
		if _, _, ok := splitKey(rest); ok {
			// "- key: value": a mapping whose keys align with this key.
			col := l.indent + len(l.text) - len(rest)
			p.lines[p.pos] = srcLine{num: l.num, indent: col, text: rest, raw: l.raw}
			item, err := p.mapping(col)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, item)
			continue
		}
		p.pos++
		item, err := p.value(rest, l, indent)
		if err != nil {
			return nil, err
		}
		n.items = append(n.items, item)
	}
}

// value parses what follows "key:" or "- " on line l, whose owner is
// indented by indent.
func (p *yamlParser) value(rest string, l srcLine, indent int) (*node, error) {
	switch {
	case rest == "" || rest[0] == '#':
		p.skipBlank()
		if p.pos < len(p.lines) {
			next := p.lines[p.pos]
			if next.indent > indent || next.indent == indent && isItem(next.text) && !isItem(l.text) {
				return p.block(next.indent)
			}
		}
		return &node{kind: scalarNode, line: l.num}, nil
	case rest == "|" || rest == "|-" || strings.HasPrefix(rest, "| ") || strings.HasPrefix(rest, "|- "):
		return p.literal(strings.HasPrefix(rest, "|-"), l, indent)
	case rest[0] == '>':
		return nil, &yamlError{l.num, "folded blocks (>) are not supported: use a literal block (|)"}
	case rest[0] == '&' || rest[0] == '*' || rest[0] == '!':
		return nil, &yamlError{l.num, "anchors, aliases and tags are not supported"}
	case rest[0] == '[' || rest[0] == '{':
		f := &flowParser{s: rest, line: l.num}
		v, err := f.value()
		if err != nil {
			return nil, err
		}
		f.space()
		if f.i < len(f.s) && f.s[f.i] != '#' {
			return nil, &yamlError{l.num, fmt.Sprintf("unexpected text after %c…%c: %q", rest[0], closing(rest[0]), f.s[f.i:])}
		}
		return v, nil
	}
	s, err := scalar(rest, l.num)
	if err != nil {
		return nil, err
	}
	return &node{kind: scalarNode, line: l.num, value: s}, nil
}

func closing(c byte) byte {
	if c == '[' {
		return ']'
	}
	return '}'
}

// literal reads a literal block: the following lines indented deeper than
// indent, with the indentation of its first line removed. Blank lines
// inside the block are kept; blank lines after it are not part of it.
func (p *yamlParser) literal(strip bool, l srcLine, indent int) (*node, error) {
	var lines []string
	blockIndent := -1
	end := p.pos // index after the block's last non-blank line
	for j := p.pos; j < len(p.lines); j++ {
		m := p.lines[j]
		if m.text == "" {
			lines = append(lines, "")
			continue
		}
		if m.indent <= indent {
			break
		}
		if blockIndent < 0 {
			blockIndent = m.indent
		}
		if m.indent < blockIndent {
			return nil, &yamlError{m.num, "a line of the literal block is indented less than its first line"}
		}
		lines = append(lines, m.raw[blockIndent:])
		end = j + 1
	}
	lines = lines[:end-p.pos]
	p.pos = end
	text := strings.Join(lines, "\n")
	if !strip && text != "" {
		text += "\n"
	}
	return &node{kind: scalarNode, line: l.num, value: text, block: true}, nil
}

// scalar reads a one-line scalar: quoted, or plain up to a " #" comment.
func scalar(s string, line int) (string, error) {
	switch s[0] {
	case '"':
		v, n, err := doubleQuoted(s, line)
		if err != nil {
			return "", err
		}
		if tail := strings.TrimLeft(s[n:], " "); tail != "" && tail[0] != '#' {
			return "", &yamlError{line, fmt.Sprintf("unexpected text after the closing quote: %q", tail)}
		}
		return v, nil
	case '\'':
		v, n, err := singleQuoted(s, line)
		if err != nil {
			return "", err
		}
		if tail := strings.TrimLeft(s[n:], " "); tail != "" && tail[0] != '#' {
			return "", &yamlError{line, fmt.Sprintf("unexpected text after the closing quote: %q", tail)}
		}
		return v, nil
	}
	if i := strings.Index(s, " #"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimRight(s, " "), nil
}

// doubleQuoted reads "…" at the start of s; n is the bytes consumed.
func doubleQuoted(s string, line int) (v string, n int, err error) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			return b.String(), i + 1, nil
		case '\\':
			i++
			if i >= len(s) {
				return "", 0, &yamlError{line, "unterminated escape in a quoted string"}
			}
			switch s[i] {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case '\\', '"', '/':
				b.WriteByte(s[i])
			case '0':
				b.WriteByte(0)
			case 'u':
				if i+4 >= len(s) {
					return "", 0, &yamlError{line, "\\u needs four hex digits"}
				}
				r, err := strconv.ParseUint(s[i+1:i+5], 16, 32)
				if err != nil {
					return "", 0, &yamlError{line, "\\u needs four hex digits"}
				}
				b.WriteRune(rune(r))
				i += 4
			default:
				return "", 0, &yamlError{line, fmt.Sprintf("unknown escape \\%c in a quoted string", s[i])}
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", 0, &yamlError{line, "a quoted string is not closed on its line"}
}

// singleQuoted reads '…' (” is a quote) at the start of s.
func singleQuoted(s string, line int) (v string, n int, err error) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		if s[i] == '\'' {
			if i+1 < len(s) && s[i+1] == '\'' {
				b.WriteByte('\'')
				i++
				continue
			}
			return b.String(), i + 1, nil
		}
		b.WriteByte(s[i])
	}
	return "", 0, &yamlError{line, "a quoted string is not closed on its line"}
}

// flowParser reads [a, b] and {k: v} on one line.
type flowParser struct {
	s     string
	i     int
	line  int
	depth int
}

const maxFlowDepth = 16

func (f *flowParser) space() {
	for f.i < len(f.s) && f.s[f.i] == ' ' {
		f.i++
	}
}

func (f *flowParser) errorf(format string, args ...any) error {
	return &yamlError{f.line, fmt.Sprintf(format, args...)}
}

func (f *flowParser) value() (*node, error) {
	f.space()
	if f.i >= len(f.s) {
		return nil, f.errorf("a value is missing in %q", f.s)
	}
	if f.s[f.i] == '[' || f.s[f.i] == '{' {
		f.depth++
		if f.depth > maxFlowDepth {
			return nil, f.errorf("[…] and {…} nested more than %d deep", maxFlowDepth)
		}
		defer func() { f.depth-- }()
	}
	switch f.s[f.i] {
	case '[':
		f.i++
		n := &node{kind: sequenceNode, line: f.line}
		for {
			f.space()
			if f.i < len(f.s) && f.s[f.i] == ']' && len(n.items) == 0 {
				f.i++
				return n, nil
			}
			v, err := f.value()
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, v)
			if done, err := f.next(']'); err != nil || done {
				return n, err
			}
		}
	case '{':
		f.i++
		n := &node{kind: mappingNode, line: f.line}
		for {
			f.space()
			if f.i < len(f.s) && f.s[f.i] == '}' && len(n.keys) == 0 {
				f.i++
				return n, nil
			}
			key, rest, ok := splitKey(f.s[f.i:])
			if !ok {
				return nil, f.errorf("expected \"key: value\" at %q (inside {…} and […] a comma ends a value: quote text that holds one)", f.s[f.i:])
			}
			if n.get(key) != nil {
				return nil, f.errorf("key %q appears twice", key)
			}
			f.i = len(f.s) - len(rest)
			v, err := f.value()
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, key)
			n.vals = append(n.vals, v)
			if done, err := f.next('}'); err != nil || done {
				return n, err
			}
		}
	case '"':
		v, n, err := doubleQuoted(f.s[f.i:], f.line)
		if err != nil {
			return nil, err
		}
		f.i += n
		return &node{kind: scalarNode, line: f.line, value: v}, nil
	case '\'':
		v, n, err := singleQuoted(f.s[f.i:], f.line)
		if err != nil {
			return nil, err
		}
		f.i += n
		return &node{kind: scalarNode, line: f.line, value: v}, nil
	}
	start := f.i
	for f.i < len(f.s) && !strings.ContainsRune(",]}", rune(f.s[f.i])) {
		_, size := utf8.DecodeRuneInString(f.s[f.i:])
		f.i += size
	}
	return &node{kind: scalarNode, line: f.line, value: strings.TrimRight(f.s[start:f.i], " ")}, nil
}

// next consumes "," or the closing bracket; done reports the latter.
func (f *flowParser) next(close byte) (done bool, err error) {
	f.space()
	if f.i >= len(f.s) {
		return false, f.errorf("%q is not closed with %c on its line", f.s, close)
	}
	switch f.s[f.i] {
	case ',':
		f.i++
		return false, nil
	case close:
		f.i++
		return true, nil
	}
	return false, f.errorf("expected ',' or '%c' in %q", close, f.s)
}
