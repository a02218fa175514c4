package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strings"
	"time"

	"osplay/static"
)

// assets serves the static files: the embedded copy, hashed once, with
// ETags; or, in development, a folder read at every request.
type assets struct {
	files   map[string]asset
	version string // hash of all files: a URL with ?v=version never changes
	dir     fs.FS  // development: serve from here instead
}

type asset struct {
	data  []byte
	etag  string
	ctype string
}

func newAssets(dir string) (*assets, error) {
	a := &assets{files: map[string]asset{}}
	if dir != "" {
		a.dir = os.DirFS(dir)
		a.version = "dev"
		return a, nil
	}
	all := sha256.New()
	err := fs.WalkDir(static.Files, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(static.Files, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		all.Write(sum[:])
		a.files[name] = asset{data: data, etag: `"` + hex.EncodeToString(sum[:8]) + `"`, ctype: contentType(name)}
		return nil
	})
	a.version = hex.EncodeToString(all.Sum(nil)[:6])
	return a, err
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// ServeHTTP serves /static/NAME.
func (a *assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/static/")
	if a.dir != nil {
		data, err := fs.ReadFile(a.dir, name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", contentType(name))
		w.Header().Set("Cache-Control", "no-store")
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
		return
	}
	f, ok := a.files[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("ETag", f.etag)
	if r.URL.Query().Get("v") == a.version {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(f.data))
}
