package exercises

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

//go:embed *.md
var builtin embed.FS

var loaded struct {
	once sync.Once
	list []*Exercise
	err  error
}

// Load returns the built-in exercises, in curriculum order (topic, then
// order, then slug), read and validated once. A server calls it at start-up
// and refuses to start on an error: the error lists every problem of every
// file. The exercises are shared: callers must not modify them.
func Load() ([]*Exercise, error) {
	loaded.once.Do(func() { loaded.list, loaded.err = LoadFS(builtin) })
	return loaded.list, loaded.err
}

// Get returns the built-in exercise with slug, or nil.
func Get(slug string) *Exercise {
	list, _ := Load()
	for _, x := range list {
		if x.Slug == slug {
			return x
		}
	}
	return nil
}

// LoadFS reads every *.md file at the top of fsys as an exercise. Each
// file must be named after its slug (nfork-children.md), and slugs are
// unique.
func LoadFS(fsys fs.FS) ([]*Exercise, error) {
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var list []*Exercise
	var errs ErrorList
	bySlug := map[string]string{}
	for _, name := range names {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, &Error{File: name, Reason: err.Error()})
			continue
		}
		x, ferrs := parse(name, src)
		errs = append(errs, ferrs...)
		if x == nil || len(ferrs) > 0 {
			continue
		}
		if want := strings.TrimSuffix(path.Base(name), ".md"); x.Slug != want {
			errs = append(errs, &Error{File: name, Field: "slug", Reason: fmt.Sprintf("%q: the file of exercise %s must be named %s.md", x.Slug, x.Slug, x.Slug)})
		}
		if other, ok := bySlug[x.Slug]; ok {
			errs = append(errs, &Error{File: name, Field: "slug", Reason: fmt.Sprintf("%q is also the slug of %s", x.Slug, other)})
		}
		bySlug[x.Slug] = name
		list = append(list, x)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	slices.SortStableFunc(list, func(a, b *Exercise) int {
		if d := topicIndex(a.Topic) - topicIndex(b.Topic); d != 0 {
			return d
		}
		if d := a.Order - b.Order; d != 0 {
			return d
		}
		return strings.Compare(a.Slug, b.Slug)
	})
	return list, nil
}
