package templates

// The strings of workloads, comparisons of policies, metrics, exercise
// questions and the manual scheduler's prompt, in English and Korean;
// they join the one catalog (i18n.go) when the package starts.
var schedCatalog = map[string]text{
	// The workload editor
	"wl.title":     {"Workload", "작업 부하"},
	"wl.help":      {"Jobs described by their bursts instead of code: each runs as a process. Bursts alternate CPU and I/O, as 5 io:3 2 (io:printer:3 for another device).", "코드 대신 버스트로 나타낸 작업입니다. 작업마다 프로세스 하나로 실행됩니다. 버스트는 CPU와 입출력을 번갈아 적습니다 (예: 5 io:3 2, 다른 장치는 io:printer:3)."},
	"wl.table":     {"Jobs", "작업"},
	"wl.name":      {"name", "이름"},
	"wl.arrival":   {"arrival", "도착"},
	"wl.bursts":    {"bursts", "버스트"},
	"wl.priority":  {"priority", "우선순위"},
	"wl.tickets":   {"tickets", "추첨권"},
	"wl.nice":      {"nice", "nice"},
	"wl.cpus":      {"CPUs", "CPU"},
	"wl.devices":   {"Devices", "장치"},
	"wl.device":    {"device", "장치"},
	"wl.serial":    {"one request at a time", "한 번에 요청 하나"},
	"wl.addJob":    {"Add a job", "작업 추가"},
	"wl.addDevice": {"Add a device", "장치 추가"},
	"wl.remove":    {"Remove", "삭제"},
	"wl.text":      {"As text", "텍스트로"},
	"wl.textHelp":  {"One job per line: name arrival bursts attributes (priority=1 tickets=50 nice=0 cpus=0,1); device NAME serial.", "한 줄에 작업 하나: 이름 도착 버스트 속성 (priority=1 tickets=50 nice=0 cpus=0,1). 장치는 device 이름 serial."},
	"wl.notes":     {"About this problem", "이 문제에 대하여"},
	"wl.ostep":     {"OSTEP problem", "OSTEP 문제"},
	"wl.ostepHelp": {"The options of the OSTEP homework simulator (scheduler.py, mlfq.py or process-run.py).", "OSTEP 숙제 시뮬레이터(scheduler.py, mlfq.py, process-run.py)의 옵션."},
	"wl.toText":    {"Edit as a workload", "작업 부하로 고치기"},
	"wl.empty":     {"Add a job to start.", "작업을 추가하세요."},

	// Comparing policies
	"cmp.title":     {"Compare scheduling policies", "스케줄링 정책 비교"},
	"cmp.lead":      {"The same workload under each policy, side by side: one Gantt chart and one table of metrics per policy.", "같은 작업 부하를 정책마다 실행해 나란히 보여 줍니다. 정책마다 간트 차트 하나와 지표 표 하나."},
	"cmp.policies":  {"Policies", "정책"},
	"cmp.policy":    {"Policy {n}", "정책 {n}"},
	"cmp.addPolicy": {"Add a policy", "정책 추가"},
	"cmp.run":       {"Compare", "비교"},
	"cmp.runTitle":  {"Run the workload under every policy (Ctrl+Enter)", "모든 정책으로 작업 부하 실행 (Ctrl+Enter)"},
	"cmp.running":   {"running…", "실행 중…"},
	"cmp.watch":     {"Watch it run", "실행 과정 보기"},
	"cmp.averages":  {"Averages by policy", "정책별 평균"},
	"cmp.best":      {"best", "가장 좋음"},
	"cmp.policyCol": {"policy", "정책"},
	"cmp.share":     {"Copy the link", "링크 복사"},
	"cmp.specHelp":  {"A policy and its options, as rr:q=4 or mlfq:boost=100", "정책과 옵션 (예: rr:q=4, mlfq:boost=100)"},

	// Metrics
	"m.title":           {"Metrics", "지표"},
	"m.pid":             {"pid", "pid"},
	"m.name":            {"name", "이름"},
	"m.arrival":         {"arrival", "도착"},
	"m.first":           {"first run", "처음 실행"},
	"m.completion":      {"completion", "완료"},
	"m.turnaround":      {"turnaround", "반환 시간"},
	"m.response":        {"response", "응답 시간"},
	"m.waiting":         {"waiting", "대기 시간"},
	"m.cpu":             {"cpu", "CPU 시간"},
	"m.switches":        {"switches", "문맥 교환"},
	"m.average":         {"average", "평균"},
	"m.averageChildren": {"average of the children", "자식 프로세스 평균"},
	"m.util":            {"CPU utilisation", "CPU 이용률"},
	"m.throughput":      {"throughput", "처리량"},
	"m.per100":          {"per 100 ticks", "100틱당"},
	"m.ctx":             {"context switches", "문맥 교환"},
	"m.ticks":           {"ticks", "틱"},
	"m.cut":             {"The chart shows the first part of the run only.", "차트는 실행의 앞부분만 보여 줍니다."},
	"m.help":            {"turnaround = completion − arrival; response = first run − arrival; waiting = ticks in the ready queue.", "반환 시간 = 완료 − 도착, 응답 시간 = 처음 실행 − 도착, 대기 시간 = 준비 큐에서 보낸 틱."},
	"m.live":            {"Metrics of the run", "실행 지표"},
	"m.after":           {"The metrics and questions appear when the run has finished.", "실행이 끝나면 지표와 문제가 나타납니다."},
	"m.manual":          {"With the manual scheduler the run depends on your choices: the metrics are not computed here.", "수동 스케줄러에서는 실행이 여러분의 선택에 달려 있어 여기서 지표를 계산하지 않습니다."},

	// Questions
	"q.title":  {"Questions", "문제"},
	"q.help":   {"Work the answer out from the Gantt chart, then check it. Averages to two decimals (or as a fraction, 17/3).", "간트 차트에서 답을 구한 뒤 확인하세요. 평균은 소수점 둘째 자리까지 (또는 분수 17/3)."},
	"q.for":    {"Questions about the run under", "다음 정책의 실행에 대한 문제:"},
	"q.answer": {"Your answer", "답"},
	"q.check":  {"Check", "확인"},
	"q.right":  {"Right", "정답"},
	"q.wrong":  {"Not yet", "오답"},
	"q.hide":   {"Hide the figures while answering", "답하는 동안 지표 숨기기"},

	// The manual scheduler's prompt
	"ask.title": {"Who runs next on CPU {cpu}?", "CPU {cpu}에서 다음에 누가 실행될까요?"},
	"ask.help":  {"The manual scheduler waits for you: choose a ready process (or press its number).", "수동 스케줄러가 기다립니다. 준비된 프로세스를 고르세요 (번호 키도 됩니다)."},
}

func init() {
	for k, v := range schedCatalog {
		catalog[k] = v
	}
}
