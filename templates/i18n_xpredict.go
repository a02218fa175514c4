package templates

// The strings of an exercise's predictions asked during the run
// (xpredict.js), of the prediction mode's questions on a variable
// (predict.js), and of a schedule's preemptions on the sequence chart
// (msc.js). They join the one catalog (i18n.go) when the package starts.
var xpredictCatalog = map[string]text{
	"predict.var":      {"What is the value of {v} after this step?", "이 단계 다음에 {v}의 값은 얼마일까요?"},
	"predict.varPid":   {"What is the value of {v} in pid {pid} after this step?", "이 단계 다음에 pid {pid}의 {v} 값은 얼마일까요?"},
	"predict.varOther": {"another value", "다른 값"},
	"predict.varGone":  {"the process has ended", "프로세스가 끝났음"},
	"msc.preempt":      {"preempted", "선점"},
	"msc.preemptBy":    {"{from} is preempted by the schedule: {to} runs", "스케줄에 의한 선점: {from} 대신 {to} 실행"},

	"xp.listTitle": {"Predictions asked during the run", "실행 중에 묻는 예측"},
	"xp.paused":    {"❚❚ The run stopped at tick {tick} to ask:", "❚❚ 실행이 틱 {tick}에서 멈추고 묻습니다:"},
	"xp.answer":    {"Answer and go on", "답하고 계속하기"},
	"xp.help":      {"Choose with the arrow keys or the number shown, or type a number; Enter answers. What comes next is shown after you answer.", "화살표 키나 번호로 고르거나 숫자를 입력하고 Enter를 누르세요. 답한 뒤에 다음이 보입니다."},
	"xp.choose":    {"Choose one of the lines first.", "먼저 줄 하나를 고르세요."},
	"xp.number":    {"Type a whole number first.", "먼저 정수를 입력하세요."},
	"xp.at":        {"tick {tick}:", "틱 {tick}:"},
	"xp.said":      {"you said {a}", "내 답: {a}"},
	"xp.missed":    {"passed without an answer: Reset, then Run to be asked", "답 없이 지나감: 처음으로 되돌린 뒤 실행하면 다시 묻습니다"},
	"xp.now":       {"asked now", "지금 묻는 중"},
	"xp.later":     {"asked when the run gets there", "실행이 그 틱에 이르면 묻습니다"},
}

func init() {
	for k, v := range xpredictCatalog {
		catalog[k] = v
	}
}
