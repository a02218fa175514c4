package analysis_test

import (
	"strings"
	"testing"

	"osplay/kernel"
	"osplay/kernel/analysis"
)

func TestQuestions(t *testing.T) {
	// SRTF: P1 0/8, P2 1/4, P3 2/9, P4 3/5.
	o, err := analysis.RunWorkload(mustWorkload(t, "P1 0 8\nP2 1 4\nP3 2 9\nP4 3 5"), kernel.Config{Sched: "stcf"})
	if err != nil {
		t.Fatal(err)
	}
	m := o.Metrics
	tests := []struct {
		kind    analysis.QuestionKind
		job     string
		lang    string
		answer  string
		ok      bool
		explain string
	}{
		{analysis.AskTurnaround, "P3", "en", "24", true, "Correct: turnaround = completion 26 − arrival 2 = 24."},
		{analysis.AskTurnaround, "P3", "en", "23", false, "Not quite: you answered 23, but turnaround = completion 26 − arrival 2 = 24."},
		{analysis.AskTurnaround, "P3", "ko", "24 틱", true, "정답입니다. 반환 시간 = 완료 시각 26 − 도착 시각 2 = 24."},
		{analysis.AskResponse, "P4", "en", "2 ticks", true, "first run 5 − arrival 3 = 2"},
		{analysis.AskWaiting, "P1", "en", "9", true, "turnaround 17 − 8 ticks on the CPU − 0 ticks blocked = 9"},
		{analysis.AskWaiting, "P1", "ko", "8", false, "틀렸습니다 (답: 8). 대기 시간 = 반환 시간 17 − CPU 실행 8 − 입출력 대기 0 = 준비 큐에서 9."},
		{analysis.AskCompletion, "5", "en", "10", true, "P4 ends at tick 10"}, // by pid
		{analysis.AskAvgWaiting, "", "en", "6.5", true, "(9 + 0 + 15 + 2) / 4 = 6.5"},
		{analysis.AskAvgWaiting, "", "en", "26/4", true, ""},
		{analysis.AskAvgWaiting, "", "ko", "6,5", true, "평균 = (9 + 0 + 15 + 2) / 4 = 6.5"},
		{analysis.AskAvgResponse, "", "en", "4.25", true, ""},
		{analysis.AskAvgTurnaround, "", "en", "13.1", false, ""},
		{analysis.AskAvgTurnaround, "", "en", "thirteen", false, "Please answer with a number"},
		{analysis.AskAvgTurnaround, "", "ko", "", false, "숫자로 답하세요"},
	}
	for _, tt := range tests {
		q, err := analysis.NewQuestion(m, tt.kind, tt.job, tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		ok, why := q.Check(tt.answer)
		if ok != tt.ok || !strings.Contains(why, tt.explain) {
			t.Errorf("%s %s %q: %v %q, want %v with %q", tt.kind, tt.job, tt.answer, ok, why, tt.ok, tt.explain)
		}
	}
	// A third: 5.67 and 5.66 both count (rounded or cut), 5.6 does not.
	o3, _ := analysis.RunWorkload(mustWorkload(t, "A 0 24\nB 0 3\nC 0 3"), kernel.Config{Sched: "rr:q=4"})
	q, _ := analysis.NewQuestion(o3.Metrics, analysis.AskAvgWaiting, "", "en")
	for answer, want := range map[string]bool{"5.67": true, "5.66": true, "17/3": true, "5.6": false} {
		if ok, why := q.Check(answer); ok != want {
			t.Errorf("average waiting 17/3, answer %s: %v (%s)", answer, ok, why)
		}
	}
	if !strings.Contains(q.WorkingEN, "17/3 ≈ 5.67") {
		t.Errorf("working %q", q.WorkingEN)
	}
	if got := q.Text(); got != "What is the average waiting time, in ticks? (two decimals)" {
		t.Errorf("text %q", got)
	}
	if got := (analysis.Question{Kind: analysis.AskResponse, Job: "B", Lang: "ko"}).Text(); got != "작업 B의 응답 시간은 몇 틱입니까?" {
		t.Errorf("text %q", got)
	}
	if n := len(analysis.Questions(m, "en")); n != 4*3+3 {
		t.Errorf("%d questions, want 15", n)
	}
	if _, err := analysis.NewQuestion(m, analysis.AskTurnaround, "P9", "en"); err == nil {
		t.Error("a question about a job that does not exist")
	}
	// A question made by hand explains with its value only.
	hand := analysis.Question{Kind: analysis.AskTurnaround, Job: "A", Expected: 7}
	if ok, why := hand.Check("7"); !ok || why != "Correct: the answer is 7." {
		t.Errorf("hand-made question: %v %q", ok, why)
	}
	for _, name := range []string{"turnaround", "avg-waiting"} {
		if k, err := analysis.ParseQuestionKind(name); err != nil || k.String() != name {
			t.Errorf("kind %s: %v %v", name, k, err)
		}
	}
}
