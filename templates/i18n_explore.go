package templates

// The strings of the explorer's panel, the race detector's view and the
// prediction mode, in English and Korean; they join the one catalog
// (i18n.go) when the package starts.
var exploreCatalog = map[string]text{
	"btn.explore":           {"Explore", "탐색"},
	"btn.exploreTitle":      {"Run the program under many schedules and look for one that breaks it (X)", "여러 스케줄로 실행해 프로그램을 깨뜨리는 스케줄을 찾습니다 (X)"},
	"ex.title":              {"Schedule explorer", "스케줄 탐색기"},
	"ex.help":               {"A program that printed the right answer once may still be wrong. The explorer runs it under many schedules (one CPU, a program choosing who runs) and stops at the first that fails: a crash, a deadlock, a data race (with the race detector on), or an output or exit status other than the first run's.", "한 번 맞는 답을 출력한 프로그램도 틀릴 수 있습니다. 탐색기는 프로그램을 여러 스케줄(CPU 하나, 누가 실행될지는 탐색기가 고름)로 실행하다가 처음 실패한 스케줄에서 멈춥니다. 실패란 비정상 종료, 교착 상태, 데이터 경쟁(경쟁 검출기를 켰을 때), 또는 첫 실행과 다른 출력이나 종료 상태입니다."},
	"ex.strategy":           {"Strategy", "전략"},
	"ex.pct":                {"PCT (random priorities)", "PCT (무작위 우선순위)"},
	"ex.exhaustive":         {"Exhaustive (every schedule)", "전수 (모든 스케줄)"},
	"ex.random":             {"Random", "무작위"},
	"ex.depth":              {"Depth (preemptions per run)", "깊이 (실행마다 선점 수)"},
	"ex.depthHelp":          {"PCT: the priority change points of a run, each a preemption it may insert. Depth 1 finds a lost update; 2 most other bugs.", "PCT: 한 실행의 우선순위 변경 지점 수. 지점마다 선점을 하나 넣을 수 있습니다. 깊이 1이면 갱신 손실을, 2면 대부분의 다른 버그를 찾습니다."},
	"ex.preemptions":        {"Preemptions (exhaustive)", "선점 수 (전수)"},
	"ex.runs":               {"Runs", "실행 수"},
	"ex.stop":               {"Stop", "중지"},
	"ex.open":               {"Open the failing run", "실패한 실행 열기"},
	"ex.clear":              {"Back to the normal schedule", "보통 스케줄로 돌아가기"},
	"ex.progress":           {"{strategy}: {runs} runs, {rate} runs/s", "{strategy}: {runs}회 실행, 초당 {rate}회"},
	"ex.progressDepth":      {"depth {depth} (preemptions per run: {depth})", "깊이 {depth} (실행마다 선점 {depth}번)"},
	"ex.progressK":          {"preemptions per schedule: at most {k}", "선점 최대 {k}번"},
	"ex.bound":              {"{threads} threads, {steps} steps: a bug that needs no more than {depth} preemption(s) would have been found with probability ≥ {p}", "스레드 {threads}개, 단계 {steps}개: 선점이 {depth}번 이하 필요한 버그라면 확률 {p} 이상으로 찾았을 것입니다"},
	"ex.found":              {"✗ Failing schedule found at run {run}", "✗ {run}번째 실행에서 실패하는 스케줄을 찾았습니다"},
	"ex.schedule":           {"Schedule {s}: preemptions {p}, switches {n} (shortened from {found})", "스케줄 {s}: 선점 {p}번, 전환 {n}번 ({found}번에서 줄임)"},
	"ex.expected":           {"Expected output", "기대한 출력"},
	"ex.got":                {"This run's output", "이 실행의 출력"},
	"ex.none":               {"✓ No failing schedule in {runs} runs.", "✓ {runs}번 실행에서 실패한 스케줄이 없습니다."},
	"ex.noneExhausted":      {"✓ No failing schedule: every schedule with no more than {k} preemption(s) passed ({runs} runs).", "✓ 실패한 스케줄 없음: 선점이 {k}번 이하인 모든 스케줄이 통과했습니다 ({runs}번 실행)."},
	"ex.stopped":            {"Stopped: no failing schedule so far ({runs} runs).", "중지됨: 지금까지 실패한 스케줄 없음 ({runs}번 실행)."},
	"ex.deadline":           {"Stopped at the server's time limit ({runs} runs): no failing schedule so far. A program that never ends or forks without end takes every run's time.", "서버의 시간 제한에서 멈췄습니다 ({runs}번 실행): 지금까지 실패한 스케줄 없음. 끝나지 않거나 끝없이 fork하는 프로그램은 실행마다 시간을 다 씁니다."},
	"ex.memory":             {"Stopped: a run used more memory than a run may ({runs} runs).", "중지됨: 한 실행이 허용된 메모리보다 많이 썼습니다 ({runs}번 실행)."},
	"ex.first":              {"The first run already fails, under the default schedule.", "첫 실행(기본 스케줄)부터 실패합니다."},
	"ex.replaying":          {"Replaying schedule {s}: its preemptions are marked ▼ on the Gantt chart.", "스케줄 {s}를 재생합니다. 선점은 간트 차트에 ▼로 표시됩니다."},
	"ex.compile":            {"The program does not compile: see the errors in the editor.", "프로그램이 컴파일되지 않습니다. 편집기의 오류를 보세요."},
	"ex.failed":             {"The explorer could not run: {msg}", "탐색기를 실행할 수 없습니다: {msg}"},
	"gantt.preempt":         {"preempted by the schedule: {who} runs", "스케줄에 의한 선점: {who} 실행"},
	"settings.races":        {"Detect data races", "데이터 경쟁 검출"},
	"settings.schedule":     {"Schedule (from the explorer)", "스케줄 (탐색기가 찾은 것)"},
	"settings.scheduleHelp": {"Switches away from the default schedule, as the explorer prints them: 3@9:4 is \"at thread 3's point 9, thread 4 runs\". Empty: the policy above.", "기본 스케줄에서 벗어나는 전환, 탐색기가 출력한 그대로: 3@9:4는 \"스레드 3의 9번째 지점에서 스레드 4가 실행\". 비우면 위의 정책을 씁니다."},

	// Races in the page
	"race.title": {"Data races", "데이터 경쟁"},
	"race.help":  {"Two accesses to the same variable by different threads, one a write, with no synchronisation ordering them. Both lines are highlighted in the editor.", "서로 다른 스레드가 같은 변수에 접근하고 그중 하나가 쓰기이며, 둘 사이에 순서를 정하는 동기화가 없는 경우입니다. 두 줄 모두 편집기에 강조됩니다."},
	"race.show":  {"Show in the editor", "편집기에서 보기"},
	"race.count": {"{n} data races", "데이터 경쟁 {n}건"},

	// Prediction mode
	"predict.toggle":  {"Predict before each step", "단계마다 먼저 예측하기"},
	"predict.title":   {"Predict, then see", "예측하고 확인하기"},
	"predict.next":    {"Which process or thread runs next?", "다음에 어느 프로세스나 스레드가 실행될까요?"},
	"predict.state":   {"Which state does pid {pid} move to next?", "pid {pid}는 다음에 어느 상태로 바뀔까요?"},
	"predict.procs":   {"How many processes exist after this fork?", "이 fork 다음에 프로세스는 몇 개일까요?"},
	"predict.line":    {"Which line prints next?", "다음에 어느 줄이 출력될까요?"},
	"predict.answer":  {"Answer", "답하기"},
	"predict.skip":    {"Skip", "건너뛰기"},
	"predict.right":   {"✓ Right: {a}", "✓ 맞았습니다: {a}"},
	"predict.wrong":   {"✗ Not quite: you said {g}, it was {a}", "✗ 아닙니다: {g}라고 했지만 답은 {a}"},
	"predict.score":   {"Predictions: {right} of {n} right ({pct}%)", "예측: {n}개 중 {right}개 맞음 ({pct}%)"},
	"predict.help":    {"Choose with the arrow keys or the number shown, then Enter. The step is revealed after you answer.", "화살표 키나 번호로 고르고 Enter를 누르세요. 답한 뒤에 단계가 보입니다."},
	"predict.other":   {"another line", "다른 줄"},
	"predict.nothing": {"nothing printed", "출력 없음"},
}

func init() {
	for k, v := range exploreCatalog {
		catalog[k] = v
	}
}
