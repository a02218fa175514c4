// Package static holds the playground's browser side: the style sheet,
// the ES modules of the views (one per view, fed by one dispatcher), the
// icon, and the CodeMirror bundle built once by editor/build.mjs. They are
// embedded in the binary; nothing here runs on the server.
package static

import "embed"

// Files are the assets, served under /static/.
//
//go:embed css js img editor/editor.bundle.js
var Files embed.FS
