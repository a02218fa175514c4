package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"osplay/kernel"
	"osplay/kernel/msg"
)

// fromWire turns a text as a client receives it back into the kernel's,
// with the types the catalogue declares: what a client needs to render it.
func fromWire(t *testing.T, w *Text) msg.Text {
	t.Helper()
	keys, types, ok := msg.Params(msg.Code(w.Code))
	if !ok {
		t.Fatalf("code %q is not in the catalogue", w.Code)
	}
	out := msg.Text{Code: msg.Code(w.Code)}
	for i, k := range keys {
		v, ok := w.Args[k]
		if !ok {
			t.Fatalf("%s: no argument %q in %v", w.Code, k, w.Args)
		}
		switch types[i] {
		case msg.TypeInt:
			out.Args = append(out.Args, msg.Int(k, int64(v.(float64))))
		case msg.TypeNum:
			out.Args = append(out.Args, msg.Num(k, v.(float64)))
		case msg.TypeAddr:
			a, err := strconv.ParseUint(strings.TrimPrefix(v.(string), "0x"), 16, 64)
			if err != nil || !strings.HasPrefix(v.(string), "0x") {
				t.Fatalf("%s: address %q", w.Code, v)
			}
			out.Args = append(out.Args, msg.Addr(k, a))
		case msg.TypeName:
			out.Args = append(out.Args, msg.Name(k, v.(string)))
		case msg.TypeTask:
			m := v.(map[string]any)
			tid, _ := m["tid"].(float64)
			out.Args = append(out.Args, msg.Task(k, int(m["pid"].(float64)), int(tid)))
		case msg.TypeText:
			b, _ := json.Marshal(v)
			var sub Text
			if err := json.Unmarshal(b, &sub); err != nil {
				t.Fatal(err)
			}
			out.Args = append(out.Args, msg.Sub(k, fromWire(t, &sub)))
		}
	}
	if len(w.Args) != len(keys) {
		t.Errorf("%s: arguments %v, the catalogue declares %v", w.Code, w.Args, keys)
	}
	return out
}

// mapText is a kernel text on the wire with its arguments in a map, as
// encoding/json writes a map: what appendText writes from the kernel's
// text itself, without the map.
func mapText(t msg.Text) *Text {
	w := &Text{Code: string(t.Code), Args: map[string]any{}}
	for _, a := range t.Args {
		var v any
		switch a.Type {
		case msg.TypeInt:
			v = a.Int
		case msg.TypeNum:
			v = a.Num
		case msg.TypeAddr:
			v = "0x" + strconv.FormatUint(a.Addr, 16)
		case msg.TypeName:
			v = a.Name
		case msg.TypeTask:
			task := Task{PID: a.Int}
			if a.TID != a.Int {
				task.TID = a.TID
			}
			v = task
		case msg.TypeText:
			if a.Text != nil {
				v = mapText(*a.Text)
			}
		}
		w.Args[a.Key] = v
	}
	return w
}

// TestWireTextIsTheMap: every code of the catalogue, with arguments of
// each type it declares (a name that needs escaping, a thread that is a
// process's main thread and one that is not, a nested text), is written
// from the kernel's text as encoding/json writes it with its arguments
// in a map, by the batch encoder and by MarshalJSON alike; and it reads
// back as the same text.
func TestWireTextIsTheMap(t *testing.T) {
	for code := range msg.Table(msg.English) {
		keys, types, _ := msg.Params(code)
		for variant := 0; variant < 2; variant++ {
			x := msg.Text{Code: code}
			for i, k := range keys {
				switch types[i] {
				case msg.TypeInt:
					x.Args = append(x.Args, msg.Int(k, 300+variant))
				case msg.TypeNum:
					x.Args = append(x.Args, msg.Num(k, []float64{1.5e-7, 2.25}[variant]))
				case msg.TypeAddr:
					x.Args = append(x.Args, msg.Addr(k, 0x601040))
				case msg.TypeName:
					x.Args = append(x.Args, msg.Name(k, []string{`"quoted" <x>`, "name"}[variant]))
				case msg.TypeTask:
					x.Args = append(x.Args, msg.Task(k, 5, []int{5, 7}[variant]))
				case msg.TypeText:
					x.Args = append(x.Args, msg.Sub(k, msg.New(msg.RRHead, msg.Int("since", 290))))
				}
			}
			want, err := json.Marshal(mapText(x))
			if err != nil {
				t.Fatal(err)
			}
			w := wireText(x)
			if got := appendText(nil, w); string(got) != string(want) {
				t.Errorf("%s: %s, encoding/json writes %s", code, got, want)
			}
			if got, _ := json.Marshal(w); string(got) != string(want) {
				t.Errorf("%s: MarshalJSON %s, encoding/json writes %s", code, got, want)
			}
			var back Text
			if err := json.Unmarshal(want, &back); err != nil {
				t.Fatal(err)
			}
			if got := fromWire(t, &back); got.String() != x.String() {
				t.Errorf("%s: read back as %q, not %q", code, got.String(), x.String())
			}
		}
	}
}

// Every cause and message of an event comes as a code with its
// arguments, which render to the English beside it; a halt of the
// kernel's comes as one too.
func TestEventsCarryCodes(t *testing.T) {
	_, srv := server(t, Limits{MaxTicks: 200_000})
	// Two threads take turns at a mutex, each holding it across a sleep:
	// one waits for the mutex the other holds.
	src := `#include <pthread.h>
#include <unistd.h>
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static void *work(void *arg) { pthread_mutex_lock(&m); usleep(1000); pthread_mutex_unlock(&m); return NULL; }
int main(void) {
	pthread_t t1, t2;
	pthread_create(&t1, NULL, work, NULL);
	pthread_create(&t2, NULL, work, NULL);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	return 0;
}
`
	p := program("lock.c", src)
	p.Settings.Sched = "rr:q=2"
	_, r := postRun(t, srv, RunRequest{Program: p, Events: true})
	if r.Error != nil || r.Exit == nil {
		t.Fatalf("error %+v, halt %q", r.Error, r.Halt)
	}
	codes := map[string]bool{}
	threadNamed := false
	for _, e := range r.Events {
		for _, c := range []struct {
			english string
			text    *Text
		}{{e.Cause, e.CauseText}, {e.Msg, e.MsgText}} {
			if c.english == "" && c.text == nil {
				continue
			}
			if c.text == nil {
				t.Errorf("event %d (%s) says %q with no code", e.N, e.Kind, c.english)
				continue
			}
			k := fromWire(t, c.text)
			if got := k.String(); got != c.english {
				t.Errorf("event %d: %s renders %q, the event says %q", e.N, c.text.Code, got, c.english)
			}
			if err := msg.Check(k); err != nil {
				t.Errorf("event %d: %v", e.N, err)
			}
			codes[c.text.Code] = true
			if strings.Contains(k.String(), "held by thread") {
				threadNamed = true
			}
		}
	}
	for _, c := range []string{"rr.head", "rr.quantum_expired", "state.admitted", "state.created_by", "wait.join",
		"wait.for", "wake.mutex", "wait.usleep", "wake.timer", "wake.thread_exited", "exit.call", "halt.done"} {
		if !codes[c] {
			t.Errorf("no event carries %s (codes: %v)", c, codes)
		}
	}
	if !threadNamed {
		t.Error("no wait names the thread holding a mutex")
	}
	if r.HaltText != nil {
		t.Errorf("a program that ended has haltText %+v", r.HaltText)
	}
	// A halt of the kernel's: the limit of ticks.
	_, r = postRun(t, srv, RunRequest{Program: program("loop.c", "int main(void) { for (;;); }\n")})
	if r.HaltText == nil || r.HaltText.Code != "limit.max_ticks" || r.HaltText.Args["value"] != float64(200_000) ||
		fromWire(t, r.HaltText).String() != r.Halt {
		t.Errorf("halt %q, haltText %+v", r.Halt, r.HaltText)
	}
}

func TestServeTexts(t *testing.T) {
	a := New(Options{})
	for _, tt := range []struct {
		query  string
		status int
		code   string // a code whose text is checked
		text   string
	}{
		{"", 200, "rr.quantum_expired", "RR: quantum of {q} ticks expired"},
		{"?lang=en", 200, "mlfq.down", "MLFQ: used its allotment at queue {l}: down to queue {next}"},
		{"?lang=ko", 200, "mlfq.down", "MLFQ: 큐 {l}의 할당량을 다 써서 큐 {next:으로} 내려감"},
		{"?lang=fr", 400, "", ""},
	} {
		w := httptest.NewRecorder()
		a.ServeTexts(w, httptest.NewRequest(http.MethodGet, "/api/texts"+tt.query, nil))
		if w.Code != tt.status {
			t.Errorf("%s: status %d, want %d", tt.query, w.Code, tt.status)
			continue
		}
		if tt.status != 200 {
			continue
		}
		var table map[string]Template
		if err := json.Unmarshal(w.Body.Bytes(), &table); err != nil {
			t.Fatal(err)
		}
		if len(table) != len(msg.Codes()) {
			t.Errorf("%s: %d codes, the catalogue has %d", tt.query, len(table), len(msg.Codes()))
		}
		if got := table[tt.code]; got.Text != tt.text || len(got.Params) == 0 || got.Params["q"]+got.Params["l"] != "int" {
			t.Errorf("%s: %s = %+v, want %q", tt.query, tt.code, got, tt.text)
		}
	}
}

// A PCB says why its process is in its state and what it waits for as
// texts of the catalogue.
func TestPCBCarriesTexts(t *testing.T) {
	src := `#include <unistd.h>
#include <sys/wait.h>
int main(void) {
	if (fork() == 0) {
		for (volatile int i = 0; i < 1000; i++);
		return 0;
	}
	wait(NULL);
	return 0;
}
`
	m := kernel.New(kernel.Config{Files: fstest.MapFS{"j.c": {Data: []byte(src)}}, Sched: "rr:q=2"})
	if err := m.Start([]string{"j.c"}); err != nil {
		t.Fatal(err)
	}
	if !m.RunUntil(func(e kernel.Event) bool { return e.Kind == kernel.KindState && e.Cause.Code == msg.WaitAnyChild }) {
		t.Fatal("the parent never waits for its child")
	}
	// As a client receives it.
	var p *PCB
	b, _ := json.Marshal(pcb(m, 2))
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	if p == nil || p.CauseText == nil || p.CauseText.Code != "wait.any_child" || fromWire(t, p.CauseText).String() != p.Cause {
		t.Fatalf("PCB cause %q, causeText %+v", p.Cause, p.CauseText)
	}
	if p.WaitForText == nil || p.WaitForText.Code != "obj.child" || fromWire(t, p.WaitForText).In(msg.Korean) != "pid 2의 자식 프로세스" {
		t.Errorf("PCB waitOn %q, waitForText %+v", p.WaitOn, p.WaitForText)
	}
	m.Run()
	if p := pcb(m, 2); p != nil && p.WaitForText != nil {
		t.Errorf("a process that waits no more has waitForText %+v", p.WaitForText)
	}
}

// A deadlock's event carries the cycle's waits, each with its text; the
// run's limit and halt carry every blocked thread's.
func TestDeadlockEventsCarryWaits(t *testing.T) {
	src := `#include <pthread.h>
#include <unistd.h>
pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER, b = PTHREAD_MUTEX_INITIALIZER;
static void *one(void *arg) { pthread_mutex_lock(&a); usleep(1000); pthread_mutex_lock(&b); return NULL; }
static void *two(void *arg) { pthread_mutex_lock(&b); usleep(1000); pthread_mutex_lock(&a); return NULL; }
int main(void) {
	pthread_t t1, t2;
	pthread_create(&t1, NULL, one, NULL);
	pthread_create(&t2, NULL, two, NULL);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	return 0;
}
`
	m := kernel.New(kernel.Config{Files: fstest.MapFS{"d.c": {Data: []byte(src)}}, Sched: "rr:q=2", Record: true})
	if err := m.Start([]string{"d.c"}); err != nil {
		t.Fatal(err)
	}
	m.Run()
	var cycle, halt *Event
	for i, e := range m.Events() {
		var w Event
		b, _ := json.Marshal(wireEvent(int64(i), e))
		if err := json.Unmarshal(b, &w); err != nil {
			t.Fatal(err)
		}
		switch {
		case w.Kind == "deadlock":
			cycle = &w
		case w.Kind == "halt":
			halt = &w
		}
	}
	if cycle == nil || len(cycle.Waits) != 2 {
		t.Fatalf("deadlock event %+v, want a cycle of two", cycle)
	}
	for _, w := range cycle.Waits {
		k := fromWire(t, w.Text)
		if w.Kind != "mutex" || w.Holder == 0 || w.Holder == w.TID || w.Line == 0 || w.Addr == 0 ||
			!strings.Contains(k.In(msg.Korean), fmt.Sprintf("잡고 있는 뮤텍스 0x%x", w.Addr)) {
			t.Errorf("wait %+v reads %q", w, k.In(msg.Korean))
		}
	}
	if halt == nil || halt.MsgText == nil || halt.MsgText.Code != "halt.deadlock" || len(halt.Waits) != 4 {
		t.Errorf("halt %+v, want the deadlock with the waits of init, main and the two threads", halt)
	}
}
