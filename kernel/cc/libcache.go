package cc

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
)

// LibraryCache is the folder where the compiled C library is kept between
// runs of the program ("": not kept), so that `osplay run` does not compile
// it from source on every start. An entry is keyed by this executable's
// build id, the headers and the library's sources: a new build, or a
// changed header, compiles afresh. A cache that cannot be read or written
// is passed over.
var LibraryCache string

// buildID is the Go build id of this executable (a hash of everything
// that went into it), or "" when it cannot be read.
var buildID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	s := f.Section(".note.go.buildid")
	if s == nil {
		return ""
	}
	data, err := s.Data()
	if err != nil || len(data) == 0 {
		return ""
	}
	return string(data)
})

// libraryKey names the cache entry of a library, or "" when it cannot be
// cached.
func libraryKey(headersKey string, lib []Source) string {
	id := buildID()
	if LibraryCache == "" || id == "" {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", id, headersKey)
	for _, s := range lib {
		fmt.Fprintf(h, "%s\x00%d\x00%s", s.Name, len(s.Text), s.Text)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// libraryLoads counts the libraries read from the cache (for the tests).
var libraryLoads atomic.Int64

// loadLibrary reads the compiled objects of a library from the cache.
func loadLibrary(key string) ([]*object, bool) {
	if key == "" {
		return nil, false
	}
	data, err := os.ReadFile(filepath.Join(LibraryCache, "libc-"+key+".gob"))
	if err != nil {
		return nil, false
	}
	var ws []*wireObject
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&ws); err != nil {
		return nil, false
	}
	objs := make([]*object, len(ws))
	for i, w := range ws {
		if objs[i], err = fromWire(w, DefaultProcessMemory); err != nil {
			return nil, false
		}
	}
	libraryLoads.Add(1)
	return objs, true
}

// storeLibrary writes the compiled objects of a library to the cache,
// through a temporary file renamed into place, so that a reader never
// sees half of one.
func storeLibrary(key string, objs []*object) {
	if key == "" {
		return
	}
	ws := make([]*wireObject, len(objs))
	for i, o := range objs {
		ws[i] = toWire(o)
	}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(ws); err != nil {
		return
	}
	if err := os.MkdirAll(LibraryCache, 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(LibraryCache, "libc-*.tmp")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b.Bytes())
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), filepath.Join(LibraryCache, "libc-"+key+".gob")) != nil {
		os.Remove(tmp.Name())
	}
}
