package api

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"

	"osplay/kernel/msg"
)

// Text is a text of the kernel's catalogue (kernel/msg) on the wire: a
// code and its arguments, which a client renders in its own language from
// the catalogue the page carries. Each argument is of the type the
// catalogue declares for it: int and num a JSON number, addr a string in
// hex ("0x601040", exact where a number would not be), name a string, task
// {"pid":5,"tid":7} (tid left out for a process's main thread), text a
// Text.
//
//	{"code":"rr.quantum_expired","args":{"q":3}}
//	{"code":"wait.for","args":{"obj":{"code":"obj.held","args":{"obj":{"code":"obj.mutex","args":{"addr":"0x601040"}},"tid":7}}}}
type Text struct {
	Code string         `json:"code"`
	Args map[string]any `json:"args,omitempty"` // as a client decodes them
	// src is the kernel's text this one was made from (wireText): its
	// arguments are written from it (appendText), in the order and the
	// form encoding/json gives Args, without making the map. A session's
	// events carry a new text at every dispatch ("ready since tick 290"),
	// and the map was most of what converting one cost.
	src msg.Text
}

// MarshalJSON writes t as appendText does.
func (t *Text) MarshalJSON() ([]byte, error) { return appendText(nil, t), nil }

// Task is a thread as an argument of a Text.
type Task struct {
	PID int64 `json:"pid"`
	TID int64 `json:"tid,omitempty"`
}

// wireText converts a kernel text; nil for none.
func wireText(t msg.Text) *Text {
	if t.IsZero() {
		return nil
	}
	return &Text{Code: string(t.Code), src: t}
}

// textCache remembers the last few texts a session's events carried, in
// English and on the wire: a running session's events say the same few
// things again and again ("quantum of 10 ticks expired"), and rendering
// and converting each anew was a third of what an event cost. The wire
// texts it returns are shared by the events that carry them, and never
// changed. It keeps the kernel's texts as they come, not copies: the
// kernel never changes a text once made (a policy's "quantum expired" is
// one text, made once), so a text whose arguments are the very ones of a
// memo is that memo.
type textCache struct {
	memo [8]textMemo
	next int
}

type textMemo struct {
	src  msg.Text
	en   string
	wire *Text
}

// get is t in English and on the wire ("" and nil for no text); a nil
// cache converts afresh.
func (c *textCache) get(t msg.Text) (string, *Text) {
	if t.IsZero() {
		return "", nil
	}
	if c == nil {
		return t.String(), wireText(t)
	}
	// The newest first: an event's text is most often its predecessor's
	// (a dispatch after the state change it caused).
	for k := 1; k <= len(c.memo); k++ {
		if m := &c.memo[(c.next+len(c.memo)-k)%len(c.memo)]; m.wire != nil && sameText(m.src, t) {
			return m.en, m.wire
		}
	}
	m := &c.memo[c.next]
	c.next = (c.next + 1) % len(c.memo)
	*m = textMemo{src: t, en: english(t), wire: wireText(t)}
	return m.en, m.wire
}

// sameText reports whether a and b say the same.
func sameText(a, b msg.Text) bool {
	if a.Code != b.Code || len(a.Args) != len(b.Args) {
		return false
	}
	if len(a.Args) == 0 || &a.Args[0] == &b.Args[0] {
		return true // the same arguments: texts are never changed
	}
	for i := range a.Args {
		x, y := &a.Args[i], &b.Args[i]
		if x.Key != y.Key || x.Type != y.Type || x.Int != y.Int || x.TID != y.TID || x.Num != y.Num ||
			x.Addr != y.Addr || x.Name != y.Name || (x.Text == nil) != (y.Text == nil) ||
			x.Text != nil && !sameText(*x.Text, *y.Text) {
			return false
		}
	}
	return true
}

// english is t.String(), made without the general renderer's
// allocations for the texts events carry most (the scheduler's reasons,
// whole numbers and names in a template of the catalogue): the template
// comes cut at its arguments, and the text is written in one go. Any
// other text (a nested one, a thread, a code the catalogue lacks) is
// rendered by t.String().
func english(t msg.Text) string {
	parts, ok := englishTemplates()[t.Code]
	if !ok {
		return t.String()
	}
	var buf [160]byte
	b := buf[:0]
	for _, p := range parts {
		if !p.arg {
			b = append(b, p.lit...)
			continue
		}
		a, found := t.Arg(p.key)
		switch {
		case !found:
			b = append(b, p.lit...) // written as it stands, as render does
		case a.Type == msg.TypeInt:
			b = strconv.AppendInt(b, a.Int, 10)
		case a.Type == msg.TypeName:
			b = append(b, a.Name...)
		case a.Type == msg.TypeAddr:
			b = strconv.AppendUint(append(b, "0x"...), a.Addr, 16)
		case a.Type == msg.TypeNum:
			b = strconv.AppendFloat(b, a.Num, 'f', -1, 64) // as msg.FormatNum
		case a.Type == msg.TypeTask && (a.TID == 0 || a.TID == a.Int):
			b = strconv.AppendInt(b, a.Int, 10)
		default:
			return t.String()
		}
	}
	return string(b)
}

// templatePart is a piece of a template: a literal, or an argument
// ({key}, lit being the placeholder as it stands).
type templatePart struct {
	lit string
	key string
	arg bool
}

// englishTemplates is the catalogue's English templates cut at their
// arguments, as msg's renderer reads them; a template with a particle
// after an argument is left out (english renders it as t.String()).
var englishTemplates = sync.OnceValue(func() map[msg.Code][]templatePart {
	out := map[msg.Code][]templatePart{}
templates:
	for code, tmpl := range msg.Table(msg.English) {
		var parts []templatePart
		s := tmpl.Text
		for {
			i := strings.IndexByte(s, '{')
			if i < 0 {
				break
			}
			j := strings.IndexByte(s[i:], '}')
			if j < 0 {
				break
			}
			key, particle, _ := strings.Cut(s[i+1:i+j], ":")
			if particle != "" {
				continue templates
			}
			if i > 0 {
				parts = append(parts, templatePart{lit: s[:i]})
			}
			parts = append(parts, templatePart{lit: s[i : i+j+1], key: key, arg: true})
			s = s[i+j+1:]
		}
		if s != "" {
			parts = append(parts, templatePart{lit: s})
		}
		out[code] = parts
	}
	return out
})

// errorText is the text of a kernel error that stopped a machine (a
// limit, a deadlock), or nil for another error.
func errorText(err error) *Text {
	var t interface{ Text() msg.Text }
	if errors.As(err, &t) {
		return wireText(t.Text())
	}
	return nil
}

// Template is one code of the catalogue in one language: its text, with
// {key} for an argument and {key:이} for an argument followed by the
// Korean particle (이/가, 을/를, 은/는, 과/와, 으로/로) that suits its
// sound, and each parameter's type.
type Template struct {
	Text   string            `json:"text"`
	Params map[string]string `json:"params,omitempty"`
}

// TextTable is the kernel's catalogue in lang (English for a language it
// does not speak), as GET /api/texts sends it and the pages carry it.
func TextTable(lang string) map[string]Template {
	if !slices.Contains(msg.Languages(), lang) {
		lang = msg.English
	}
	t := msg.Table(lang)
	out := make(map[string]Template, len(t))
	for c, tmpl := range t {
		out[string(c)] = Template{Text: tmpl.Text, Params: tmpl.Params}
	}
	return out
}

// ServeTexts is GET /api/texts?lang=ko: the catalogue in that language,
// for a client that renders the texts of events itself.
func (a *API) ServeTexts(w http.ResponseWriter, r *http.Request) {
	lang := r.URL.Query().Get("lang")
	if lang == "" {
		lang = msg.English
	}
	if !slices.Contains(msg.Languages(), lang) {
		writeJSON(w, http.StatusBadRequest, &Error{Type: "error", Code: "bad_request", Message: "lang: choose one of en, ko"})
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	writeJSON(w, http.StatusOK, TextTable(lang))
}

// WireText is the kernel's text t as the wire carries it; nil for none.
func WireText(t msg.Text) *Text { return wireText(t) }
