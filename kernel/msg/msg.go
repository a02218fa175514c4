// Package msg is the kernel's catalogue of texts. Whatever the machine has
// to say to people — why a thread changed state, why a policy dispatched
// or preempted one, what fault killed a process, which limit stopped the
// run, who waits for what in a deadlock — it says as a Text: a Code,
// stable on the wire ("rr.quantum_expired"), with typed arguments (a
// number of ticks, a pid and its thread, an address, a name, another
// Text). The catalogue (catalogue.go) renders each code in English and in
// Korean from a template; the command line's --trace, the API and the
// browser all render from it, so a text is written once, in each
// language, beside its code.
//
// The package knows nothing of the kernel: the kernel and its
// sub-packages (sched, vm) import it, never the other way round.
package msg

import (
	"strconv"
	"strings"
)

// Code names a text of the catalogue: "area.what", lower case, stable on
// the wire and in saved sessions.
type Code string

// Type is the type of an argument, as the catalogue declares it.
type Type uint8

const (
	TypeInt  Type = iota + 1 // a whole number: ticks, a pid, a queue
	TypeNum                  // a decimal number: a vruntime, a predicted burst
	TypeAddr                 // an address, written in hex: 0x601040
	TypeName                 // a word taken as it is: a device, a signal, a file
	TypeTask                 // a pid and its thread: "5", or "5 (thread 7)" (TaskThread) for a thread that is not the main one
	TypeText                 // another Text, rendered in the same language
)

var typeNames = [...]string{TypeInt: "int", TypeNum: "num", TypeAddr: "addr", TypeName: "name", TypeTask: "task", TypeText: "text"}

func (t Type) String() string {
	if int(t) < len(typeNames) && typeNames[t] != "" {
		return typeNames[t]
	}
	return "Type(" + strconv.Itoa(int(t)) + ")"
}

// Arg is one argument of a Text: its key in the templates, its type, and
// its value in the field of that type.
type Arg struct {
	Key  string
	Type Type
	Int  int64   // TypeInt; TypeTask: the pid
	TID  int64   // TypeTask: the thread (0, or the pid, for the main thread)
	Num  float64 // TypeNum
	Addr uint64  // TypeAddr
	Name string  // TypeName
	Text *Text   // TypeText
}

// Int is a whole-number argument.
func Int[N ~int | ~int32 | ~int64 | ~uint32](key string, n N) Arg {
	return Arg{Key: key, Type: TypeInt, Int: int64(n)}
}

// Num is a decimal argument.
func Num(key string, x float64) Arg { return Arg{Key: key, Type: TypeNum, Num: x} }

// Addr is an address argument.
func Addr(key string, a uint64) Arg { return Arg{Key: key, Type: TypeAddr, Addr: a} }

// Name is an argument shown as it is, in every language.
func Name(key, s string) Arg { return Arg{Key: key, Type: TypeName, Name: s} }

// Task is a thread argument: thread tid of process pid.
func Task(key string, pid, tid int) Arg {
	return Arg{Key: key, Type: TypeTask, Int: int64(pid), TID: int64(tid)}
}

// Sub is an argument that is itself a Text.
func Sub(key string, t Text) Arg { return Arg{Key: key, Type: TypeText, Text: &t} }

// Text is something the kernel says: a code and its arguments. The zero
// Text says nothing.
type Text struct {
	Code Code
	Args []Arg
}

// New is the text code with args.
func New(code Code, args ...Arg) Text { return Text{Code: code, Args: args} }

// IsZero reports whether t says nothing.
func (t Text) IsZero() bool { return t.Code == "" }

// Arg is the argument with key, and whether there is one.
func (t Text) Arg(key string) (Arg, bool) {
	for _, a := range t.Args {
		if a.Key == key {
			return a, true
		}
	}
	return Arg{}, false
}

// String is the text in English, as the command line and the tests read it.
func (t Text) String() string { return t.In(English) }

// Languages the catalogue speaks.
const (
	English = "en"
	Korean  = "ko"
)

// Languages lists the catalogue's languages, English (the default) first.
func Languages() []string { return []string{English, Korean} }

// In renders t in lang (English for a language the catalogue does not
// speak). A code the catalogue does not know renders as the code followed
// by its arguments, so nothing is ever lost.
func (t Text) In(lang string) string {
	if t.IsZero() {
		return ""
	}
	e, ok := catalogue[t.Code]
	if !ok {
		return t.unknown(lang)
	}
	tmpl := e.en
	if lang == Korean {
		tmpl = e.ko
	}
	var b strings.Builder
	render(&b, tmpl, func(key string) (string, string, bool) {
		a, ok := t.Arg(key)
		if !ok {
			return "", "", false
		}
		return a.render(lang)
	})
	return b.String()
}

// unknown renders a text whose code is not in the catalogue.
func (t Text) unknown(lang string) string {
	s := string(t.Code)
	for _, a := range t.Args {
		v, _, _ := a.render(lang)
		s += " " + a.Key + "=" + v
	}
	return s
}

// render gives the argument in lang, with the word whose sound picks a
// Korean particle after it (the pid of "5 (thread 7)").
func (a Arg) render(lang string) (text, sound string, ok bool) {
	switch a.Type {
	case TypeInt:
		s := strconv.FormatInt(a.Int, 10)
		return s, s, true
	case TypeNum:
		s := FormatNum(a.Num)
		return s, s, true
	case TypeAddr:
		s := "0x" + strconv.FormatUint(a.Addr, 16)
		return s, s, true
	case TypeName:
		return a.Name, a.Name, true
	case TypeTask:
		pid := strconv.FormatInt(a.Int, 10)
		if a.TID == 0 || a.TID == a.Int {
			return pid, pid, true
		}
		return New(TaskThread, Int("pid", a.Int), Int("tid", a.TID)).In(lang), pid, true
	case TypeText:
		if a.Text == nil {
			return "", "", true
		}
		s := a.Text.In(lang)
		return s, s, true
	}
	return "", "", false
}

// FormatNum writes a decimal argument: as few digits as say it exactly
// ("6.5", "12", "-3"), as the browser's String(x) does.
func FormatNum(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// render writes tmpl to b with each {key} replaced by the argument's text
// and each {key:이} by the text and the particle (이/가 here) that suits
// its sound. arg returns the text, the sound and whether key is an
// argument; an unknown key is written as it stands.
func render(b *strings.Builder, tmpl string, arg func(key string) (text, sound string, ok bool)) {
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl)
			return
		}
		b.WriteString(tmpl[:i])
		key, particle, _ := strings.Cut(tmpl[i+1:i+j], ":")
		text, sound, ok := arg(key)
		if !ok {
			b.WriteString(tmpl[i : i+j+1])
		} else {
			b.WriteString(text)
			b.WriteString(Particle(sound, particle))
		}
		tmpl = tmpl[i+j+1:]
	}
}
