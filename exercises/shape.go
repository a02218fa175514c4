package exercises

import (
	"fmt"
	"strings"
)

// A process-tree shape is written as the first process with its children
// in parentheses, in the order they were created, separated by spaces:
//
//	nfork(nfork(nfork) nfork)
//
// A name is a process's command name at the end of the run (after exec:
// the new program's, as ps shows it); "*" stands for any name. The parent
// of a process is the one that created it, even if it was later adopted
// by init.

// shapeNode is one process of a shape.
type shapeNode struct {
	name     string
	children []*shapeNode
}

func (n *shapeNode) String() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

func (n *shapeNode) write(b *strings.Builder) {
	b.WriteString(n.name)
	if len(n.children) == 0 {
		return
	}
	b.WriteByte('(')
	for i, c := range n.children {
		if i > 0 {
			b.WriteByte(' ')
		}
		c.write(b)
	}
	b.WriteByte(')')
}

// matches reports whether the actual tree a has shape n.
func (n *shapeNode) matches(a *shapeNode) bool {
	if n.name != "*" && n.name != a.name || len(n.children) != len(a.children) {
		return false
	}
	for i := range n.children {
		if !n.children[i].matches(a.children[i]) {
			return false
		}
	}
	return true
}

// size counts the processes of the shape.
func (n *shapeNode) size() int {
	s := 1
	for _, c := range n.children {
		s += c.size()
	}
	return s
}

func parseShape(s string) (*shapeNode, error) {
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("missing: write the tree as name(child child…), e.g. nfork(nfork(nfork) nfork)")
	}
	p := &shapeParser{s: s}
	n, err := p.node()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i < len(p.s) {
		return nil, fmt.Errorf("unexpected %q at column %d", p.s[p.i:], p.i+1)
	}
	return n, nil
}

type shapeParser struct {
	s string
	i int
}

func (p *shapeParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == ',') {
		p.i++
	}
}

func (p *shapeParser) node() (*shapeNode, error) {
	p.space()
	start := p.i
	for p.i < len(p.s) && !strings.ContainsRune("() ,", rune(p.s[p.i])) {
		p.i++
	}
	if p.i == start {
		return nil, fmt.Errorf("a process name is missing at column %d", p.i+1)
	}
	n := &shapeNode{name: p.s[start:p.i]}
	if p.i < len(p.s) && p.s[p.i] == '(' {
		p.i++
		for {
			p.space()
			if p.i >= len(p.s) {
				return nil, fmt.Errorf("a ')' is missing")
			}
			if p.s[p.i] == ')' {
				p.i++
				break
			}
			c, err := p.node()
			if err != nil {
				return nil, err
			}
			n.children = append(n.children, c)
		}
		if len(n.children) == 0 {
			return nil, fmt.Errorf("empty parentheses after %s", n.name)
		}
	}
	return n, nil
}
