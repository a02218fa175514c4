// Package hostdir reads a folder of the host's disk as a machine's program
// folder (kernel.Config.Files), for the command line. The folder is listed
// once, at start: each regular file's name and size, which is all a
// machine needs to start. A file's bytes are read from the disk when a
// program first opens it, and only once: every machine made from the
// folder (the clones of a run, the schedules osplay explore tries) sees
// the same bytes, however the file changes on the disk meanwhile. So a
// crowded folder costs its listing, not its contents.
//
// The server never uses it: a session's files are in memory.
package hostdir

import (
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"

	"osplay/kernel/fs"
)

// Bounds of a folder.
const (
	// MaxFileBytes bounds a file: a larger one is left out, as are
	// subfolders, links, devices and files the user may not read. A file
	// that grows past it after the listing cannot be opened (EFBIG).
	MaxFileBytes = 1 << 20
	// MaxEntries bounds a folder's entries, whatever they are: Read
	// refuses a folder of more.
	MaxEntries = 10000
)

// Read lists the regular files directly in dir (not in its subfolders),
// each at most MaxFileBytes and readable by the user, reading none of
// them: the program's folder as the machine will see it.
func Read(dir string) (*fs.Folder, error) { return read(dir, MaxEntries) }

// read is Read of a folder of at most max entries.
func read(dir string, max int) (*fs.Folder, error) {
	d, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	var entries []iofs.DirEntry
	for {
		batch, err := d.ReadDir(512)
		entries = append(entries, batch...)
		if len(entries) > max {
			return nil, fmt.Errorf("%s: more than %d entries, more than a program's folder may hold: put the program in a folder of its own", dir, max)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	var files []fs.FolderFile
	u := currentUser()
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() || info.Size() > MaxFileBytes || !u.readable(info) {
			continue
		}
		h := &hostFile{path: filepath.Join(dir, e.Name())}
		files = append(files, fs.FolderFile{Name: e.Name(), Size: info.Size(), Mode: info.Mode().Perm(), Read: h.read})
	}
	return fs.NewFolder(files), nil
}

// hostFile is a file of the folder, read at most once.
type hostFile struct {
	path string
	once sync.Once
	data []byte
	err  error
}

func (h *hostFile) read() ([]byte, error) {
	h.once.Do(func() { h.data, h.err = readFile(h.path) })
	return h.data, h.err
}

// readFile reads a file of the folder as it is now, which may not be what
// the listing saw: its length may differ; it may be gone, unreadable, too
// large or no regular file any more (a named pipe, whose open must not
// wait for a writer: O_NONBLOCK).
func readFile(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fs.EIO
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileBytes {
		return nil, fs.EFBIG
	}
	return data, nil
}
