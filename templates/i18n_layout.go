package templates

// The strings of the playground's frame: the views a student chooses,
// the keyboard's list, and what the page says aloud to a screen reader.
// They join the one catalog (i18n.go) when the package starts.
var layoutCatalog = map[string]text{
	"btn.back":          {"Back", "뒤로"},
	"btn.backTitle":     {"Go back one tick: the run is replayed up to it (B)", "한 틱 뒤로: 그 틱까지 다시 실행합니다 (B)"},
	"views.choose":      {"Views", "보기"},
	"views.chooseTitle": {"Choose the views to show (V); the choice is kept in this browser", "보여 줄 보기 고르기 (V). 이 브라우저에 기억됩니다"},
	"keys.close":        {"Close", "닫기"},
	"keys.then":         {"then", "다음에"},
	"keys.run":          {"Compile and run, or go on running", "컴파일하고 실행, 또는 이어서 실행"},
	"keys.pause":        {"Pause", "일시 정지"},
	"keys.step":         {"Run one instruction", "명령어 하나 실행"},
	"keys.stepEvent":    {"Run to the next kernel event", "다음 커널 사건까지 실행"},
	"keys.stepSyscall":  {"Run to the next system call", "다음 시스템 호출까지 실행"},
	"keys.back":         {"Go back one tick (rewind)", "한 틱 뒤로 (되감기)"},
	"keys.timeline":     {"Move to the timeline; then ← → go back and forth a tick, Home goes to the start", "타임라인으로 이동. 그다음 ← → 로 한 틱씩 앞뒤로, Home으로 처음으로"},
	"keys.explore":      {"Explore the schedules", "스케줄 탐색"},
	"keys.views":        {"Go to the next or the previous view", "다음 보기나 이전 보기로 이동"},
	"keys.choose":       {"Choose the views to show", "보여 줄 보기 고르기"},
	"keys.input":        {"Go to the console's input line", "콘솔 입력 줄로 이동"},
	"keys.editor":       {"Leave the editor: Esc, then Tab", "편집기에서 나가기: Esc 다음에 Tab"},
	"keys.ganttZoom":    {"Zoom the Gantt chart in, out, to the whole run (while it has the focus)", "간트 차트 확대, 축소, 전체 실행 보기 (차트에 초점이 있을 때)"},
	"keys.list":         {"Show this list", "이 목록 보기"},
	"announce.input":    {"The program waits for input: type a line in the console", "프로그램이 입력을 기다립니다. 콘솔에 한 줄을 입력하세요"},
	"announce.done":     {"The run has ended at tick {tick}", "실행이 틱 {tick}에서 끝났습니다"},
	"announce.paused":   {"Paused at tick {tick}", "틱 {tick}에서 일시 정지"},
	"announce.running":  {"Running", "실행 중"},
	"announce.compile":  {"The program does not compile", "프로그램이 컴파일되지 않습니다"},
}

func init() {
	for k, v := range layoutCatalog {
		catalog[k] = v
	}
}
