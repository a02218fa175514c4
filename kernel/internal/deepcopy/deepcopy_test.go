package deepcopy

import (
	"reflect"
	"testing"
	"unsafe"
)

type queue struct {
	name    string
	waiters []*node
}

type node struct {
	id     int
	parent *node
	wait   *queue // often a field of another node
	own    queue
	kids   []*node
	by     map[*node]int
	any    any
	val    any
	shared *frozen
}

type frozen struct{ n int }

type box struct{ list []*node }

func TestCopyKeepsSharing(t *testing.T) {
	keepMe := &frozen{n: 7}
	a := &node{id: 1, shared: keepMe}
	b := &node{id: 2, parent: a, shared: keepMe}
	// b waits on a's own queue: a pointer into a, met (maybe) before a.
	b.wait = &a.own
	a.own.waiters = []*node{b}
	backing := make([]*node, 2, 4)
	backing[0], backing[1] = a, b
	a.kids = backing[:1]
	b.kids = backing[:2]
	a.by = map[*node]int{a: 1, b: 2}
	b.by = a.by
	a.any = b
	b.val = box{list: backing[1:2]}
	root := &struct {
		first *queue
		nodes []*node
	}{first: &a.own, nodes: []*node{b, a}}

	g := Walk(root, func(t reflect.Type, _ unsafe.Pointer) bool { return t == reflect.TypeOf(frozen{}) })
	c := g.Copy(nil)
	r := Of(c, root)
	na, nb := r.nodes[1], r.nodes[0]
	if na == a || nb == b {
		t.Fatal("nodes not copied")
	}
	if na.id != 1 || nb.id != 2 || nb.parent != na {
		t.Fatal("pointers between nodes not translated")
	}
	if nb.wait != &na.own || r.first != &na.own {
		t.Fatal("a pointer into a struct does not point into its copy")
	}
	if na.own.waiters[0] != nb {
		t.Fatal("slice element not translated")
	}
	if &na.kids[0] != &nb.kids[0] {
		t.Fatal("two slices of one array do not share the copy")
	}
	if na.by[na] != 1 || na.by[nb] != 2 || reflect.ValueOf(na.by).UnsafePointer() != reflect.ValueOf(nb.by).UnsafePointer() {
		t.Fatal("map not copied once with its keys translated")
	}
	if na.any.(*node) != nb {
		t.Fatal("interface pointer not translated")
	}
	if bx := nb.val.(box); bx.list[0] != nb || &bx.list[0] != &nb.kids[1] {
		t.Fatal("interface value's slice not translated")
	}
	if na.shared != keepMe || nb.shared != keepMe {
		t.Fatal("a stop type was copied")
	}
	// The copy is independent.
	na.own.waiters[0] = nil
	na.by[nb] = 9
	if a.own.waiters[0] != b || a.by[b] != 2 {
		t.Fatal("writing the copy changed the original")
	}
}

func TestKeepSharesAnObject(t *testing.T) {
	n := &node{id: 3}
	root := &struct{ a, b *node }{n, n}
	c := Walk(root, nil).Copy(func(t reflect.Type, p unsafe.Pointer) bool { return p == unsafe.Pointer(n) })
	if r := Of(c, root); r == root || r.a != n || r.b != n {
		t.Fatal("a kept object was copied, or the root was not")
	}
}
