package sched

import (
	"fmt"
	"strconv"
	"strings"
)

// A spec names a policy and its options in one string, for a command line
// or a URL: the name, then a colon and comma-separated options.
//
//	fcfs
//	fcfs:wakefirst
//	rr:q=4
//	sjf:estimate,alpha=0.5,tau=10
//	priority:preemptive,aging=20
//	mlq:quanta=8/16/0
//	mlfq:levels=3,q=10,allot=1,boost=100,stay,iobump
//	mlfq:quanta=1/2/4,allots=1/1/2
//	lottery:q=10,seed=7,transfer
//	cfs:latency=48,mingran=6
//	manual:q=1               (a quantum makes the manual policy preemptive)
//	rr:q=4,percpu,pin
//
// Lists (quanta, allots) go from the highest-priority queue down, as
// mlfq.py's -Q and -A.
var specKeys = map[string]string{
	"q": "q", "quantum": "q", "levels": "levels", "n": "levels", "queues": "levels",
	"quanta": "quanta", "Q": "quanta", "allot": "allot", "a": "allot", "allots": "allots",
	"A": "allots", "boost": "boost", "B": "boost", "stay": "stay", "S": "stay", "iobump": "iobump",
	"I": "iobump", "alpha": "alpha", "tau": "tau", "tau0": "tau", "estimate": "estimate",
	"preemptive": "preemptive", "preempt": "preemptive", "aging": "aging", "transfer": "transfer",
	"latency": "latency", "mingran": "mingran", "ask": "ask", "percpu": "percpu", "pin": "pin",
	"seed": "seed", "wakefirst": "wakefirst",
}

// ParseSpec reads a spec. Options it does not mention keep their zero
// value (the default); the name is canonical ("fifo" gives "fcfs").
func ParseSpec(spec string) (name string, o Options, err error) {
	name, rest, _ := strings.Cut(strings.TrimSpace(spec), ":")
	name = strings.ToLower(strings.TrimSpace(name))
	if canon, ok := aliases[name]; ok {
		name = canon
	}
	if _, ok := policies[name]; !ok {
		return "", o, fmt.Errorf("unknown scheduler %q (choose one of %s)", name, strings.Join(Names(), ", "))
	}
	if strings.TrimSpace(rest) == "" {
		return name, o, nil
	}
	for _, item := range strings.Split(rest, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		k, v, hasValue := strings.Cut(item, "=")
		key, ok := specKeys[strings.TrimSpace(k)]
		if !ok {
			key, ok = specKeys[strings.ToLower(strings.TrimSpace(k))]
		}
		if !ok {
			return "", o, fmt.Errorf("%s: unknown option %q", name, k)
		}
		if err := o.set(key, strings.TrimSpace(v), hasValue); err != nil {
			return "", o, fmt.Errorf("%s: %s: %w", name, item, err)
		}
	}
	if name == "manual" && o.Quantum > 0 {
		o.Preemptive = true
	}
	return name, o, nil
}

func (o *Options) set(key, v string, hasValue bool) error {
	flag := func(b *bool) error {
		if hasValue {
			return fmt.Errorf("takes no value")
		}
		*b = true
		return nil
	}
	whole := func(v string, n *int64, least int64) error {
		x, err := strconv.ParseInt(v, 10, 64)
		if err != nil || x < least || x > 1_000_000_000 {
			return fmt.Errorf("want a whole number of at least %d", least)
		}
		*n = x
		return nil
	}
	count := func(n *int64, least int64) error { return whole(v, n, least) }
	list := func(l *[]int64, least int64) error {
		*l = nil
		for _, f := range strings.Split(v, "/") {
			var x int64
			if err := whole(strings.TrimSpace(f), &x, least); err != nil {
				return err
			}
			*l = append(*l, x)
		}
		if len(*l) > MaxLevels {
			return fmt.Errorf("at most %d queues", MaxLevels)
		}
		return nil
	}
	decimal := func(x *float64, lo, hi float64) error {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < lo || f > hi {
			return fmt.Errorf("want a number from %g to %g", lo, hi)
		}
		*x = f
		return nil
	}
	if !hasValue {
		switch key {
		case "stay", "iobump", "estimate", "preemptive", "transfer", "ask", "percpu", "pin", "wakefirst":
		default:
			return fmt.Errorf("needs a value")
		}
	}
	switch key {
	case "q":
		return count(&o.Quantum, 1)
	case "levels":
		var n int64
		if err := count(&n, 1); err != nil {
			return err
		}
		if n > MaxLevels {
			return fmt.Errorf("at most %d queues", MaxLevels)
		}
		o.Levels = int(n)
	case "quanta":
		return list(&o.Quanta, 0)
	case "allot":
		var n int64
		if err := count(&n, 1); err != nil {
			return err
		}
		o.Allotments = []int64{n}
	case "allots":
		return list(&o.Allotments, 0) // the bottom queue may have none, as in mlfq.py

	case "boost":
		return count(&o.Boost, 0)
	case "stay":
		return flag(&o.Stay)
	case "iobump":
		return flag(&o.IOBump)
	case "alpha":
		return decimal(&o.Alpha, 0, 1)
	case "tau":
		return decimal(&o.Tau0, 0, 1e9)
	case "estimate":
		return flag(&o.Estimate)
	case "preemptive":
		return flag(&o.Preemptive)
	case "wakefirst":
		return flag(&o.WakeFirst)
	case "aging":
		return count(&o.Aging, 1)
	case "transfer":
		return flag(&o.Transfer)
	case "latency":
		return count(&o.Latency, 1)
	case "mingran":
		return count(&o.MinGranularity, 1)
	case "ask":
		return flag(&o.AskAlways)
	case "percpu":
		return flag(&o.PerCPU)
	case "pin":
		return flag(&o.Pin)
	case "seed":
		x, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return fmt.Errorf("want a whole number")
		}
		o.Seed = x
	}
	return nil
}

// Spec writes a policy and its options as a spec, leaving out defaults:
// the inverse of ParseSpec, with the options in a fixed order.
func Spec(name string, o Options) string {
	var items []string
	add := func(format string, args ...any) { items = append(items, fmt.Sprintf(format, args...)) }
	levels := func(l []int64) string {
		s := make([]string, len(l))
		for i, x := range l {
			s[i] = strconv.FormatInt(x, 10)
		}
		return strings.Join(s, "/")
	}
	if o.Quantum > 0 {
		add("q=%d", o.Quantum)
	}
	if o.Levels > 0 {
		add("levels=%d", o.Levels)
	}
	if len(o.Quanta) > 0 {
		add("quanta=%s", levels(o.Quanta))
	}
	switch {
	case len(o.Allotments) == 1:
		add("allot=%d", o.Allotments[0])
	case len(o.Allotments) > 1:
		add("allots=%s", levels(o.Allotments))
	}
	if o.Boost > 0 {
		add("boost=%d", o.Boost)
	}
	for _, f := range []struct {
		on   bool
		name string
	}{{o.Stay, "stay"}, {o.IOBump, "iobump"}, {o.Estimate, "estimate"}} {
		if f.on {
			add("%s", f.name)
		}
	}
	if o.Alpha > 0 {
		add("alpha=%s", num(o.Alpha))
	}
	if o.Tau0 > 0 {
		add("tau=%s", num(o.Tau0))
	}
	if o.Preemptive && !(name == "manual" && o.Quantum > 0) {
		add("preemptive")
	}
	if o.WakeFirst {
		add("wakefirst")
	}
	if o.Aging > 0 {
		add("aging=%d", o.Aging)
	}
	if o.Transfer {
		add("transfer")
	}
	if o.Latency > 0 {
		add("latency=%d", o.Latency)
	}
	if o.MinGranularity > 0 {
		add("mingran=%d", o.MinGranularity)
	}
	if o.AskAlways {
		add("ask")
	}
	if o.PerCPU {
		add("percpu")
	}
	if o.Pin {
		add("pin")
	}
	if o.Seed != 0 {
		add("seed=%d", o.Seed)
	}
	if len(items) == 0 {
		return name
	}
	return name + ":" + strings.Join(items, ",")
}
