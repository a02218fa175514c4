package api

import (
	"github.com/prometheus/client_golang/prometheus"

	"osplay/kernel"
	"osplay/kernel/cc"
)

// Metrics are the counters the server exports at /metrics. A nil *Metrics
// counts nothing, so sessions and handlers work without one (in tests).
type Metrics struct {
	reg          prometheus.Registerer
	sessions     prometheus.Gauge
	sessionsAll  prometheus.Counter
	runs         *prometheus.CounterVec
	ticks        prometheus.Counter
	messages     *prometheus.CounterVec
	in, out      prometheus.Counter // messages' two directions, looked up once: a running session counts two a batch
	errors       *prometheus.CounterVec
	batchSeconds prometheus.Histogram
	limits       *prometheus.CounterVec
}

// limitNames are the values of osplay_limits_total's label: every limit
// that can stop a run, refuse a request or kill a process. The kernel's
// own (max_ticks, max_instructions, max_output, max_total_memory and
// oom_kill, a process the OOM killer ended), the API's (memory_limit …
// too_large: the error codes of codes.go and doc.go) and the web server's
// rate_limited. Compiles have their own, osplay_compile_limits_total.
var limitNames = []string{
	"max_ticks", "max_instructions", "max_output", "max_total_memory", "oom_kill",
	codeMemoryLimit, codeEventsLimit, codeInputLimit, codeServerFull, codeBusy, codeDeadline,
	"too_many_sessions", "too_large", "rate_limited",
}

// apiLimit reports whether an error code is one of the API's limits.
func apiLimit(code string) bool {
	switch code {
	case codeMemoryLimit, codeEventsLimit, codeInputLimit, codeServerFull, codeBusy, codeDeadline, "too_many_sessions", "too_large":
		return true
	}
	return false
}

// NewMetrics makes the counters and registers them with reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		reg: reg,
		sessions: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "osplay_sessions", Help: "WebSocket sessions open now."}),
		sessionsAll: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "osplay_sessions_total", Help: "WebSocket sessions opened."}),
		runs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "osplay_runs_total", Help: "Programs started, by where (session, api) and outcome (ok, compile, error)."},
			[]string{"where", "outcome"}),
		ticks: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "osplay_ticks_total", Help: "Simulated ticks executed by all machines, replays included."}),
		messages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "osplay_ws_messages_total", Help: "WebSocket messages, by direction (in, out)."},
			[]string{"direction"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "osplay_errors_total", Help: "Errors reported to clients, by code."},
			[]string{"code"}),
		batchSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "osplay_batch_seconds", Help: "Time to advance a machine and encode one batch.",
			Buckets: []float64{.0001, .0005, .001, .005, .01, .05, .1, .5}}),
		limits: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "osplay_limits_total", Help: "Limits reached, by limit: runs stopped, requests refused, processes killed."},
			[]string{"limit"}),
	}
	reg.MustRegister(m.sessions, m.sessionsAll, m.runs, m.ticks, m.messages, m.errors, m.batchSeconds, m.limits, compileLimits{})
	for _, l := range limitNames {
		m.limits.WithLabelValues(l)
	}
	// Series that exist from the start, at zero, so dashboards see them.
	m.in = m.messages.WithLabelValues("in")
	m.out = m.messages.WithLabelValues("out")
	for _, where := range []string{"session", "api"} {
		for _, outcome := range []string{"ok", "compile", "error"} {
			m.runs.WithLabelValues(where, outcome)
		}
	}
	return m
}

// observe exports the API's gauges: the machines' memory against the
// budget, and the lines for the CPU and for the workers.
func (m *Metrics) observe(a *API) {
	if m == nil {
		return
	}
	m.reg.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "osplay_machine_memory_bytes", Help: "Memory the processes of every live machine have touched, in all."},
			func() float64 { return float64(a.memory.machines.Load()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "osplay_memory_budget_bytes", Help: "The memory the process may use (0: no budget); new work is refused past 85%."},
			func() float64 { return float64(a.memory.limit.Load()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "osplay_program_cache_bytes", Help: "Students' compiled programs kept for reuse, in bytes (bounded by --program-cache)."},
			func() float64 { return float64(kernel.ProgramCacheBytes()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "osplay_cpu_waiting", Help: "Sessions and runs waiting for a CPU slot."},
			func() float64 { return float64(a.cpu.queued()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "osplay_run_queue", Help: "Headless runs waiting for a worker."},
			func() float64 { return float64(a.workers.queued()) }),
	)
}

func (m *Metrics) sessionOpened() {
	if m != nil {
		m.sessions.Inc()
		m.sessionsAll.Inc()
	}
}

func (m *Metrics) sessionClosed() {
	if m != nil {
		m.sessions.Dec()
	}
}

func (m *Metrics) run(where, outcome string) {
	if m != nil {
		m.runs.WithLabelValues(where, outcome).Inc()
	}
}

func (m *Metrics) addTicks(n int64) {
	if m != nil && n > 0 {
		m.ticks.Add(float64(n))
	}
}

func (m *Metrics) message(direction string) {
	switch {
	case m == nil:
	case direction == "in":
		m.in.Inc()
	case direction == "out":
		m.out.Inc()
	default:
		m.messages.WithLabelValues(direction).Inc()
	}
}

func (m *Metrics) error(code string) {
	if m != nil {
		m.errors.WithLabelValues(code).Inc()
		if apiLimit(code) {
			m.limits.WithLabelValues(code).Inc()
		}
	}
}

// Limit counts a limit reached; name is one of limitNames (the web
// server's rate_limited, the kernel's limits as Limit.String gives them).
func (m *Metrics) Limit(name string) {
	if m != nil && name != "" {
		m.limits.WithLabelValues(name).Inc()
	}
}

// compileLimits exports the compiler's limits, which it counts itself
// (one count for the whole process, as its workers are).
type compileLimits struct{}

var compileLimitsDesc = prometheus.NewDesc("osplay_compile_limits_total",
	"Compiles stopped at a limit, by limit: deadline, memory, busy (no compiler free in time).", []string{"limit"}, nil)

func (compileLimits) Describe(ch chan<- *prometheus.Desc) { ch <- compileLimitsDesc }

func (compileLimits) Collect(ch chan<- prometheus.Metric) {
	c := cc.LimitsReached()
	for _, v := range []struct {
		name string
		n    int64
	}{{"deadline", c.Deadline}, {"memory", c.Memory}, {"busy", c.Busy}} {
		ch <- prometheus.MustNewConstMetric(compileLimitsDesc, prometheus.CounterValue, float64(v.n), v.name)
	}
}

func (m *Metrics) batch(seconds float64) {
	if m != nil {
		m.batchSeconds.Observe(seconds)
	}
}
