// Package templates holds osplay's pages as templ components: functions of
// plain data that render HTML, with every string of the interface in
// i18n.go. Handlers (package web) gather the data, then render; nothing
// here reads requests or the kernel.
package templates

import (
	"net/url"
	"strings"

	"github.com/a-h/templ"
)

// Page is what every page needs: its language and where it is.
type Page struct {
	Lang   string // "en" or "ko"
	Title  string
	Active string     // "home" or "play": the current navigation item
	Path   string     // the page's path
	Query  url.Values // the page's query, for the language switch
	Assets string     // assets' version, appended to their URLs
	OEmbed string     // the page's oEmbed address, for discovery, or ""
}

// T is the page's string for key.
func (p Page) T(key string) string { return T(p.Lang, key) }

// Asset is the URL of a file of static/.
func (p Page) Asset(name string) string {
	u := "/static/" + name
	if p.Assets != "" {
		u += "?v=" + p.Assets
	}
	return u
}

// LangURL is this page in another language.
func (p Page) LangURL(lang string) string {
	q := url.Values{}
	for k, v := range p.Query {
		q[k] = v
	}
	q.Set("lang", lang)
	return p.Path + "?" + q.Encode()
}

// LangName is a language's name in itself.
func LangName(lang string) string {
	if lang == "ko" {
		return "한국어"
	}
	return "English"
}

// ExampleCard is one lecture program as the pages list it.
type ExampleCard struct {
	Name    string // "forkexecl": /play?example=forkexecl
	Title   string // "forkexecl.c"
	Source  string // "Lab 3-3, slides 3.22 and 3.27–3.28"
	Summary string // in the page's language; `code` in backquotes
	Files   []string
	Args    string // "ls -l", or ""
}

// PlainTitle is the title without its code marks, for a select's option.
func (e ExampleCard) PlainTitle() string { return strings.ReplaceAll(e.Title, "`", "") }

// URL opens the example in the playground.
func (e ExampleCard) URL(p Page) string {
	return "/play?example=" + url.QueryEscape(e.Name)
}

// Span is a piece of text, code or not.
type Span struct {
	Text string
	Code bool
}

// Inline splits text with `code` in backquotes into spans.
func Inline(s string) []Span {
	var out []Span
	code := false
	for _, part := range strings.Split(s, "`") {
		if part != "" {
			out = append(out, Span{Text: part, Code: code})
		}
		code = !code
	}
	return out
}

// Option is one choice of a select.
type Option struct {
	Value, Label string
	Selected     bool
}

// PlayData is the playground page's data.
type PlayData struct {
	Examples     []ExampleCard
	Selected     string   // the example opened, or ""
	Schedulers   []Option // the scheduling policies
	SchedOptions string   // the policy's options, as "boost=100"
	MaxCPUs      int
	Boot         any // the page's start-up data for the scripts, as JSON
	// Aside, if set, is shown above the playground: an exercise's text and
	// checks, or what an embedded page adds.
	Aside templ.Component
	// Workload, if set, is run instead of C files: jobs without code.
	Workload *WorkloadData
}

// AllSignals are the signals the PCB's list offers, in number order: the
// standard ones of Linux on x86-64 (1 to 31, SIGSTKFLT aside).
var AllSignals = []string{"SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS",
	"SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGCHLD",
	"SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ",
	"SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"}
