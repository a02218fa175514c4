package api

import (
	"strings"
	"testing"

	"osplay/kernel/msg"
)

// TestEnglishIsTheRenderers checks the text cache's English against the
// catalogue's renderer, for every code, with arguments of every type the
// code declares, with one left out, and with arguments it does not
// declare.
func TestEnglishIsTheRenderers(t *testing.T) {
	sub := msg.New(msg.RRQuantum, msg.Int("q", 4))
	for code, tmpl := range msg.Table(msg.English) {
		var args, thread []msg.Arg
		for key, typ := range tmpl.Params {
			var a msg.Arg
			switch typ {
			case "int":
				a = msg.Int(key, int64(-12345+len(key)))
			case "num":
				a = msg.Num(key, 6.5)
			case "addr":
				a = msg.Addr(key, 0x601040)
			case "name":
				a = msg.Name(key, "명령 "+key)
			case "task":
				args = append(args, msg.Arg{Key: key, Type: msg.TypeTask, Int: 5, TID: 5})
				thread = append(thread, msg.Arg{Key: key, Type: msg.TypeTask, Int: 5, TID: 7})
				continue
			case "text":
				a = msg.Sub(key, sub)
			default:
				t.Fatalf("%s: parameter %s of unknown type %q", code, key, typ)
			}
			args = append(args, a)
			thread = append(thread, a)
		}
		for _, x := range []msg.Text{
			msg.New(code, args...),
			msg.New(code, thread...),
			msg.New(code),
			msg.New(code, append([]msg.Arg{msg.Int("zz", 1), msg.Arg{Key: "odd", Type: 99}}, args...)...),
		} {
			if got, want := english(x), x.String(); got != want {
				t.Errorf("%s %v: english %q, the renderer %q", code, x.Args, got, want)
			}
		}
		if len(args) > 1 {
			x := msg.New(code, args[1:]...) // the first left out
			if got, want := english(x), x.String(); got != want {
				t.Errorf("%s %v: english %q, the renderer %q", code, x.Args, got, want)
			}
		}
	}
	for _, x := range []msg.Text{msg.New("no.such_code", msg.Int("n", 3)), {}} {
		if got, want := english(x), x.String(); got != want {
			t.Errorf("%q: english %q, the renderer %q", x.Code, got, want)
		}
	}
}

// TestTextCacheTellsTextsApart checks that the cache gives each text its
// own conversion: texts that differ in a number, a name or a nested text
// are not taken for one another, and the same text made twice is one.
func TestTextCacheTellsTextsApart(t *testing.T) {
	var c textCache
	texts := []msg.Text{
		msg.New(msg.RRHead, msg.Int("since", 10)),
		msg.New(msg.RRHead, msg.Int("since", 11)),
		msg.New(msg.RRQuantum, msg.Int("q", 10)),
		msg.New(msg.RRQuantum, msg.Int("q", 10)),
	}
	for round := 0; round < 3; round++ {
		for _, x := range texts {
			en, w := c.get(x)
			if en != x.String() {
				t.Errorf("round %d: %q for %q", round, en, x.String())
			}
			if got, want := appendText(nil, w), appendText(nil, wireText(x)); string(got) != string(want) {
				t.Errorf("round %d: wire %s for %s", round, got, want)
			}
		}
	}
	_, a := c.get(texts[2])
	_, b := c.get(texts[3])
	if a != b {
		t.Error("the same text made twice was converted twice")
	}
	for i := range 20 { // more than the cache holds
		x := msg.New(msg.RRHead, msg.Int("since", i))
		if en, _ := c.get(x); !strings.Contains(en, x.String()) {
			t.Errorf("%q for %q", en, x.String())
		}
	}
}
