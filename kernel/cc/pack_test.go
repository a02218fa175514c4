package cc

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
)

// packed is the library of the mini toolchain, compiled and flattened as
// the cache keeps it.
func packed(t *testing.T) ([]*wireObject, []byte) {
	t.Helper()
	ast, err := translate(miniToolchain(t).headers, nil, nil, "mini.c", []byte(miniLib+`
static int table[3] = {1, 2, 3};
const char *names[] = {"a", "bb", 0};
int pick(int i) { switch (i) { case 1: return table[0]; case 7: return table[1]; case 90: return table[2]; } return -1; }
`))
	if err != nil {
		t.Fatal(err)
	}
	o, err := compileUnit("mini.c", ast, true, DefaultProcessMemory)
	if err != nil {
		t.Fatal(err)
	}
	ws := []*wireObject{toWire(o)}
	data, err := pack(&ws)
	if err != nil {
		t.Fatal(err)
	}
	return ws, data
}

// TestPackRoundTrip: what unpack reads is what pack wrote, field for
// field (functions, jump tables, symbols, data), nil slices as nil.
func TestPackRoundTrip(t *testing.T) {
	ws, data := packed(t)
	var got []*wireObject
	if err := unpack(bytes.Clone(data), &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, ws) {
		t.Fatalf("unpacked objects differ from the packed ones")
	}
	if len(ws[0].Funcs) == 0 || len(ws[0].Symbols) == 0 || len(ws[0].Data) == 0 {
		t.Fatalf("the test object is too small to test anything: %d functions, %d symbols, %d bytes of data",
			len(ws[0].Funcs), len(ws[0].Symbols), len(ws[0].Data))
	}
	switches := 0
	for _, f := range got[0].Funcs {
		switches += len(f.Switches)
	}
	if switches == 0 {
		t.Error("no jump table made the round trip")
	}
	type sample struct {
		Nil, Empty []int32
		P          *int
		S          string
		F          float64
		U          uint16
		hidden     int
	}
	one := 1
	in := sample{Empty: []int32{}, P: &one, S: "é", F: -2.5, U: 65535, hidden: 9}
	b, err := pack(&in)
	if err != nil {
		t.Fatal(err)
	}
	var out sample
	if err := unpack(b, &out); err != nil {
		t.Fatal(err)
	}
	in.hidden = 0 // unexported fields stay out, as with gob
	if !reflect.DeepEqual(out, in) || out.Nil != nil || out.Empty == nil {
		t.Errorf("round trip: %+v, want %+v", out, in)
	}
}

// TestUnpackRefusesDamage: a pack cut short anywhere, with any byte
// changed, or read as another type is refused, and never panics.
func TestUnpackRefusesDamage(t *testing.T) {
	_, data := packed(t)
	step := max(1, len(data)/500)
	for n := 0; n < len(data); n += step {
		var ws []*wireObject
		if err := unpack(bytes.Clone(data[:n]), &ws); !errors.Is(err, errPack) || ws != nil {
			t.Fatalf("cut to %d of %d bytes: %v", n, len(data), err)
		}
	}
	for i := 0; i < len(data); i += step {
		bad := bytes.Clone(data)
		bad[i] ^= 0x5a
		var ws []*wireObject
		if err := unpack(bad, &ws); !errors.Is(err, errPack) {
			t.Fatalf("byte %d of %d changed: %v", i, len(data), err)
		}
	}
	var other []*wireSymbol
	if err := unpack(bytes.Clone(data), &other); !errors.Is(err, errPack) {
		t.Fatalf("read as another type: %v", err)
	}
	// A body damaged under a checksum that matches it (written so, not
	// damaged on disk) must still never panic the reader, nor what makes
	// objects of what it read and links them: every length and index is
	// checked.
	for i := len(packMagic) + 12; i < len(data); i += max(1, step/3) {
		for _, v := range []byte{0x00, 0x01, 0x7f, 0x80, 0xff} {
			bad := bytes.Clone(data)
			bad[i] = v
			fixChecksum(bad)
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("byte %d set to %#x: panic: %v", i, v, r)
					}
				}()
				if objs, err := objectsOfPack(bad); err == nil {
					link("libc", nil, objs)
				}
			}()
		}
	}
	// A damaged body with a checksum to match still reads as an error:
	// the reader checks its lengths itself.
	var ws []*wireObject
	huge := append([]byte(nil), data[:len(packMagic)+12]...)
	huge = append(huge, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f)
	fixChecksum(huge)
	if err := unpack(huge, &ws); !errors.Is(err, errPack) {
		t.Fatalf("a slice longer than the pack: %v", err)
	}
}
