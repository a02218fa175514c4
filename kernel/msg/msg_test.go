package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// Every code of the catalogue speaks both languages, with the same
// placeholders in each, every placeholder a declared parameter and every
// parameter used; Korean is Korean.
func TestCatalogueSpeaksBothLanguages(t *testing.T) {
	placeholder := regexp.MustCompile(`\{([a-z]+)(?::([^}]*))?\}`)
	keysOf := func(s string) map[string]bool {
		out := map[string]bool{}
		for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
			out[m[1]] = true
		}
		return out
	}
	for _, c := range Codes() {
		e := catalogue[c]
		if e.en == "" || e.ko == "" {
			t.Errorf("%s: English %q, Korean %q: both are needed", c, e.en, e.ko)
			continue
		}
		if !regexp.MustCompile(`^[a-z]+\.[a-z_]+$`).MatchString(string(c)) {
			t.Errorf("%s: a code is area.what in lower case", c)
		}
		keys, types, _ := Params(c)
		declared := map[string]bool{}
		for i, k := range keys {
			if types[i] == 0 {
				t.Errorf("%s: parameter %q has an unknown type", c, k)
			}
			declared[k] = true
		}
		en, ko := keysOf(e.en), keysOf(e.ko)
		for k := range declared {
			if !en[k] || !ko[k] {
				t.Errorf("%s: parameter %q missing from English %q or Korean %q", c, k, e.en, e.ko)
			}
		}
		for _, s := range []string{e.en, e.ko} {
			for k := range keysOf(s) {
				if !declared[k] {
					t.Errorf("%s: placeholder {%s} in %q is not a parameter", c, k, s)
				}
			}
		}
		for _, m := range placeholder.FindAllStringSubmatch(e.en, -1) {
			if m[2] != "" {
				t.Errorf("%s: a Korean particle in the English %q", c, e.en)
			}
		}
		for _, m := range placeholder.FindAllStringSubmatch(e.ko, -1) {
			if _, ok := particles[m[2]]; m[2] != "" && !ok {
				t.Errorf("%s: unknown particle %q in %q", c, m[2], e.ko)
			}
		}
		// Korean has Hangul, unless the text is only names and numbers
		// that read the same in both (FCFS, EOF, a signal's name).
		if e.ko != e.en && !strings.ContainsFunc(e.ko, func(r rune) bool { return unicode.Is(unicode.Hangul, r) }) {
			t.Errorf("%s: Korean %q has no Hangul", c, e.ko)
		}
	}
	if n := len(catalogue); n < 100 {
		t.Errorf("the catalogue has %d codes: the test no longer sees it", n)
	}
}

// Every Code constant declared in this package is in the catalogue.
func TestEveryCodeIsCatalogued(t *testing.T) {
	n := 0
	for _, name := range []string{"catalogue.go", "model.go", "ipc.go", "ipc_more.go", "model_ipc.go"} {
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, inspectCodes(t, &n))
	}
	if n != len(catalogue) {
		t.Errorf("%d constants, %d entries", n, len(catalogue))
	}
}

// inspectCodes counts the Code constants of a file into *n, each checked
// to be in the catalogue.
func inspectCodes(t *testing.T, n *int) func(ast.Node) bool {
	return func(node ast.Node) bool {
		vs, ok := node.(*ast.ValueSpec)
		if !ok || vs.Type == nil || len(vs.Values) != 1 {
			return true
		}
		if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Code" {
			return true
		}
		lit := vs.Values[0].(*ast.BasicLit)
		code, _ := strconv.Unquote(lit.Value)
		*n++
		if _, ok := catalogue[Code(code)]; !ok {
			t.Errorf("%s = %q is not in the catalogue", vs.Names[0].Name, code)
		}
		return true
	}
}

func TestParticle(t *testing.T) {
	for _, tt := range []struct{ sound, p, want string }{
		{"0", "이", "이"}, {"10", "이", "이"}, {"1", "이", "이"}, {"2", "이", "가"}, {"3", "이", "이"},
		{"4", "이", "가"}, {"5", "이", "가"}, {"6", "이", "이"}, {"7", "이", "이"}, {"8", "이", "이"}, {"9", "이", "가"},
		{"12", "을", "를"}, {"13", "을", "을"}, {"2.6", "은", "은"}, {"2.5", "은", "는"}, {"4", "과", "와"}, {"0", "과", "과"},
		// 으로 after a consonant but ㄹ: 영/삼/육 take 으로; 일/칠/팔 and vowels take 로.
		{"0", "으로", "으로"}, {"3", "으로", "으로"}, {"6", "으로", "으로"},
		{"1", "으로", "로"}, {"7", "으로", "로"}, {"8", "으로", "로"}, {"2", "으로", "로"}, {"9", "으로", "로"},
		// Hex addresses: digits as numbers, a–f as English letters (vowels).
		{"0x601040", "을", "을"}, {"0x60104a", "을", "를"}, {"0x4f", "으로", "로"},
		// Hangul says itself.
		{"뮤텍스", "을", "를"}, {"스레드 7이 잡고 있는 뮤텍스 0x10", "을", "을"}, {"잠금", "이", "이"}, {"스레드 종료", "을", "를"},
		{"교실", "으로", "로"}, {"부엌", "으로", "으로"},
		// After a parenthesis, the word before it.
		{"스레드 7 (pid 2)", "이", "이"}, {"스레드 4 (pid 2)", "이", "가"}, {"5 (스레드 7)", "으로", "로"}, {"(3)", "이", "이(가)"},
		// A Latin word as Korean reads it: capitals letter by letter,
		// lower case as a loanword. No sound at all: both forms.
		{"disk", "을", "를"}, {"disk", "으로", "로"}, {"main", "이", "이"}, {"main", "으로", "으로"}, {"fill", "으로", "로"},
		{"RR", "은", "은"}, {"RR", "으로", "로"}, {"FCFS", "은", "는"}, {"A", "이", "가"}, {"M", "과", "과"}, {"ls", "을", "를"},
		{"", "이", "이(가)"}, {"-", "을", "을(를)"},
		{"5", "", ""},
	} {
		if got := Particle(tt.sound, tt.p); got != tt.want {
			t.Errorf("Particle(%q, %q) = %q, want %q", tt.sound, tt.p, got, tt.want)
		}
	}
}

func TestRender(t *testing.T) {
	held := New(ObjHeld, Sub("obj", New(ObjMutex, Addr("addr", 0x601040))), Int("tid", 7))
	for _, tt := range []struct {
		text   Text
		en, ko string
	}{
		{New(RRQuantum, Int("q", 3)), "RR: quantum of 3 ticks expired", "RR: 타임 퀀텀 3틱 만료"},
		{New(MLFQDown, Int("l", 0), Int("next", 1)), "MLFQ: used its allotment at queue 0: down to queue 1", "MLFQ: 큐 0의 할당량을 다 써서 큐 1로 내려감"},
		{New(MLFQDown, Int("l", 2), Int("next", 3)), "MLFQ: used its allotment at queue 2: down to queue 3", "MLFQ: 큐 2의 할당량을 다 써서 큐 3으로 내려감"},
		{New(CreatedBy, Int("tid", 4)), "created by thread 4", "스레드 4가 생성함"},
		{New(CreatedBy, Int("tid", 3)), "created by thread 3", "스레드 3이 생성함"},
		// A thread that is not its process's main one reads "pid 5 (thread 7)";
		// the particle follows the pid.
		{New(MLFQAhead, Task("who", 5, 7), Int("l", 1)), "MLFQ: pid 5 (thread 7) is ahead of it in queue 1", "MLFQ: 큐 1에서 pid 5 (스레드 7)가 앞에 있음"},
		{New(MLFQAhead, Task("who", 6, 6), Int("l", 1)), "MLFQ: pid 6 is ahead of it in queue 1", "MLFQ: 큐 1에서 pid 6이 앞에 있음"},
		{New(WaitFor, Sub("obj", held)), "waiting for mutex 0x601040 held by thread 7", "스레드 7이 잡고 있는 뮤텍스 0x601040을 기다림"},
		{New(SJFShortest, Sub("burst", New(BurstLeftTau, Num("left", 2.5), Num("n", 6.5)))),
			"SJF: shortest next CPU burst (2.5 ticks left of τ = 6.5 predicted)", "SJF: 다음 CPU 버스트가 가장 짧음 (예측값 τ = 6.5 중 2.5틱 남음)"},
		{New(KilledByCore, Name("sig", "SIGSEGV")), "killed by SIGSEGV (core dumped)", "시그널로 종료: SIGSEGV (코어 덤프)"},
		{Text{}, "", ""},
		{New("no.such", Int("n", 1)), "no.such n=1", "no.such n=1"},
	} {
		if got := tt.text.String(); got != tt.en {
			t.Errorf("%s in English = %q, want %q", tt.text.Code, got, tt.en)
		}
		if got := tt.text.In(Korean); got != tt.ko {
			t.Errorf("%s in Korean = %q, want %q", tt.text.Code, got, tt.ko)
		}
	}
}

func TestCheck(t *testing.T) {
	good := []Text{
		New(RRQuantum, Int("q", 3)),
		New(WaitFor, Sub("obj", New(ObjMutex, Addr("addr", 16)))),
		New(HaltDone),
	}
	for _, x := range good {
		if err := Check(x); err != nil {
			t.Errorf("Check(%v): %v", x, err)
		}
	}
	bad := []Text{
		New("no.such"),
		New(RRQuantum),
		New(RRQuantum, Name("q", "3")),
		New(RRQuantum, Int("quantum", 3)),
		New(RRQuantum, Int("q", 3), Int("l", 1)),
		New(WaitFor, Sub("obj", New(ObjMutex))),
	}
	for _, x := range bad {
		if err := Check(x); err == nil {
			t.Errorf("Check(%+v) = nil, want an error", x)
		}
	}
}
