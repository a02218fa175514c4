package vm

// SharedMapping is a shared memory object an address space maps shared,
// and where (the address of its byte 0, as Maps reports it).
type SharedMapping struct {
	Obj  *SharedMemory
	Addr uint64
}

// SharedMappings lists the objects the address space maps shared, each
// once, in the order of their lowest mapping. Private mappings of an
// object (copy on write) are not listed: the process no longer shares
// what it writes there.
func (a *AddressSpace) SharedMappings() []SharedMapping {
	var out []SharedMapping
	for _, r := range a.regions {
		if r.obj == nil || r.private {
			continue
		}
		seen := false
		for _, s := range out {
			seen = seen || s.Obj == r.obj
		}
		if !seen {
			out = append(out, SharedMapping{Obj: r.obj, Addr: r.start - r.off<<pageShift})
		}
	}
	return out
}
