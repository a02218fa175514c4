package cc

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"reflect"
	"sync"
	"unsafe"
)

// A pack is how compiled objects are kept in the cache folder: a binary
// encoding of Go values made from their types by reflection, as gob's is,
// so that a new field of vm.Func or a new instruction needs no change
// here. It is much faster to read than gob because a slice of plain
// values (the instructions, the line tables, the data images) is one copy
// of memory, not a value at a time.
//
// A pack is read only by the executable that wrote it: the cache's keys
// hold its build id. Its header still names the exact layout of the types
// (a change of field, type, size or offset gives another fingerprint) and
// a checksum of the rest, so that a file from elsewhere, cut short or
// damaged on disk, is refused instead of read as wrong code; the reader
// checks every length before it allocates.
//
// Like gob, a pack holds exported fields only, and a struct's unexported
// fields come back as zero. It has no maps, interfaces, channels or
// functions: a type holding one cannot be packed.

const packMagic = "osplay pack 1\n"

// errPack is the error of any pack that cannot be read.
var errPack = errors.New("not a pack of this type")

// packCodec encodes and decodes values of one type in place.
type packCodec struct {
	enc func(b []byte, p unsafe.Pointer) []byte
	dec func(r *packReader, p unsafe.Pointer)
}

type packReader struct {
	data []byte
	str  string // data as a string: strings are cut from it
	off  int
	err  bool
}

func (r *packReader) fail() { r.err = true; r.off = len(r.data) }

func (r *packReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.data[r.off:])
	if n <= 0 {
		r.fail()
		return 0
	}
	r.off += n
	return v
}

func (r *packReader) varint() int64 {
	v, n := binary.Varint(r.data[r.off:])
	if n <= 0 {
		r.fail()
		return 0
	}
	r.off += n
	return v
}

// length reads a count of items of at least min bytes each (and at least
// one byte of the input each, so that a count cannot ask for more than
// the input could describe).
func (r *packReader) length(size uintptr) int {
	n := r.uvarint()
	left := uint64(len(r.data) - r.off)
	if size == 0 {
		size = 1
	}
	if n > left/uint64(size) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *packReader) bytes(n int) []byte {
	b := r.data[r.off : r.off+n]
	r.off += n
	return b
}

var packCodecs sync.Map // reflect.Type → *packCodec

// codecFor makes the codec of type t (and of the types it holds).
func codecFor(t reflect.Type) (*packCodec, error) {
	if c, ok := packCodecs.Load(t); ok {
		return c.(*packCodec), nil
	}
	c, err := makeCodec(t, map[reflect.Type]*packCodec{})
	if err != nil {
		return nil, err
	}
	packCodecs.Store(t, c)
	return c, nil
}

func makeCodec(t reflect.Type, making map[reflect.Type]*packCodec) (*packCodec, error) {
	if c, ok := making[t]; ok {
		return c, nil // a recursive type: filled in below, used later
	}
	c := &packCodec{}
	making[t] = c
	switch t.Kind() {
	case reflect.Bool:
		c.enc = func(b []byte, p unsafe.Pointer) []byte {
			if *(*bool)(p) {
				return append(b, 1)
			}
			return append(b, 0)
		}
		c.dec = func(r *packReader, p unsafe.Pointer) {
			if r.off >= len(r.data) || r.data[r.off] > 1 {
				r.fail()
				return
			}
			*(*bool)(p) = r.data[r.off] == 1
			r.off++
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		size := t.Size()
		c.enc = func(b []byte, p unsafe.Pointer) []byte { return binary.AppendVarint(b, loadInt(p, size)) }
		c.dec = func(r *packReader, p unsafe.Pointer) { storeInt(p, size, uint64(r.varint())) }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		size := t.Size()
		c.enc = func(b []byte, p unsafe.Pointer) []byte { return binary.AppendUvarint(b, uint64(loadInt(p, size))) }
		c.dec = func(r *packReader, p unsafe.Pointer) { storeInt(p, size, r.uvarint()) }
	case reflect.Float32, reflect.Float64:
		size := t.Size()
		c.enc = func(b []byte, p unsafe.Pointer) []byte { return binary.AppendUvarint(b, uint64(loadInt(p, size))) }
		c.dec = func(r *packReader, p unsafe.Pointer) { storeInt(p, size, r.uvarint()) }
	case reflect.String:
		c.enc = func(b []byte, p unsafe.Pointer) []byte {
			s := *(*string)(p)
			return append(binary.AppendUvarint(b, uint64(len(s))), s...)
		}
		c.dec = func(r *packReader, p unsafe.Pointer) {
			n := r.length(1)
			*(*string)(p) = r.str[r.off : r.off+n]
			r.off += n
		}
	case reflect.Pointer:
		elem, err := makeCodec(t.Elem(), making)
		if err != nil {
			return nil, err
		}
		et := t.Elem()
		c.enc = func(b []byte, p unsafe.Pointer) []byte {
			q := *(*unsafe.Pointer)(p)
			if q == nil {
				return append(b, 0)
			}
			return elem.enc(append(b, 1), q)
		}
		c.dec = func(r *packReader, p unsafe.Pointer) {
			if r.off >= len(r.data) || r.data[r.off] > 1 {
				r.fail()
				return
			}
			r.off++
			if r.data[r.off-1] == 0 {
				return
			}
			q := reflect.New(et).UnsafePointer()
			elem.dec(r, q)
			*(*unsafe.Pointer)(p) = q
		}
	case reflect.Slice:
		et := t.Elem()
		size := et.Size()
		if plain(et) {
			align := et.Align()
			// One copy of memory each way: the same executable reads it,
			// so the layout is the same (the fingerprint says so too).
			c.enc = func(b []byte, p unsafe.Pointer) []byte {
				s := reflect.NewAt(t, p).Elem()
				if s.IsNil() {
					return append(b, 0)
				}
				b = binary.AppendUvarint(b, uint64(s.Len())+1)
				for len(b)%align != 0 {
					b = append(b, 0)
				}
				return append(b, unsafe.Slice((*byte)(s.UnsafePointer()), uintptr(s.Len())*size)...)
			}
			c.dec = func(r *packReader, p unsafe.Pointer) {
				n, ok := sliceLen(r, size)
				if !ok {
					return
				}
				for r.off%align != 0 && r.off < len(r.data) {
					if r.data[r.off] != 0 {
						r.fail()
						return
					}
					r.off++
				}
				if uint64(n)*uint64(size) > uint64(len(r.data)-r.off) {
					r.fail()
					return
				}
				raw := r.bytes(n * int(size))
				if n > 0 && uintptr(unsafe.Pointer(&raw[0]))%uintptr(align) == 0 {
					// The slice is the pack's own memory, which the
					// reader owns: no copy.
					*(*sliceHeader)(p) = sliceHeader{unsafe.Pointer(&raw[0]), n, n}
					return
				}
				s := reflect.MakeSlice(t, n, n)
				copy(unsafe.Slice((*byte)(s.UnsafePointer()), uintptr(n)*size), raw)
				reflect.NewAt(t, p).Elem().Set(s)
			}
			break
		}
		elem, err := makeCodec(et, making)
		if err != nil {
			return nil, err
		}
		c.enc = func(b []byte, p unsafe.Pointer) []byte {
			s := reflect.NewAt(t, p).Elem()
			if s.IsNil() {
				return append(b, 0)
			}
			b = binary.AppendUvarint(b, uint64(s.Len())+1)
			base := s.UnsafePointer()
			for i := 0; i < s.Len(); i++ {
				b = elem.enc(b, unsafe.Add(base, uintptr(i)*size))
			}
			return b
		}
		c.dec = func(r *packReader, p unsafe.Pointer) {
			n, ok := sliceLen(r, 1)
			if !ok {
				return
			}
			s := reflect.MakeSlice(t, n, n)
			base := s.UnsafePointer()
			for i := 0; i < n && !r.err; i++ {
				elem.dec(r, unsafe.Add(base, uintptr(i)*size))
			}
			reflect.NewAt(t, p).Elem().Set(s)
		}
	case reflect.Array:
		elem, err := makeCodec(t.Elem(), making)
		if err != nil {
			return nil, err
		}
		n, size := t.Len(), t.Elem().Size()
		c.enc = func(b []byte, p unsafe.Pointer) []byte {
			for i := 0; i < n; i++ {
				b = elem.enc(b, unsafe.Add(p, uintptr(i)*size))
			}
			return b
		}
		c.dec = func(r *packReader, p unsafe.Pointer) {
			for i := 0; i < n && !r.err; i++ {
				elem.dec(r, unsafe.Add(p, uintptr(i)*size))
			}
		}
	case reflect.Struct:
		type field struct {
			off uintptr
			c   *packCodec
		}
		var fields []field
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			fc, err := makeCodec(f.Type, making)
			if err != nil {
				return nil, fmt.Errorf("%s.%s: %w", t, f.Name, err)
			}
			fields = append(fields, field{f.Offset, fc})
		}
		c.enc = func(b []byte, p unsafe.Pointer) []byte {
			for _, f := range fields {
				b = f.c.enc(b, unsafe.Add(p, f.off))
			}
			return b
		}
		c.dec = func(r *packReader, p unsafe.Pointer) {
			for _, f := range fields {
				if r.err {
					return
				}
				f.c.dec(r, unsafe.Add(p, f.off))
			}
		}
	default:
		return nil, fmt.Errorf("a pack cannot hold a %s", t)
	}
	return c, nil
}

// sliceHeader is the layout of every slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// sliceLen reads a slice's length (0 for nil, else the length plus one)
// and checks that the rest of the pack could hold that many items of at
// least size bytes each (a non-plain item takes at least one).
func sliceLen(r *packReader, size uintptr) (int, bool) {
	v := r.uvarint()
	if r.err || v == 0 {
		return 0, false
	}
	if v-1 > uint64(len(r.data)-r.off)/uint64(max(size, 1)) {
		r.fail()
		return 0, false
	}
	return int(v - 1), true
}

// plain reports whether values of t are bytes and numbers only, with no
// pointers, strings or unexported fields: copied as memory.
func plain(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return true
	case reflect.Array:
		return plain(t.Elem())
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); !f.IsExported() || !plain(f.Type) {
				return false
			}
		}
		return true
	}
	return false
}

func loadInt(p unsafe.Pointer, size uintptr) int64 {
	switch size {
	case 1:
		return int64(*(*int8)(p))
	case 2:
		return int64(*(*int16)(p))
	case 4:
		return int64(*(*int32)(p))
	}
	return *(*int64)(p)
}

func storeInt(p unsafe.Pointer, size uintptr, v uint64) {
	switch size {
	case 1:
		*(*uint8)(p) = uint8(v)
	case 2:
		*(*uint16)(p) = uint16(v)
	case 4:
		*(*uint32)(p) = uint32(v)
	default:
		*(*uint64)(p) = v
	}
}

// fingerprint names the layout of t and every type it holds.
func fingerprint(t reflect.Type) [8]byte {
	h := sha256.New()
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		fmt.Fprintf(h, "%s %s %d %d;", t.PkgPath()+"."+t.Name(), t.Kind(), t.Size(), t.Align())
		if seen[t] {
			return
		}
		seen[t] = true
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(t.Elem())
		case reflect.Struct:
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				fmt.Fprintf(h, "%s@%d:", f.Name, f.Offset)
				walk(f.Type)
			}
		}
	}
	walk(t)
	var fp [8]byte
	copy(fp[:], h.Sum(nil))
	return fp
}

// pack encodes *v (v is a pointer) with its header.
func pack(v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return nil, fmt.Errorf("pack of %T: not a pointer", v)
	}
	c, err := codecFor(rv.Type().Elem())
	if err != nil {
		return nil, err
	}
	fp := fingerprint(rv.Type().Elem())
	b := append([]byte(packMagic), fp[:]...)
	b = append(b, 0, 0, 0, 0) // the checksum
	b = c.enc(b, rv.UnsafePointer())
	fixChecksum(b)
	return b, nil
}

// fixChecksum writes the checksum of a pack's body into its header.
func fixChecksum(b []byte) {
	head := len(packMagic) + 8 + 4
	binary.LittleEndian.PutUint32(b[head-4:], crc32.ChecksumIEEE(b[head:]))
}

// unpack decodes data into *v (v is a pointer to a zero value), or
// returns errPack when data is not a whole, undamaged pack of its type.
// The values share data's memory (its strings and plain slices are cut
// from it, not copied): the caller gives data up.
func unpack(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("unpack into %T: not a pointer", v)
	}
	c, err := codecFor(rv.Type().Elem())
	if err != nil {
		return err
	}
	fp := fingerprint(rv.Type().Elem())
	head := len(packMagic) + len(fp) + 4
	if len(data) < head || string(data[:len(packMagic)]) != packMagic ||
		string(data[len(packMagic):len(packMagic)+len(fp)]) != string(fp[:]) ||
		binary.LittleEndian.Uint32(data[head-4:]) != crc32.ChecksumIEEE(data[head:]) {
		return errPack
	}
	r := &packReader{data: data, str: unsafe.String(unsafe.SliceData(data), len(data)), off: head}
	c.dec(r, rv.UnsafePointer())
	if r.err || r.off != len(data) {
		rv.Elem().SetZero()
		return errPack
	}
	return nil
}
