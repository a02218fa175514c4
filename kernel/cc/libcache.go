package cc

import (
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// LibraryCache is the folder where compiled objects are kept between runs
// of the program ("": not kept): the C library's, and each /bin program's,
// so that `osplay run` compiles neither from source on every start. An
// entry is keyed by this executable's build id (a hash of the compiler,
// the VM and everything else built into it), the headers and the sources:
// a new build, or a changed header, compiles afresh. A cache that cannot
// be read or written is passed over; an entry that is damaged, cut short
// or of another layout is refused (pack.go) and compiled again. Each kind
// of entry keeps only its few newest versions: older builds' go when a
// new one is written.
var LibraryCache string

// cacheVersions is how many entries of one kind (the library, /bin/sh …)
// the cache folder keeps: the newest, written by this build, and a few of
// other builds that may still run beside it.
const cacheVersions = 3

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

// objectsKey names the cache entry of objects compiled from sources
// against the headers named headersKey (a digest, or the toolchain's
// sourcesKey), or "" when they cannot be cached.
func objectsKey(headersKey string, srcs []Source) string {
	if LibraryCache == "" {
		return ""
	}
	id := buildID()
	if id == "" {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", id, headersKey)
	for _, s := range srcs {
		fmt.Fprintf(h, "%s\x00%d\x00%s", s.Name, len(s.Text), s.Text)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// cachePath is the file of entry key of a kind ("libc", "bin-sh").
func cachePath(kind, key string) string {
	return filepath.Join(LibraryCache, kind+"-"+key+".pack")
}

// cacheLoads counts the entries read from the cache (for the tests).
var cacheLoads atomic.Int64

// loadObjects reads compiled objects from the cache.
func loadObjects(kind, key string) ([]*object, bool) {
	if key == "" {
		return nil, false
	}
	data, err := os.ReadFile(cachePath(kind, key))
	if err != nil {
		return nil, false
	}
	objs, err := objectsOfPack(data)
	if err != nil {
		return nil, false
	}
	cacheLoads.Add(1)
	return objs, true
}

// objectsOfPack makes the objects of a cache entry, checked as a worker's
// answer is.
func objectsOfPack(data []byte) ([]*object, error) {
	var ws []*wireObject
	if err := unpack(data, &ws); err != nil {
		return nil, err
	}
	objs := make([]*object, len(ws))
	for i, w := range ws {
		if w == nil || slices.Contains(w.Funcs, nil) {
			return nil, errPack
		}
		var err error
		if objs[i], err = fromWire(w, DefaultProcessMemory); err != nil {
			return nil, err
		}
	}
	return objs, nil
}

// storeObjects writes compiled objects to the cache, through a temporary
// file renamed into place, so that a reader never sees half of one; then
// it forgets the kind's oldest entries.
func storeObjects(kind, key string, objs []*object) {
	if key == "" {
		return
	}
	ws := make([]*wireObject, len(objs))
	for i, o := range objs {
		ws[i] = toWire(o)
	}
	b, err := pack(&ws)
	if err != nil {
		return
	}
	if err := os.MkdirAll(LibraryCache, 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(LibraryCache, kind+"-*.tmp")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), cachePath(kind, key)) != nil {
		os.Remove(tmp.Name())
		return
	}
	pruneCache(kind)
}

// staleTemporary is the age past which a temporary file is a writer's
// that never finished (it crashed, or was killed).
const staleTemporary = time.Hour

// pruneCache removes a kind's entries beyond the cacheVersions newest
// (those of the earlier format too), and temporary files left behind.
func pruneCache(kind string) {
	entries, err := os.ReadDir(LibraryCache)
	if err != nil {
		return
	}
	type entry struct {
		name string
		mod  time.Time
	}
	var mine []entry
	for _, e := range entries {
		name := e.Name()
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		if strings.HasSuffix(name, ".tmp") {
			if time.Since(info.ModTime()) > staleTemporary {
				os.Remove(filepath.Join(LibraryCache, name))
			}
			continue
		}
		rest, ok := strings.CutPrefix(name, kind+"-")
		if !ok {
			continue
		}
		key, ext, _ := strings.Cut(rest, ".")
		if len(key) != 32 || strings.Trim(key, "0123456789abcdef") != "" || ext != "pack" && ext != "gob" {
			continue // another kind's ("bin-sh" beside "bin-sh-x"), or not ours
		}
		mine = append(mine, entry{name, info.ModTime()})
	}
	slices.SortFunc(mine, func(a, b entry) int { return b.mod.Compare(a.mod) })
	for _, e := range mine[min(len(mine), cacheVersions):] {
		os.Remove(filepath.Join(LibraryCache, e.name))
	}
}
