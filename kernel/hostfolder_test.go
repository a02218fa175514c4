package kernel

import (
	"bytes"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"osplay/kernel/cc"
	"osplay/kernel/fs"
	"osplay/kernel/fs/hostdir"
	"osplay/kernel/linuxtest"
)

// The command line gives a machine the program's folder on the host's disk
// (hostdir): listed at start, each file read when the program first opens
// it. These tests check that a program sees the folder as Linux shows it,
// and as it saw it when the command line read every file at start.

// crowd writes a crowded program folder: testdata/folder/MAIN.c, the
// crowd.h it includes, a poem, n text files of varied sizes and bytes, a
// binary file and a subfolder (which the machine does not see, as the
// native run's copy of the folder has none).
func crowd(t *testing.T, main string, n int) string {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile("testdata/folder/" + main + ".c")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		main + ".c": src,
		"crowd.h":   []byte("#define POEM \"poem.txt\"\n"),
		"poem.txt":  []byte("The folder holds a thousand files,\nand only those the program opens\nare read.\n"),
		"notes.dat": {0, 1, 2, 0xff, '\n'},
	}
	for i := range n {
		size := i * 97 % 700
		if i%100 == 7 {
			size = 20000 + i
		}
		data := make([]byte, size)
		for j := range data {
			data[j] = byte(i*7 + j*13 + j>>8)
		}
		files[fmt.Sprintf("f%04d.txt", i)] = data
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sub", "inner.txt"), []byte("not seen"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// runHostFolder runs main.c of the folder files as osplay run does, and
// reports it as linuxtest.Native does, with the events.
func runHostFolder(t *testing.T, files iofs.FS, main string) (linuxtest.Result, []string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	var events []string
	m := New(Config{Files: files, Stdout: &stdout, Stderr: &stderr, OnEvent: func(e Event) { events = append(events, e.String()) }})
	if err := m.Start([]string{main + ".c"}); err != nil {
		t.Fatalf("start: %v", err)
	}
	res := m.Run()
	if res.Err != nil {
		t.Fatalf("run: %v (stderr %q)", res.Err, stderr.String())
	}
	return linuxtest.Result{Stdout: stdout.String(), Stderr: stderr.String(), Exit: res.ExitCode(), Status: res.Status}, events
}

// wholeFolder is the folder as the command line gave it before: every
// regular file at the top of dir, at most 1 MiB, read at start.
func wholeFolder(t testing.TB, dir string) fstest.MapFS {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{}
	for _, e := range entries {
		info, _ := e.Info()
		if !e.Type().IsRegular() || info.Size() > hostdir.MaxFileBytes {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = &fstest.MapFile{Data: data, Mode: info.Mode().Perm()}
	}
	return files
}

// TestCrowdedFolderAsOnLinux: a program in a folder of a thousand files
// lists it, stats and reads every text file and prints one, as on Linux.
func TestCrowdedFolderAsOnLinux(t *testing.T) {
	dir := crowd(t, "crowded", 1000)
	want := linuxtest.Native(t, dir, "crowded", nil, "")
	files, err := hostdir.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := runHostFolder(t, files, "crowded")
	if !strings.Contains(got.Stdout, "1001 text files") {
		t.Errorf("the program did not read the crowd: %.200q", got.Stdout)
	}
	linuxtest.Case{Order: linuxtest.InOrder}.Same(t, want, got)
}

// TestCrowdedFolderAsWhenReadWhole: a folder read lazily gives the run
// the folder read whole at start gave it, event for event.
func TestCrowdedFolderAsWhenReadWhole(t *testing.T) {
	dir := crowd(t, "crowded", 300)
	if err := os.WriteFile(filepath.Join(dir, "huge.bin"), make([]byte, hostdir.MaxFileBytes+1), 0o644); err != nil {
		t.Fatal(err)
	}
	lazy, err := hostdir.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	want, wantEvents := runHostFolder(t, wholeFolder(t, dir), "crowded")
	got, gotEvents := runHostFolder(t, lazy, "crowded")
	if got != want {
		t.Errorf("read lazily:\n%.300s\nread whole:\n%.300s", got.Stdout, want.Stdout)
	}
	if !slices.Equal(gotEvents, wantEvents) {
		i := 0
		for i < min(len(gotEvents), len(wantEvents)) && gotEvents[i] == wantEvents[i] {
			i++
		}
		t.Errorf("the event streams differ at event %d of %d/%d", i, len(gotEvents), len(wantEvents))
	}
}

// counting is a folder that records which files were read.
type counting struct {
	*fs.Folder
	mu   sync.Mutex
	read map[string]int
}

func countReads(t *testing.T, from *fs.Folder) *counting {
	t.Helper()
	c := &counting{read: map[string]int{}}
	entries, err := from.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var files []fs.FolderFile
	for _, e := range entries {
		info, _ := e.Info()
		name := e.Name()
		files = append(files, fs.FolderFile{Name: name, Size: info.Size(), Mode: info.Mode(), Read: func() ([]byte, error) {
			c.mu.Lock()
			c.read[name]++
			c.mu.Unlock()
			return from.ReadFile(name)
		}})
	}
	c.Folder = fs.NewFolder(files)
	return c
}

// TestStartReadsOnlyWhatTheProgramNeeds: starting a program in a crowded
// folder reads its source and the headers beside it, which it may
// include, and nothing else.
func TestStartReadsOnlyWhatTheProgramNeeds(t *testing.T) {
	dir := crowd(t, "crowded", 500)
	if err := os.WriteFile(filepath.Join(dir, "empty.c"), []byte("int main(void) { return 0; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, err := hostdir.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	c := countReads(t, files)
	asTheCommandLine(t)
	runHostFolder(t, c, "empty")
	var read []string
	for name := range c.read {
		read = append(read, name)
	}
	slices.Sort(read)
	if want := []string{"crowd.h", "empty.c"}; !slices.Equal(read, want) {
		t.Errorf("files read %q, want %q", read, want)
	}
}

// asTheCommandLine compiles in this process for the rest of the test, as
// osplay run does: a compiler worker is sent the whole folder, in case the
// program includes any of its files.
func asTheCommandLine(t *testing.T) {
	defer func(b bool) { t.Cleanup(func() { cc.CompileInProcess = b }) }(cc.CompileInProcess)
	cc.CompileInProcess = true
}

// TestFolderFileChangedAfterStart: a file changed on the disk after the
// machine started is read as it is at the first open, and stays so for
// the run and for a clone made before that open; a file over the bound
// was never there.
func TestFolderFileChangedAfterStart(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("testdata/folder/changed.c")
	if err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data.txt")
	for name, b := range map[string][]byte{"changed.c": src, "data.txt": []byte("short\n"), "huge.bin": make([]byte, 2<<20)} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := hostdir.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	asTheCommandLine(t)
	var out, cloneOut bytes.Buffer
	m := New(Config{Files: files, Stdout: &out, Stderr: &out})
	if err := m.Start([]string{"changed.c"}); err != nil {
		t.Fatal(err)
	}
	clone, err := m.Clone(Attach{Stdout: &cloneOut, Stderr: &cloneOut})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(data, []byte("a longer line now\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m.Run()
	if err := os.WriteFile(data, []byte("changed again\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	clone.Run()
	want := "stat before the first open: 6\n" +
		"read 18 bytes, fstat 18: a longer line now\n" +
		"read 18 bytes, fstat 18: a longer line now\n" +
		"huge.bin: No such file or directory\n"
	if out.String() != want {
		t.Errorf("run:\n%s\nwant:\n%s", out.String(), want)
	}
	if cloneOut.String() != want {
		t.Errorf("clone made before the first open:\n%s\nwant:\n%s", cloneOut.String(), want)
	}
}

// BenchmarkStartInACrowdedFolder: a machine started on an empty main in
// a folder of 2,000 files, as osplay run starts it: the folder listed
// (lazy), or read whole at start as the command line did before (whole).
// The program is compiled before, once.
func BenchmarkStartInACrowdedFolder(b *testing.B) {
	dir := b.TempDir()
	for i := range 2000 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%04d.txt", i)), make([]byte, i*7%5000), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.c"), []byte("int main(void) { return 0; }\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	start := func(b *testing.B, files iofs.FS) {
		m := New(Config{Files: files, Stdout: io.Discard, Stderr: io.Discard})
		if err := m.Start([]string{"empty.c"}); err != nil {
			b.Fatal(err)
		}
		if res := m.Run(); res.Err != nil {
			b.Fatal(res.Err)
		}
	}
	start(b, fstest.MapFS{"empty.c": {Data: []byte("int main(void) { return 0; }\n")}}) // the compile
	for _, mode := range []string{"lazy", "whole"} {
		b.Run(mode, func(b *testing.B) {
			for b.Loop() {
				var files iofs.FS
				if mode == "lazy" {
					f, err := hostdir.Read(dir)
					if err != nil {
						b.Fatal(err)
					}
					files = f
				} else {
					files = wholeFolder(b, dir)
				}
				start(b, files)
			}
		})
	}
}
