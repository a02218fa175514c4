package analysis

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"osplay/kernel/msg"
)

// Exercise questions on a finished run: a job's turnaround, response or
// waiting time, its completion, or an average, with the student's answer
// checked against the machine's metrics and explained, in English or in
// Korean.

// QuestionKind is what a question asks for.
type QuestionKind int

const (
	AskTurnaround QuestionKind = iota
	AskResponse
	AskWaiting
	AskCompletion
	AskAvgTurnaround
	AskAvgResponse
	AskAvgWaiting
)

var kindWords = [...]struct{ en, ko string }{
	AskTurnaround:    {"turnaround time", "반환 시간"},
	AskResponse:      {"response time", "응답 시간"},
	AskWaiting:       {"waiting time", "대기 시간"},
	AskCompletion:    {"completion time", "완료 시각"},
	AskAvgTurnaround: {"average turnaround time", "평균 반환 시간"},
	AskAvgResponse:   {"average response time", "평균 응답 시간"},
	AskAvgWaiting:    {"average waiting time", "평균 대기 시간"},
}

var questionKindNames = [...]string{"turnaround", "response", "waiting", "completion", "avg-turnaround", "avg-response", "avg-waiting"}

func (k QuestionKind) String() string {
	if int(k) < len(questionKindNames) {
		return questionKindNames[k]
	}
	return "QuestionKind(" + strconv.Itoa(int(k)) + ")"
}

// ParseQuestionKind reads a kind's name ("turnaround", "avg-waiting").
func ParseQuestionKind(s string) (QuestionKind, error) {
	for k, n := range questionKindNames {
		if n == s {
			return QuestionKind(k), nil
		}
	}
	return 0, fmt.Errorf("unknown question %q (choose one of %s)", s, strings.Join(questionKindNames[:], ", "))
}

// average reports whether the kind asks about all the jobs.
func (k QuestionKind) average() bool { return k >= AskAvgTurnaround }

// Question is one exercise question.
type Question struct {
	Kind      QuestionKind
	Job       string  // the job's name; empty for averages
	Expected  float64 // the right answer, in ticks
	Tolerance float64 // how far an answer may be from Expected
	Lang      string  // "en" (the default) or "ko"

	// How the answer is worked out, one line per language.
	WorkingEN, WorkingKO string
}

// NewQuestion asks about a job of a run (by its name or pid), or about
// the average over the completed jobs.
func NewQuestion(m Metrics, kind QuestionKind, job, lang string) (Question, error) {
	q := Question{Kind: kind, Lang: lang}
	if kind.average() {
		return q.average(m)
	}
	p, ok := m.Proc(job)
	if !ok {
		return q, fmt.Errorf("no job %q in the run", job)
	}
	if p.Completion < 0 {
		return q, fmt.Errorf("job %s has not completed", p.Name)
	}
	q.Job = p.Name
	switch kind {
	case AskTurnaround:
		q.Expected = float64(p.Turnaround)
		q.WorkingEN = fmt.Sprintf("turnaround = completion %d − arrival %d = %d", p.Completion, p.Arrival, p.Turnaround)
		q.WorkingKO = fmt.Sprintf("반환 시간 = 완료 시각 %d − 도착 시각 %d = %d", p.Completion, p.Arrival, p.Turnaround)
	case AskResponse:
		q.Expected = float64(p.Response)
		q.WorkingEN = fmt.Sprintf("response = first run %d − arrival %d = %d", p.FirstRun, p.Arrival, p.Response)
		q.WorkingKO = fmt.Sprintf("응답 시간 = 처음 실행 시각 %d − 도착 시각 %d = %d", p.FirstRun, p.Arrival, p.Response)
	case AskWaiting:
		q.Expected = float64(p.Waiting)
		if other := p.Turnaround - p.CPU - p.Blocked - p.Waiting; other == 0 {
			q.WorkingEN = fmt.Sprintf("waiting = turnaround %d − %d ticks on the CPU − %d ticks blocked = %d ticks in the ready queue",
				p.Turnaround, p.CPU, p.Blocked, p.Waiting)
			q.WorkingKO = fmt.Sprintf("대기 시간 = 반환 시간 %d − CPU 실행 %d − 입출력 대기 %d = 준비 큐에서 %d",
				p.Turnaround, p.CPU, p.Blocked, p.Waiting)
		} else {
			q.WorkingEN = fmt.Sprintf("waiting = %d ticks in the ready queue (the job queue and swapping not counted)", p.Waiting)
			q.WorkingKO = fmt.Sprintf("대기 시간 = 준비 큐에서 보낸 %d (작업 큐와 스왑 아웃 시간은 제외)", p.Waiting)
		}
	case AskCompletion:
		q.Expected = float64(p.Completion)
		q.WorkingEN = fmt.Sprintf("%s ends at tick %d", p.Name, p.Completion)
		q.WorkingKO = fmt.Sprintf("%s는 %d 틱에 끝납니다", p.Name, p.Completion)
	default:
		return q, fmt.Errorf("unknown question kind %d", kind)
	}
	return q, nil
}

func (q Question) average(m Metrics) (Question, error) {
	var terms []string
	var sum int64
	for _, p := range m.Procs {
		if p.Completion < 0 {
			continue
		}
		var v int64
		switch q.Kind {
		case AskAvgTurnaround:
			v = p.Turnaround
		case AskAvgResponse:
			v = p.Response
		case AskAvgWaiting:
			v = p.Waiting
		}
		sum += v
		terms = append(terms, strconv.FormatInt(v, 10))
	}
	if len(terms) == 0 {
		return q, fmt.Errorf("no job has completed")
	}
	n := len(terms)
	q.Expected = float64(sum) / float64(n)
	q.Tolerance = 0.01 // two decimals, rounded or cut
	value := strconv.FormatFloat(q.Expected, 'f', -1, 64)
	if q.Expected != math.Round(q.Expected*100)/100 {
		value = fmt.Sprintf("%d/%d ≈ %.2f", sum, n, q.Expected)
	}
	sumText := strings.Join(terms, " + ")
	q.WorkingEN = fmt.Sprintf("average = (%s) / %d = %s", sumText, n, value)
	q.WorkingKO = fmt.Sprintf("평균 = (%s) / %d = %s", sumText, n, value)
	return q, nil
}

// Questions asks every question a run allows: for each completed job its
// turnaround, response and waiting time, then the three averages.
func Questions(m Metrics, lang string) []Question {
	var out []Question
	for _, p := range m.Procs {
		for _, k := range []QuestionKind{AskTurnaround, AskResponse, AskWaiting} {
			if q, err := NewQuestion(m, k, p.Name, lang); err == nil {
				out = append(out, q)
			}
		}
	}
	for _, k := range []QuestionKind{AskAvgTurnaround, AskAvgResponse, AskAvgWaiting} {
		if q, err := NewQuestion(m, k, "", lang); err == nil {
			out = append(out, q)
		}
	}
	return out
}

func (q Question) korean() bool { return q.Lang == "ko" }

// Text is the question as the student reads it.
func (q Question) Text() string {
	w := kindWords[q.Kind]
	switch {
	case q.korean() && q.Job != "":
		return fmt.Sprintf("작업 %s의 %s%s 몇 틱입니까?", q.Job, w.ko, msg.Particle(w.ko, "은"))
	case q.korean():
		return fmt.Sprintf("%s%s 몇 틱입니까? (소수점 둘째 자리까지)", w.ko, msg.Particle(w.ko, "은"))
	case q.Job != "":
		return fmt.Sprintf("What is the %s of job %s, in ticks?", w.en, q.Job)
	}
	return fmt.Sprintf("What is the %s, in ticks? (two decimals)", w.en)
}

// Check reads the student's answer (a number such as 13, 5.67 or 17/3,
// optionally followed by "ticks") and says whether it is right, with the
// working.
func (q Question) Check(answer string) (ok bool, explanation string) {
	value, err := parseAnswer(answer)
	working := q.WorkingEN
	if q.korean() {
		working = q.WorkingKO
	}
	right := strconv.FormatFloat(q.Expected, 'f', -1, 64)
	if q.Expected != math.Round(q.Expected*100)/100 {
		right = fmt.Sprintf("%.2f", q.Expected)
	}
	if working == "" {
		working = right
		if q.korean() {
			working = "정답: " + right
		} else {
			working = "the answer is " + right
		}
	}
	if err != nil {
		if q.korean() {
			return false, "숫자로 답하세요 (예: 13, 5.67, 17/3)."
		}
		return false, "Please answer with a number (13, 5.67 or 17/3, for example)."
	}
	if math.Abs(value-q.Expected) <= q.Tolerance+1e-9 {
		if q.korean() {
			return true, "정답입니다. " + working + "."
		}
		return true, "Correct: " + working + "."
	}
	if q.korean() {
		return false, fmt.Sprintf("틀렸습니다 (답: %s). %s.", answer, working)
	}
	return false, fmt.Sprintf("Not quite: you answered %s, but %s.", strings.TrimSpace(answer), working)
}

// parseAnswer reads a number, a fraction a/b, or a decimal with a comma,
// with an optional unit after it.
func parseAnswer(s string) (float64, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	for _, unit := range []string{"ticks", "tick", "틱", "ms"} {
		s = strings.TrimSpace(strings.TrimSuffix(s, unit))
	}
	s = strings.ReplaceAll(s, ",", ".")
	if a, b, ok := strings.Cut(s, "/"); ok {
		x, err1 := strconv.ParseFloat(strings.TrimSpace(a), 64)
		y, err2 := strconv.ParseFloat(strings.TrimSpace(b), 64)
		if err1 != nil || err2 != nil || y == 0 {
			return 0, fmt.Errorf("not a fraction")
		}
		return x / y, nil
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, fmt.Errorf("not a number")
	}
	return x, nil
}
