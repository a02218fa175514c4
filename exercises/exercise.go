package exercises

import (
	"reflect"
	"strings"
)

// Languages an exercise is written in. Every text of an exercise has both.
const (
	Korean  = "ko"
	English = "en"
)

// Lang normalises a language tag ("ko-KR", "EN") to Korean or English;
// anything else is English.
func Lang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if tag == Korean || strings.HasPrefix(tag, "ko-") || strings.HasPrefix(tag, "ko_") {
		return Korean
	}
	return English
}

// Text is a text in both languages.
type Text struct {
	Ko string `json:"ko"`
	En string `json:"en"`
}

// In returns the text in lang (Korean or English).
func (t Text) In(lang string) string {
	if Lang(lang) == Korean {
		return t.Ko
	}
	return t.En
}

// IsZero reports whether neither language has text.
func (t Text) IsZero() bool { return t.Ko == "" && t.En == "" }

// Kind says what the student does with an exercise.
type Kind string

const (
	// KindExercise: the starter code is incomplete or wrong; the student
	// changes it until the checks pass.
	KindExercise Kind = "exercise"
	// KindObservation: the code is right as given (a lecture program); the
	// student runs it, watches, and answers the questions.
	KindObservation Kind = "observation"
)

// File is one file of a program: C sources, headers, input files.
type File struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// Exercise is one exercise, as its author wrote it: with the reference
// solution and the expected answers. It is the author's view; a student
// gets a Page, which leaves those out.
type Exercise struct {
	Slug   string   `json:"slug"`
	Kind   Kind     `json:"kind"`
	Topic  string   `json:"topic"`            // a key of Topics
	Order  int      `json:"order,omitempty"`  // position within its topic
	Slides []string `json:"slides,omitempty"` // lecture slides it follows ("3.26")
	Title  Text     `json:"title"`
	Run    Run      `json:"run"`
	Views  []string `json:"views,omitempty"` // the views to open first (see Views)
	// Predict opens the playground in prediction mode: each step asks
	// the student to predict it first.
	Predict bool    `json:"predict,omitempty"`
	Hints   []Text  `json:"hints,omitempty"`
	Checks  []Check `json:"checks"`

	Body     Text   `json:"body" fm:"-"`               // Markdown: "# ko" and "# en" sections
	Files    []File `json:"files" fm:"-"`              // starter code: "# files" section
	Solution []File `json:"solution,omitempty" fm:"-"` // hidden reference solution: "# solution" section

	Source string `json:"-" fm:"-"` // the file it was read from
}

// Run is how the checks run the program: the command line, its input and
// the machine's settings. The student's own runs start from these
// settings; Locked lists those they may not change.
type Run struct {
	Main       string   `json:"main,omitempty"`       // the C file to run; default the first .c file
	Argv       []string `json:"argv,omitempty"`       // arguments after the program's name
	Stdin      string   `json:"stdin,omitempty"`      // standard input; end of input after it
	Sched      string   `json:"sched,omitempty"`      // scheduling policy (kernel default: rr)
	Quantum    int64    `json:"quantum,omitempty"`    // RR time slice in ticks
	CPUs       int      `json:"cpus,omitempty"`       // 1 to 4
	Seed       int64    `json:"seed,omitempty"`       // random seed of randomised policies
	CtxSwitch  int64    `json:"ctxswitch,omitempty"`  // ticks a context switch costs
	ChildFirst bool     `json:"childFirst,omitempty"` // after fork the child runs first
	Monitor    string   `json:"monitor,omitempty"`    // a monitor's signal (<osplay/monitor.h>): hoare (default) or mesa
	MaxProcs   int      `json:"maxProcs,omitempty"`   // processes at once; fork fails with EAGAIN beyond
	MaxTicks   int64    `json:"maxTicks,omitempty"`   // CPU ticks before the run is stopped (DefaultMaxTicks)
	Locked     []string `json:"locked,omitempty"`     // settings the student may not change, or "all"

	races bool // the race detector is on: the exercise has races or guards checks
}

// Settings are the names of Run's settings a student may change in the
// playground, as Run.Locked and URL overrides name them.
var Settings = []string{"sched", "quantum", "cpus", "seed", "ctxswitch", "childFirst", "monitor"}

// IsLocked reports whether the student may not change setting name.
func (r Run) IsLocked(name string) bool {
	for _, l := range r.Locked {
		if l == name || l == "all" {
			return true
		}
	}
	return false
}

// DefaultMaxTicks bounds the CPU time of a check run: far more than any
// lecture program needs, little enough that an endless loop is reported
// within a second or so.
const DefaultMaxTicks = 5_000_000

// MaxFileBytes bounds one file of an exercise, and MaxFiles their number.
const (
	MaxFileBytes = 64 << 10
	MaxFiles     = 8
)

// Views are the views an exercise may ask the playground to open first.
var Views = []string{
	"code",    // the editor
	"console", // the terminal
	"tree",    // the process tree
	"states",  // the five-state diagram
	"queues",  // the ready and wait queues
	"gantt",   // the Gantt chart of the CPUs
	"pcb",     // the PCB inspector
	"memory",  // a process's address space
	"events",  // the event list
	"msc",     // the message sequence chart (IPC)
	"ipc",     // the IPC objects
	"waitfor", // the wait-for graph
}

// Topic is a row of the curriculum an exercise belongs to.
type Topic struct {
	Key    string `json:"key"`
	Title  Text   `json:"title"`
	Slides string `json:"slides,omitempty"`
}

// Topics are the curriculum's topics, in the order of the lectures.
var Topics = []Topic{
	{"process", Text{"프로세스와 메모리 구조", "The process and its memory"}, "3.4, 3.6–3.7"},
	{"states", Text{"프로세스 상태", "Process states"}, "3.4–3.5"},
	{"pcb", Text{"프로세스 제어 블록(PCB)", "The process control block (PCB)"}, "3.9–3.12"},
	{"queues", Text{"스케줄링 큐와 스케줄러", "Scheduling queues and schedulers"}, "3.13–3.16"},
	{"context-switch", Text{"문맥 교환", "Context switch"}, "3.17–3.18"},
	{"tree", Text{"프로세스 트리", "The process tree"}, "3.20–3.21"},
	{"fork", Text{"fork: 프로세스 생성", "fork: creating processes"}, "3.19, 3.25–3.26"},
	{"exec", Text{"exec 계열과 인수 벡터", "The exec family and argument vectors"}, "3.22, 3.27–3.29"},
	{"wait", Text{"wait와 종료 상태", "wait and the exit status"}, "3.23, 3.30"},
	{"zombie", Text{"좀비와 고아 프로세스", "Zombies and orphans"}, "3.20–3.23"},
	{"stdio", Text{"fork와 표준 입출력 버퍼", "fork and stdio buffers"}, "3.25"},
	{"sched", Text{"CPU 스케줄링", "CPU scheduling"}, ""},
	{"ipc", Text{"공유 메모리, 메시지 큐, 소켓", "Shared memory, message queues and sockets"}, "3.42–3.62"},
	{"signals", Text{"시그널", "Signals"}, ""},
	{"pipes", Text{"파이프와 FIFO", "Pipes and FIFOs"}, ""},
	{"threads", Text{"스레드와 경쟁 조건", "Threads and race conditions"}, ""},
	{"sync", Text{"동기화", "Synchronisation"}, "3.32–3.41"},
	{"deadlock", Text{"교착 상태", "Deadlock"}, ""},
}

func topicIndex(key string) int {
	for i, t := range Topics {
		if t.Key == key {
			return i
		}
	}
	return len(Topics)
}

// SolutionFiles is the program the reference solution runs: the starter
// files with the solution's files put in their place (and added).
func (x *Exercise) SolutionFiles() []File {
	if len(x.Solution) == 0 {
		return cloneFiles(x.Files)
	}
	return mergeFiles(x.Files, x.Solution)
}

// mergeFiles is base with every file of over replacing the one of the same
// name, or added after them.
func mergeFiles(base, over []File) []File {
	out := cloneFiles(base)
	for _, f := range over {
		found := false
		for i := range out {
			if out[i].Name == f.Name {
				out[i].Text = f.Text
				found = true
			}
		}
		if !found {
			out = append(out, f)
		}
	}
	return out
}

func cloneFiles(fs []File) []File { return append([]File(nil), fs...) }

// MainFile is the C file the run starts.
func (x *Exercise) MainFile() string {
	if x.Run.Main != "" {
		return x.Run.Main
	}
	for _, f := range x.Files {
		if strings.HasSuffix(f.Name, ".c") {
			return f.Name
		}
	}
	return ""
}

// Check returns the check with id, or nil.
func (x *Exercise) Check(id string) *Check {
	for i := range x.Checks {
		if x.Checks[i].ID == id {
			return &x.Checks[i]
		}
	}
	return nil
}

// Answers are the expected answers of the exercise's questions, by check
// id: what a student who got everything right would send.
func (x *Exercise) Answers() map[string]string {
	out := map[string]string{}
	for _, c := range x.Checks {
		if c.Type == CheckQuestion {
			out[c.ID] = c.Answer
		}
		if c.Type == CheckPredict {
			out[c.ID] = c.predictAnswers()
		}
	}
	return out
}

// equalFiles reports whether two programs are the same, file by file.
func equalFiles(a, b []File) bool { return reflect.DeepEqual(a, b) }
