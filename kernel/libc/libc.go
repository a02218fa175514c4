// Package libc owns the simulated system headers and the C sources of the
// C library and of the programs in /bin. It contains no behaviour: the
// compiler reads the headers instead of the host's, compiles Sources once
// as the library every program links with, and compiles each of Programs
// as an ordinary C program.
package libc

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed include src bin
var files embed.FS

// File is one C source file.
type File struct {
	Name string // base name, e.g. "printf.c"
	Text string
}

// Headers returns the simulated system headers, rooted so that
// "stdio.h" and "sys/wait.h" open.
func Headers() fs.FS {
	sub, err := fs.Sub(files, "include")
	if err != nil {
		panic(err)
	}
	return sub
}

// Sources returns the C files of the library, sorted by name.
func Sources() []File {
	var out []File
	for _, name := range cFiles("src") {
		out = append(out, File{Name: name, Text: read("src/" + name)})
	}
	return out
}

// Programs maps the name of each program in /bin ("ls") to its C source.
func Programs() map[string]string {
	out := make(map[string]string)
	for _, name := range cFiles("bin") {
		out[strings.TrimSuffix(name, ".c")] = read("bin/" + name)
	}
	return out
}

// ProgramNames lists the programs in /bin, sorted, without reading them.
func ProgramNames() []string {
	names := cFiles("bin")
	for i, n := range names {
		names[i] = strings.TrimSuffix(n, ".c")
	}
	return names
}

// Program is the C source of the program /bin/name.
func Program(name string) (string, bool) {
	if strings.Contains(name, "/") {
		return "", false
	}
	b, err := files.ReadFile("bin/" + name + ".c")
	if err != nil {
		return "", false
	}
	return string(b), true
}

func cFiles(dir string) []string {
	entries, err := files.ReadDir(dir)
	if err != nil {
		panic(err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && path.Ext(e.Name()) == ".c" {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

func read(name string) string {
	b, err := files.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}
