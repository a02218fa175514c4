// Package deepcopy copies a graph of Go values: every object reachable
// from a root through pointers, slices, maps and interfaces, with its
// sharing kept. Two pointers to one object point to one copy; a pointer
// into an object (a field, an element of an array) points into the copy of
// that object, whichever of the two the walk met first; slices of one
// backing array share one copied array.
//
// It works in two passes. Walk visits the graph and records every object a
// pointer or a slice reaches, with its address and size; Copy then finds
// the outermost object around each address (a field's struct, an element's
// array), allocates one copy of each, and translates every pointer by its
// offset in its outermost object. So the order of the walk never matters.
//
// What it does not copy, it shares: strings (immutable), functions (a
// closure cannot be looked into: its owner rebinds it after the copy), the
// types Walk is told to stop at, and the objects Copy is told to keep.
// Channels and unsafe pointers are shared as they are. Elements of a slice
// past its length are not copied (the copy's are zero): code that reads a
// backing array past every slice's length reads stale values anyway.
//
// The graph must not change during Walk and Copy, and nothing else may
// write it meanwhile; both only read it, so several copies of one graph
// may be made at once on several goroutines.
package deepcopy

import (
	"fmt"
	"reflect"
	"slices"
	"sync"
	"unsafe"
)

// slotKind is what a pointer-holding word of a type is.
type slotKind uint8

const (
	slotPtr slotKind = iota
	slotSlice
	slotMap
	slotIface
	slotFunc
)

// slot is a word of a type that holds or leads to pointers.
type slot struct {
	off  uintptr
	kind slotKind
	typ  reflect.Type // the slot's own type (the pointer, slice, map or interface type)
}

// plans caches the slots of each type.
var plans sync.Map // reflect.Type → []slot

// plan is the slots of t, in order of offset.
func plan(t reflect.Type) []slot {
	if p, ok := plans.Load(t); ok {
		return p.([]slot)
	}
	var out []slot
	addSlots(&out, t, 0)
	plans.Store(t, out)
	return out
}

// types caches, for one graph and its copy, the plans and slice types
// of the types met: cheaper to ask than the shared caches.
type types struct {
	plans  map[reflect.Type][]slot
	slices map[reflect.Type]reflect.Type
}

func (c *types) plan(t reflect.Type) []slot {
	p, ok := c.plans[t]
	if !ok {
		p = plan(t)
		c.plans[t] = p
	}
	return p
}

func (c *types) sliceOf(t reflect.Type) reflect.Type {
	st, ok := c.slices[t]
	if !ok {
		st = reflect.SliceOf(t)
		c.slices[t] = st
	}
	return st
}

// slice is the slice of n elements at p, of slice type st.
func slice(st reflect.Type, p unsafe.Pointer, n int) reflect.Value {
	h := &sliceHeader{data: p, len: n, cap: n}
	return reflect.NewAt(st, unsafe.Pointer(h)).Elem()
}

func addSlots(out *[]slot, t reflect.Type, off uintptr) {
	switch t.Kind() {
	case reflect.Pointer:
		if t.Elem().Size() > 0 {
			*out = append(*out, slot{off, slotPtr, t})
		}
	case reflect.Slice:
		*out = append(*out, slot{off, slotSlice, t})
	case reflect.Map:
		*out = append(*out, slot{off, slotMap, t})
	case reflect.Interface:
		*out = append(*out, slot{off, slotIface, t})
	case reflect.Func:
		*out = append(*out, slot{off, slotFunc, t})
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			addSlots(out, f.Type, off+f.Offset)
		}
	case reflect.Array:
		if t.Len() == 0 {
			return
		}
		var elem []slot
		addSlots(&elem, t.Elem(), 0)
		if len(elem) == 0 {
			return
		}
		size := t.Elem().Size()
		for i := 0; i < t.Len(); i++ {
			for _, s := range elem {
				s.off += off + uintptr(i)*size
				*out = append(*out, s)
			}
		}
	}
}

// object is a run of memory a pointer or a slice reaches: n elements of
// typ at addr, of which live are copied.
type object struct {
	ptr  unsafe.Pointer
	addr uintptr // ptr's address, for ordering
	typ  reflect.Type
	n    uintptr // elements (1 for a pointer's target)
	live uintptr // elements in use: the longest slice's length
}

func (o *object) size() uintptr { return o.n * o.typ.Size() }

type visitKey struct {
	addr uintptr
	typ  reflect.Type
}

// Graph is what Walk found.
type Graph struct {
	stop    func(reflect.Type, unsafe.Pointer) bool
	objects map[visitKey]*object
	maps    map[uintptr]bool
	byType  map[reflect.Type][]unsafe.Pointer
	pending []*object // objects whose content is still to walk
	types   *types
	free    []object // allocated in blocks
}

func (g *Graph) newObject(o object) *object {
	if len(g.free) == 0 {
		g.free = make([]object, 64)
	}
	p := &g.free[0]
	g.free = g.free[1:]
	*p = o
	return p
}

// Walk visits everything root (a non-nil pointer) reaches. stop, if set,
// names the objects (by type and address) that are shared, not copied: a
// pointer to one is kept as it is and not followed.
func Walk(root any, stop func(t reflect.Type, p unsafe.Pointer) bool) *Graph {
	v := reflect.ValueOf(root)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		panic("deepcopy: the root is not a non-nil pointer")
	}
	g := &Graph{types: &types{plans: map[reflect.Type][]slot{}, slices: map[reflect.Type]reflect.Type{}}, stop: stop, objects: map[visitKey]*object{}, maps: map[uintptr]bool{}, byType: map[reflect.Type][]unsafe.Pointer{}}
	g.reach(v.UnsafePointer(), v.Type().Elem(), 1, 1)
	for len(g.pending) > 0 {
		o := g.pending[len(g.pending)-1]
		g.pending = g.pending[:len(g.pending)-1]
		g.walkObject(o)
	}
	return g
}

// Objects is every object of type t that a pointer reached.
func (g *Graph) Objects(t reflect.Type) []unsafe.Pointer { return g.byType[t] }

// Len is the number of objects and maps found.
func (g *Graph) Len() int { return len(g.objects) + len(g.maps) }

// reach records n elements of t at p (live of them in use) and queues
// what is new of them for a walk.
func (g *Graph) reach(p unsafe.Pointer, t reflect.Type, n, live uintptr) {
	if t.Size() == 0 || (g.stop != nil && g.stop(t, p)) {
		return
	}
	k := visitKey{uintptr(p), t}
	if o, ok := g.objects[k]; ok {
		o.n = max(o.n, n)
		if live > o.live {
			// Walk the newly live elements too.
			more := g.newObject(object{ptr: unsafe.Add(o.ptr, o.live*t.Size()), addr: o.addr + o.live*t.Size(), typ: t, n: live - o.live, live: live - o.live})
			o.live = live
			g.pending = append(g.pending, more)
		}
		return
	}
	o := g.newObject(object{ptr: p, addr: uintptr(p), typ: t, n: n, live: live})
	g.objects[k] = o
	if n == 1 {
		g.byType[t] = append(g.byType[t], p)
	}
	g.pending = append(g.pending, o)
}

func (g *Graph) walkObject(o *object) {
	slots := g.types.plan(o.typ)
	if len(slots) == 0 {
		return
	}
	size := o.typ.Size()
	for i := uintptr(0); i < o.live; i++ {
		g.walkSlots(unsafe.Add(o.ptr, i*size), slots)
	}
}

func (g *Graph) walkSlots(base unsafe.Pointer, slots []slot) {
	for _, s := range slots {
		p := unsafe.Add(base, s.off)
		switch s.kind {
		case slotPtr:
			if q := *(*unsafe.Pointer)(p); q != nil {
				g.reach(q, s.typ.Elem(), 1, 1)
			}
		case slotSlice:
			h := (*sliceHeader)(p)
			if h.data != nil && h.cap > 0 {
				g.reach(h.data, s.typ.Elem(), uintptr(h.cap), uintptr(h.len))
			}
		case slotMap:
			g.walkMap(reflect.NewAt(s.typ, p).Elem())
		case slotIface:
			v := reflect.NewAt(s.typ, p).Elem()
			if !v.IsNil() {
				g.walkValue(v.Elem())
			}
		}
	}
}

// walkValue walks a value that is not in memory of its own: an
// interface's dynamic value, a map's key or element.
func (g *Graph) walkValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			g.reach(v.UnsafePointer(), v.Type().Elem(), 1, 1)
		}
	case reflect.Map:
		g.walkMap(v)
	default:
		slots := g.types.plan(v.Type())
		if len(slots) == 0 {
			return
		}
		tmp := reflect.New(v.Type())
		tmp.Elem().Set(v)
		g.walkSlots(tmp.UnsafePointer(), slots)
	}
}

func (g *Graph) walkMap(m reflect.Value) {
	if m.IsNil() || g.maps[uintptr(m.UnsafePointer())] {
		return
	}
	g.maps[uintptr(m.UnsafePointer())] = true
	t := m.Type()
	kslots, eslots := g.types.plan(t.Key()), g.types.plan(t.Elem())
	if len(kslots) == 0 && len(eslots) == 0 {
		return
	}
	k, e := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
	it := m.MapRange()
	for it.Next() {
		if len(kslots) > 0 {
			k.SetIterKey(it)
			g.walkSlots(k.Addr().UnsafePointer(), kslots)
		}
		if len(eslots) > 0 {
			e.SetIterValue(it)
			g.walkSlots(e.Addr().UnsafePointer(), eslots)
		}
	}
}

type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// outer is an outermost object and its copy.
type outer struct {
	object
	keep bool
	to   unsafe.Pointer
}

// Copy is a copy of a graph.
type Copy struct {
	types  *types
	outers []outer // by address
	maps   map[unsafe.Pointer]reflect.Value
}

// Copy copies the graph. keep, if set, is asked about each outermost
// object: one it keeps is shared, not copied.
func (g *Graph) Copy(keep func(t reflect.Type, p unsafe.Pointer) bool) *Copy {
	objs := make([]*object, 0, len(g.objects))
	for _, o := range g.objects {
		objs = append(objs, o)
	}
	slices.SortFunc(objs, func(a, b *object) int {
		if a.addr != b.addr {
			if a.addr < b.addr {
				return -1
			}
			return 1
		}
		// The larger first: at one address, a struct before its first field.
		sa, sb := a.size(), b.size()
		if sa != sb {
			if sa > sb {
				return -1
			}
			return 1
		}
		return 0
	})
	c := &Copy{types: g.types, maps: map[unsafe.Pointer]reflect.Value{}}
	c.outers = make([]outer, 0, len(objs))
	var cur *outer
	for _, o := range objs {
		if cur != nil && o.addr < cur.addr+cur.size() {
			if o.addr+o.size() > cur.addr+cur.size() {
				panic(fmt.Sprintf("deepcopy: %v at %#x overlaps %v at %#x without being inside it", o.typ, o.addr, cur.typ, cur.addr))
			}
			// Inside cur: the elements it reaches are in use.
			if cur.n > 1 {
				end := o.addr + o.live*o.typ.Size()
				need := (end - cur.addr + cur.typ.Size() - 1) / cur.typ.Size()
				cur.live = max(cur.live, min(need, cur.n))
			}
			continue
		}
		c.outers = append(c.outers, outer{object: *o})
		cur = &c.outers[len(c.outers)-1]
	}
	// Allocate every copy first, then fill them: a pointer may lead to
	// an object not yet filled.
	for i := range c.outers {
		o := &c.outers[i]
		if keep != nil && keep(o.typ, o.ptr) {
			o.keep, o.to = true, o.ptr
			continue
		}
		if o.n == 1 {
			o.to = reflect.New(o.typ).UnsafePointer()
		} else {
			o.to = reflect.MakeSlice(c.types.sliceOf(o.typ), int(o.n), int(o.n)).UnsafePointer()
		}
	}
	for i := range c.outers {
		o := &c.outers[i]
		if o.keep || o.live == 0 {
			continue
		}
		if o.n == 1 {
			reflect.NewAt(o.typ, o.to).Elem().Set(reflect.NewAt(o.typ, o.ptr).Elem())
		} else {
			st := c.types.sliceOf(o.typ)
			reflect.Copy(slice(st, o.to, int(o.live)), slice(st, o.ptr, int(o.live)))
		}
		slots := c.types.plan(o.typ)
		if len(slots) == 0 {
			continue
		}
		size := o.typ.Size()
		for i := uintptr(0); i < o.live; i++ {
			c.fixSlots(unsafe.Add(o.to, i*size), slots)
		}
	}
	return c
}

// Bytes is the memory of the copies made (maps aside).
func (c *Copy) Bytes() uint64 {
	var n uint64
	for i := range c.outers {
		if o := &c.outers[i]; !o.keep {
			n += uint64(o.size())
		}
	}
	return n
}

// Pointer is where the copy of what p points to is: p itself when it
// points to nothing copied.
func (c *Copy) Pointer(p unsafe.Pointer) unsafe.Pointer {
	a := uintptr(p)
	// The last outer object that starts at or before a.
	lo, hi := 0, len(c.outers)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if c.outers[mid].addr <= a {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	i := lo - 1
	if i < 0 {
		return p
	}
	o := &c.outers[i]
	if a >= o.addr+o.size() {
		return p
	}
	return unsafe.Add(o.to, a-o.addr)
}

// Of is the copy of *p.
func Of[T any](c *Copy, p *T) *T { return (*T)(c.Pointer(unsafe.Pointer(p))) }

// fixSlots makes the pointers of the value at base, a fresh copy of a
// value of the graph, point into the copy.
func (c *Copy) fixSlots(base unsafe.Pointer, slots []slot) {
	for _, s := range slots {
		p := unsafe.Add(base, s.off)
		switch s.kind {
		case slotPtr:
			if q := *(*unsafe.Pointer)(p); q != nil {
				*(*unsafe.Pointer)(p) = c.Pointer(q)
			}
		case slotSlice:
			h := (*sliceHeader)(p)
			if h.data != nil && h.cap > 0 {
				h.data = c.Pointer(h.data)
			}
		case slotMap:
			v := reflect.NewAt(s.typ, p).Elem()
			if !v.IsNil() {
				v.Set(c.copyMap(v))
			}
		case slotIface:
			v := reflect.NewAt(s.typ, p).Elem()
			if !v.IsNil() {
				v.Set(c.value(v.Elem()))
			}
		}
	}
}

// value is the copy of v, a value not in memory of its own.
func (c *Copy) value(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || v.Type().Elem().Size() == 0 {
			return v
		}
		return reflect.NewAt(v.Type().Elem(), c.Pointer(v.UnsafePointer()))
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		return c.copyMap(v)
	default:
		slots := c.types.plan(v.Type())
		if len(slots) == 0 {
			return v
		}
		tmp := reflect.New(v.Type())
		tmp.Elem().Set(v)
		c.fixSlots(tmp.UnsafePointer(), slots)
		return tmp.Elem()
	}
}

func (c *Copy) copyMap(m reflect.Value) reflect.Value {
	key := m.UnsafePointer()
	if n, ok := c.maps[key]; ok {
		return n
	}
	t := m.Type()
	n := reflect.MakeMapWithSize(t, m.Len())
	c.maps[key] = n
	kslots, eslots := c.types.plan(t.Key()), c.types.plan(t.Elem())
	k, e := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
	it := m.MapRange()
	for it.Next() {
		k.SetIterKey(it)
		e.SetIterValue(it)
		c.fixSlots(k.Addr().UnsafePointer(), kslots)
		c.fixSlots(e.Addr().UnsafePointer(), eslots)
		n.SetMapIndex(k, e)
	}
	return n
}
