// The kernel's texts in the page's language. The kernel explains itself in
// English: why a process changed state ("RR: quantum of 3 ticks expired"),
// why the machine stopped, what fault killed a process. kernelText gives
// the Korean of each text it knows, keeping the numbers, pids and names it
// carries, and returns any other text (or any text in English) unchanged.
import {language} from "./i18n.js";

// Korean particles after a number depend on how its last digit is read:
// 영/십/백/천 (0), 일 (1), 삼 (3), 육 (6), 칠 (7), 팔 (8) end in a consonant.
const FINAL = "013678";
const hasFinal = (n) => FINAL.includes(String(n).slice(-1));
const iga = (n) => `${n}${hasFinal(n) ? "이" : "가"}`;
// 으로 after a final consonant other than ㄹ (일, 칠, 팔 take 로).
const ro = (n) => `${n}${"036".includes(String(n).slice(-1)) ? "으로" : "로"}`;

// Texts without variable parts.
const EXACT = new Map([
  // Process states (kernel)
  ["init waits for orphans to reap", "init: 고아 프로세스를 회수하려고 기다림"],
  ["admitted", "승인됨"],
  ["admitted by the long-term scheduler", "장기 스케줄러가 승인함"],
  ["admitted: the child runs first", "승인됨: 자식 프로세스가 먼저 실행"],
  ["fork: the child runs first", "fork: 자식 프로세스가 먼저 실행"],
  ["in the job queue", "작업 큐에서 승인을 기다림"],
  ["waitpid: waiting for a child to exit", "waitpid: 자식 프로세스의 종료를 기다림"],
  ["read: waiting for input from the terminal", "read: 터미널 입력을 기다림"],
  ["input arrived", "입력이 도착함"],
  ["end of input", "입력이 끝남 (EOF)"],
  ["timer expired", "타이머 만료"],
  ["I/O done", "입출력 완료"],
  ["swapped in by the medium-term scheduler", "중기 스케줄러가 스왑 인함"],
  // Thread states (kernel)
  ["pthread_exit", "pthread_exit: 스레드 종료"],
  ["execve in another thread", "다른 스레드가 execve를 호출함"],
  ["exit(0): its last thread exited", "exit(0): 마지막 스레드가 종료됨"],
  // Signals (kernel/signal_text.go)
  ["continued by SIGCONT", "SIGCONT로 계속됨"],
  ["pause: waiting for a signal", "pause: 시그널을 기다림"],
  ["sigsuspend: waiting for a signal", "sigsuspend: 시그널을 기다림"],
  ["sigwait: waiting for a signal", "sigwait: 시그널을 기다림"],
  ["signal handlers nested too deep", "시그널 핸들러가 너무 깊게 중첩됨"],
  ["sigreturn with a bad signal frame", "잘못된 시그널 프레임으로 sigreturn"],
  ["no room for a signal frame or a bad handler address", "시그널 프레임을 놓을 자리가 없거나 핸들러 주소가 잘못됨"],
  // Why the machine stopped
  ["all processes finished", "모든 프로세스가 끝남"],
  ["deadlock: every process is waiting and nothing can wake them",
    "교착 상태: 모든 프로세스가 기다리고 있어 아무도 깨울 수 없음"],
  // Scheduling policies
  ["manual: the only ready task", "수동: 준비된 프로세스가 하나뿐"],
  // Faults (kernel/vm)
  ["NULL pointer dereference", "NULL 포인터 역참조"],
  ["access to unmapped memory", "매핑되지 않은 메모리에 접근"],
  ["write to read-only memory", "읽기 전용 메모리에 쓰기"],
  ["stack overflow", "스택 오버플로"],
  ["stack overflow (memory limit)", "스택 오버플로 (메모리 한도)"],
  ["stack overflow (variable-length array)", "스택 오버플로 (가변 길이 배열)"],
  ["stack overflow (call depth)", "스택 오버플로 (호출 깊이)"],
  ["stack overflow (too many nested calls)", "스택 오버플로 (중첩 호출이 너무 많음)"],
  ["integer division by zero", "정수를 0으로 나눔"],
  ["integer overflow in division", "나눗셈에서 정수 오버플로"],
  ["illegal instruction", "잘못된 명령어"],
  ["control reached a place with no code (did a function return without a value?)",
    "코드가 없는 곳으로 실행이 넘어감 (함수가 값 없이 반환했나요?)"],
]);

// A burst's length, as SJF and STCF word it.
function burst(s) {
  let m;
  if ((m = /^([-\d.]+) ticks left of ([-\d.]+)$/.exec(s))) return `${m[2]}틱 중 ${m[1]}틱 남음`;
  if ((m = /^([-\d.]+) ticks$/.exec(s))) return `${m[1]}틱`;
  if ((m = /^([-\d.]+) ticks left of τ = ([-\d.]+) predicted$/.exec(s))) return `예측값 τ = ${m[2]} 중 ${m[1]}틱 남음`;
  if ((m = /^τ = ([-\d.]+) ticks predicted$/.exec(s))) return `예측값 τ = ${m[1]}틱`;
  return s;
}

// Why the medium-term scheduler swapped a process out.
function swapWhy(s) {
  let m;
  if ((m = /^to make room for pid (\d+)$/.exec(s))) return `pid ${m[1]}의 자리를 만들려고`;
  if ((m = /^while it waits, to make room for pid (\d+)$/.exec(s))) return `기다리는 동안 pid ${m[1]}의 자리를 만들려고`;
  return null;
}

// Texts with variable parts: a pattern and its Korean, a string with $1…
// or a function of the match.
const PATTERNS = [
  // Signals (kernel/signal_text.go)
  [/^interrupted by (SIG\w+)$/, "$1에 의해 중단됨"],
  [/^stopped by (SIG\w+)$/, "$1에 의해 정지됨"],
  [/^sigwait: (SIG\w+) arrived$/, "sigwait: $1 도착"],
  [/^child (\d+) stopped$/, "자식 프로세스 $1 정지됨"],
  [/^child (\d+) continued$/, "자식 프로세스 $1 계속됨"],
  // Process states (kernel)
  [/^exit\((-?\d+)\): its last CPU burst is done$/, "exit($1): 마지막 CPU 버스트를 마침"],
  [/^killed by (.+?)( \(core dumped\))?$/, (m) => `시그널로 종료: ${m[1]}${m[2] ? " (코어 덤프)" : ""}`],
  [/^child (\d+) exited$/, "자식 프로세스 $1 종료"],
  [/^waitpid: waiting for child (\d+) to exit$/, "waitpid: 자식 프로세스 $1의 종료를 기다림"],
  [/^created by thread (\d+)$/, (m) => `스레드 ${iga(m[1])} 생성함`],
  [/^thread (\d+) exited$/, "스레드 $1 종료"],
  [/^pthread_join: waiting for thread (\d+) to exit$/, "pthread_join: 스레드 $1의 종료를 기다림"],
  [/^waiting for mutex (0x[0-9a-f]+) held by thread (\d+)$/, (m) => `뮤텍스 ${m[1]}을(를) 기다림 (스레드 ${iga(m[2])} 잡고 있음)`],
  [/^waiting for (mutex|futex) (0x[0-9a-f]+)$/, (m) => `${m[1] === "mutex" ? "뮤텍스" : "futex"} ${m[2]}을(를) 기다림`],
  [/^mutex (0x[0-9a-f]+) unlocked by thread (\d+)$/, (m) => `스레드 ${iga(m[2])} 뮤텍스 ${m[1]}을(를) 풂`],
  [/^futex (0x[0-9a-f]+) woken by thread (\d+)$/, (m) => `스레드 ${iga(m[2])} futex ${m[1]}에서 깨움`],
  [/^I\/O on (.+) for (\d+) ticks$/, "$1 장치에서 $2틱 동안 입출력"],
  [/^(.+): I\/O done$/, "$1: 입출력 완료"],
  [/^long-term scheduler: pid (\d+) waits in the job queue \(degree of multiprogramming (\d+) reached\)$/,
    "장기 스케줄러: pid $1, 작업 큐에서 대기 (다중 프로그래밍 정도 $2에 도달)"],
  [/^medium-term scheduler: pid (\d+) swapped in$/, "중기 스케줄러: pid $1 스왑 인"],
  [/^medium-term scheduler: pid (\d+) swapped out (.+)$/, (m) => {
    const why = swapWhy(m[2]);
    return why ? `중기 스케줄러: ${why} pid ${m[1]} 스왑 아웃` : null;
  }],
  [/^swapped out (.+)$/, (m) => {
    const why = swapWhy(m[1]);
    return why ? `${why} 스왑 아웃됨` : null;
  }],
  [/^(.+); swapped out: memory holds (\d+) processes$/,
    (m) => `${translate(m[1])}; 스왑 아웃: 메모리에는 프로세스를 ${m[2]}개까지만 둠`],
  [/^ticket transfer: pid (\d+) lends (\d+) tickets to pid (\d+) while it waits$/,
    "추첨권 양도: 기다리는 동안 pid $1의 추첨권 $2장을 pid $3에게 빌려줌"],
  [/^ticket transfer: pid (\d+) takes its tickets back$/, "추첨권 양도: pid $1, 빌려준 추첨권을 돌려받음"],
  // Why the machine stopped
  [/^instruction limit of (\d+) ticks reached: is there an infinite loop\?$/,
    "실행 한도 $1틱에 도달: 무한 루프가 있지 않나요?"],
  [/^instruction limit of (\d+) VM instructions reached: is there an infinite loop\?$/,
    "명령어 한도(VM 명령어 $1개)에 도달: 무한 루프가 있지 않나요?"],
  [/^output limit of (\d+) bytes reached$/, "출력 한도 $1바이트에 도달"],
  [/^internal error: (.*)$/s, "내부 오류: $1"],
  [/^choose who runs next on cpu(\d+): ready (.*)$/, "cpu$1에서 다음에 실행할 프로세스를 고르세요: 준비 $2"],
  // Faults (kernel/vm)
  [/^string longer than (\d+) bytes$/, "문자열이 $1바이트보다 긺"],
  [/^call through a bad function pointer (0x[0-9a-f]+)$/, "잘못된 함수 포인터 $1(으)로 호출"],
  [/^illegal instruction (\d+)$/, "잘못된 명령어 $1"],
  [/^internal VM error: (.*)$/s, "VM 내부 오류: $1"],

  // Scheduling policies (kernel/sched)
  [/^FCFS: first in the ready queue \(ready since tick (\d+)\)$/, "FCFS: 준비 큐의 맨 앞 ($1틱부터 준비)"],
  [/^FCFS: pid (\d+)'s wait is over and it runs at once \(wake first\)$/,
    "FCFS: pid $1의 대기가 끝나 곧바로 실행 (깨어난 프로세스 먼저)"],
  [/^RR: head of the ready queue \(ready since tick (\d+)\)$/, "RR: 준비 큐의 맨 앞 ($1틱부터 준비)"],
  [/^RR: quantum of (\d+) ticks expired$/, "RR: 타임 퀀텀 $1틱 만료"],
  [/^RR: first slice of (\d+) ticks expired \(the clock's next interrupt\)$/, "RR: 첫 타임 슬라이스 $1틱 만료 (다음 클록 인터럽트)"],
  [/^SJF: shortest next CPU burst \((.+)\)$/, (m) => `SJF: 다음 CPU 버스트가 가장 짧음 (${burst(m[1])})`],
  [/^SJF: the only ready task \((.+)\)$/, (m) => `SJF: 준비된 작업이 하나뿐 (${burst(m[1])})`],
  [/^STCF: shortest time to completion \((.+)\)$/, (m) => `STCF: 남은 실행 시간이 가장 짧음 (${burst(m[1])})`],
  [/^STCF: the only ready task \((.+)\)$/, (m) => `STCF: 준비된 작업이 하나뿐 (${burst(m[1])})`],
  [/^STCF: pid (\d+) needs ([-\d.]+) ticks, less than the ([-\d.]+) left to pid (\d+)$/,
    "STCF: pid $1에 필요한 $2틱이 pid $4에 남은 $3틱보다 짧음"],
  [/^priority: highest priority in the ready queue \((-?\d+)\)$/, "우선순위: 준비 큐에서 우선순위가 가장 높음 ($1)"],
  [/^priority: highest priority in the ready queue \((-?\d+): its own (-?\d+), raised by aging after (\d+) ticks of waiting\)$/,
    "우선순위: 준비 큐에서 우선순위가 가장 높음 ($1: 원래 $2, $3틱을 기다려 에이징으로 높아짐)"],
  [/^priority: pid (\d+) has aged to priority (-?\d+), above the running pid (\d+) \((-?\d+)\)$/,
    "우선순위: 에이징으로 pid $1의 우선순위가 실행 중인 pid $3보다 높아짐 ($2 대 $4)"],
  [/^priority: pid (\d+) \(priority (-?\d+)\) is above the running pid (\d+) \(priority (-?\d+)\)$/,
    "우선순위: pid $1(우선순위 $2)의 우선순위가 실행 중인 pid $3(우선순위 $4)보다 높음"],
  [/^MLQ: head of queue (\d+) \((.+)\), the highest with a ready task$/, (m) => {
    const kind = m[2].replace(/^RR, quantum (\d+)$/, "RR, 타임 퀀텀 $1");
    return `MLQ: 준비된 작업이 있는 가장 높은 큐 ${m[1]}의 맨 앞 (${kind})`;
  }],
  [/^MLQ: quantum of (\d+) ticks expired in queue (\d+)$/, "MLQ: 큐 $2에서 타임 퀀텀 $1틱 만료"],
  [/^MLQ: pid (\d+) arrived in queue (\d+), above the running pid (\d+) in queue (\d+)$/,
    "MLQ: pid $1 도착: 큐 $2에 있어 큐 $4에서 실행 중인 pid $3보다 높음"],
  [/^MLFQ: used its allotment at queue (\d+): down to queue (\d+)$/,
    (m) => `MLFQ: 큐 ${m[1]}의 할당량을 다 써서 큐 ${ro(m[2])} 내려감`],
  [/^MLFQ: used its allotment at the bottom queue (\d+): stays there$/,
    "MLFQ: 맨 아래 큐 $1의 할당량을 다 썼지만 그대로 머묾"],
  [/^MLFQ: used a time slice of (\d+) ticks at queue (\d+) \((\d+) more before it moves down\)$/,
    "MLFQ: 큐 $2에서 타임 슬라이스 $1틱을 다 씀 (내려가기 전까지 $3번 더)"],
  [/^MLFQ: priority boost at tick (\d+) \(every (\d+) ticks\): every job back to the top queue (\d+)$/,
    (m) => `MLFQ: ${m[1]}틱에 우선순위 부스트 (${m[2]}틱마다): 모든 작업이 맨 위 큐 ${ro(m[3])} 돌아감`],
  [/^MLFQ: first in queue (\d+), the highest with a ready job \((\d+) ticks of its slice left\)$/,
    "MLFQ: 준비된 작업이 있는 가장 높은 큐 $1의 맨 앞 (타임 슬라이스 $2틱 남음)"],
  [/^MLFQ: priority boost: every job back in the top queue (\d+), and pid (\d+) is ahead$/,
    (m) => `MLFQ: 우선순위 부스트: 모든 작업이 맨 위 큐 ${m[1]}에 돌아왔고 pid ${iga(m[2])} 앞에 있음`],
  [/^MLFQ: pid (\d+) is ahead of it in queue (\d+)$/, (m) => `MLFQ: 큐 ${m[2]}에서 pid ${iga(m[1])} 앞에 있음`],
  [/^MLFQ: pid (\d+) used its allotment at queue (\d+): down to queue (\d+)$/,
    (m) => `MLFQ: pid ${iga(m[1])} 큐 ${m[2]}의 할당량을 다 써서 큐 ${ro(m[3])} 내려감`],
  [/^MLFQ: pid (\d+) is in queue (\d+), above the running pid (\d+) in queue (\d+)$/,
    "MLFQ: 큐 $2의 pid $1, 큐 $4에서 실행 중인 pid $3보다 높은 큐에 있음"],
  [/^MLFQ: pid (\d+), back from I\/O, goes to the front of queue (\d+), ahead of the running pid (\d+)$/,
    (m) => `MLFQ: 입출력에서 돌아온 pid ${iga(m[1])} 큐 ${m[2]}의 맨 앞, 실행 중인 pid ${m[3]}보다 앞에 섬`],
  [/^lottery: drew ticket (\d+) of (\d+); pid (\d+) holds tickets (\d+) to (\d+)$/,
    "복권: 추첨권 $2장 중 $1번 당첨, pid $3의 추첨권은 $4~$5번"],
  [/^lottery: quantum of (\d+) ticks expired: a new draw$/, "복권: 타임 퀀텀 $1틱 만료: 새로 추첨"],
  [/^stride: lowest pass value \(([-\d.]+); stride (\d+)\)$/, "보폭: 패스 값이 가장 작음 ($1, 보폭 $2)"],
  [/^stride: quantum of (\d+) ticks expired \(pass now ([-\d.]+)\)$/, "보폭: 타임 퀀텀 $1틱 만료 (이제 패스 값 $2)"],
  [/^CFS: smallest vruntime \(([-\d.]+); slice (\d+) ticks\)$/, "CFS: vruntime이 가장 작음 ($1, 타임 슬라이스 $2틱)"],
  [/^CFS: ran its slice of (\d+) ticks \(latency (\d+) × weight (\d+) \/ total (\d+)\)$/,
    "CFS: 타임 슬라이스 $1틱을 다 실행함 (지연 목표 $2 × 가중치 $3 / 전체 가중치 $4)"],
  [/^CFS: pid (\d+)'s vruntime ([-\d.]+) is more than (\d+) ticks below the running pid (\d+)'s ([-\d.]+)$/,
    (m) => `CFS: pid ${m[1]}의 vruntime ${iga(m[2])} 실행 중인 pid ${m[4]}의 ${m[5]}보다 ${m[3]}틱 넘게 작음`],
  [/^manual: you chose pid (\d+)$/, "수동: 직접 고른 pid $1"],
  [/^manual: the quantum of (\d+) ticks is over: choose who runs next$/,
    "수동: 타임 퀀텀 $1틱이 끝남: 다음에 실행할 프로세스를 고르세요"],
  [/^migrated from cpu(\d+)'s queue \(work stealing\); (.+)$/s,
    (m) => `cpu${m[1]}의 큐에서 옮겨 옴 (작업 훔치기); ${translate(m[2])}`],
];

function translate(text) {
  const exact = EXACT.get(text);
  if (exact !== undefined) return exact;
  for (const [re, ko] of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const out = typeof ko === "function" ? ko(m) : text.replace(re, ko);
    if (out != null) return out;
  }
  return text;
}

// kernelText returns text, a text of the kernel, in lang (the page's
// language when not given): Korean when it knows the text, else as it is.
export function kernelText(text, lang = language()) {
  if (!text || lang !== "ko") return text;
  return translate(String(text));
}
