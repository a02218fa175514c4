package exercises

import (
	"regexp"
	"strings"
)

// Feedback teaches without giving answers away. A check's message says
// what the run did, and on a failure where to look; what the check
// expected is kept apart (CheckResult.Expected) for the student to ask for
// after an attempt. No text of a check shows a number or word that a
// question of the same exercise asks for, until that question is answered
// right.

// The part of a message that says what was expected is marked with hide
// as it is written; shown drops it, revealed keeps it.
const hideOpen, hideClose = "\x1e", "\x1f"

func hide(s string) string { return hideOpen + s + hideClose }

var hiddenPart = lazyRegexp("\x1e[^\x1f]*\x1f")

func shown(s string) string { return hiddenPart().ReplaceAllString(s, "") }

func revealed(s string) string { return strings.NewReplacer(hideOpen, "", hideClose, "").Replace(s) }

// where is the view of the playground where a student sees what check c
// is about, said as a hint.
func (c *Check) where(lang string) string {
	ko, en := "", ""
	switch c.Type {
	case CheckOutput, CheckExit:
		ko, en = "콘솔", "the console"
	case CheckProcesses, CheckTree, CheckOrphans, CheckExec:
		ko, en = "프로세스 트리", "the process tree"
	case CheckZombies, CheckStates:
		ko, en = "상태 다이어그램과 프로세스 트리", "the state diagram and the process tree"
	case CheckMetric:
		ko, en = "간트 차트와 준비 큐", "the Gantt chart and the ready queue"
	case CheckDeadlock:
		ko, en = "대기 그래프", "the wait-for graph"
	case CheckGlobals:
		ko, en = "PCB의 전역 변수", "the globals in the PCB"
	case CheckSignals:
		ko, en = "PCB의 시그널과 이벤트 목록", "the signals in the PCB and the event list"
	case CheckSyscalls:
		ko, en = "이벤트 목록의 시스템 호출", "the system calls in the event list"
	case CheckBlocked:
		ko, en = "대기 큐와 대기 그래프", "the wait queues and the wait-for graph"
	case CheckExplore:
		ko, en = "스케줄 탐색(Explore)의 반례와 간트 차트의 선점 표시", "Explore's counterexample and the preemptions marked on the Gantt chart"
	case CheckPredict:
		ko, en = "콘솔과 타임라인: 실행(Run)하면 정해진 틱마다 멈추고 묻습니다", "the console and the timeline: Run stops to ask at each chosen tick"
	case CheckRaces, CheckGuards:
		ko, en = "경쟁 탐지기의 보고와 각 락이 지킨 변수", "the race detector's reports and the variables each lock guarded"
	default:
		return ""
	}
	return tr(lang, "볼 곳: "+ko+".", "Where to look: "+en+".")
}

// secret is what a question asks for, kept out of the other checks'
// texts until the question is answered right.
type secret struct {
	number bool
	text   string
}

// secrets are the answers of the questions of x not answered right in
// run t: the author's answer, the accepted ones, the number the question
// verifies in this run, and a choice's text.
func (x *Exercise) secrets(t *trace, passed map[string]bool, lang string) []secret {
	var out []secret
	for i := range x.Checks {
		c := &x.Checks[i]
		if c.Type != CheckQuestion || passed[c.ID] {
			continue
		}
		switch c.Format {
		case "number":
			out = append(out, secret{number: true, text: c.Answer})
			if c.Verify != nil && t != nil && t.ran() {
				if v, ok := c.Verify.measure(t); ok {
					out = append(out, secret{number: true, text: num(v)})
				}
			}
		case "choice":
			for _, ch := range c.Choices {
				if ch.ID == c.Answer {
					out = append(out, secret{text: ch.Text.In(lang)})
				}
			}
		default:
			for _, a := range append([]string{c.Answer}, c.Accept...) {
				out = append(out, secret{text: a})
			}
		}
	}
	return out
}

// conceal replaces in s every appearance of a secret: a number only where
// it stands alone (7 is not concealed in 17 or 7.5), a text only as whole
// words, ignoring case. It reports whether it replaced any.
func conceal(s string, secrets []secret) (string, bool) {
	hit := false
	for _, sc := range secrets {
		want := strings.TrimSpace(sc.text)
		if want == "" {
			continue
		}
		var re *regexp.Regexp
		if sc.number {
			if f, err := parseNumber(want); err == nil {
				want = num(f)
			}
			re = regexp.MustCompile(`(^|[^\d.])` + regexp.QuoteMeta(want) + `($|[^\d]|\.(\D|$))`)
			for re.MatchString(s) {
				s = re.ReplaceAllString(s, "${1}▢${2}")
				hit = true
			}
			continue
		}
		re = regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}])` + regexp.QuoteMeta(want) + `($|[^\p{L}\p{N}])`)
		for re.MatchString(s) {
			s, hit = re.ReplaceAllString(s, "${1}▢${2}"), true
		}
	}
	return s, hit
}

// teach turns the checks' results into feedback: messages without what
// was expected, a hint where to look on a failure, the expected results
// apart, and no question's answer in any of them.
func (x *Exercise) teach(rep *Report, t *trace, answers map[string]string) {
	lang := rep.Lang
	passed := map[string]bool{}
	for _, r := range rep.Checks {
		passed[r.ID] = r.Passed
	}
	secrets := x.secrets(t, passed, lang)
	note := tr(lang, " (▢: 이 페이지의 질문이 묻는 값입니다. 먼저 그 질문에 답하세요.)",
		" (▢: a question on this page asks for this; answer it first.)")
	for i := range rep.Checks {
		r, c := &rep.Checks[i], &x.Checks[i]
		if c.Type == CheckQuestion {
			if strings.TrimSpace(answers[c.ID]) != "" {
				r.Expected = c.answerText(lang)
			}
			continue
		}
		r.Expected, r.Message = revealed(r.Message), shown(r.Message)
		if !r.Passed {
			r.Hint = c.where(lang)
		}
		var hit [3]bool
		r.Title, hit[0] = conceal(r.Title, secrets)
		r.Message, hit[1] = conceal(r.Message, secrets)
		r.Expected, hit[2] = conceal(r.Expected, secrets)
		if hit[0] || hit[1] {
			r.Message += note
		}
	}
}

// answerText is a question's answer as the student would write it.
func (c *Check) answerText(lang string) string {
	if c.Format == "choice" {
		for _, ch := range c.Choices {
			if ch.ID == c.Answer {
				return ch.Text.In(lang)
			}
		}
	}
	return c.Answer
}
