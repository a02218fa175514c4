package kernel

import "osplay/kernel/sched"

// CanonicalSpec is cfg's policy as a spec, with the quantum and seed of
// cfg written in when the spec gives none: "rr" with Quantum 4 is
// "rr:q=4".
func CanonicalSpec(cfg Config) (string, error) {
	s := cfg.Sched
	if s == "" {
		s = DefaultSched
	}
	name, o, err := sched.ParseSpec(s)
	if err != nil {
		return "", err
	}
	if o.Quantum == 0 && cfg.Quantum > 0 && usesQuantum(name, o) {
		o.Quantum = cfg.Quantum
	}
	if o.Seed == 0 && name == "lottery" {
		o.Seed = cfg.Seed
	}
	return sched.Spec(name, o), nil
}

// usesQuantum reports whether a policy has a time slice.
func usesQuantum(name string, o sched.Options) bool {
	switch name {
	case "rr", "lottery", "stride", "mlq":
		return true
	case "mlfq":
		return len(o.Quanta) == 0
	case "manual":
		return o.Preemptive
	}
	return false
}
