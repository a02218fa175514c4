package cc

import "time"

// watch compiles a job in a new goroutine and waits for it, at most until
// its deadline. A goroutine cannot be stopped: when watch gives up, the
// compile is abandoned, still running, and the caller must end the process
// it runs in (a worker exits) or accept the leak (the in-process fallback).
//
// The front end's parser can loop for ever once its preprocessor has
// stopped early (FRONTEND-BUGS.md), and the preprocessor stops only on an
// error. So a compile still running after diagnoseAfter is checked by the
// preprocessor alone, which cannot hang: if it finds errors, the compile
// fails with them at once, rather than at the deadline with no reason.
func watch(job *compileJob, headers *headerSet) (o *object, abandoned bool, err error) {
	type result struct {
		o   *object
		err error
	}
	done := make(chan result, 1)
	go func() {
		if job.limits.stall {
			select {}
		}
		o, err := job.run(headers)
		done <- result{o, err}
	}()
	deadline := time.NewTimer(job.limits.Deadline)
	defer deadline.Stop()
	look := time.NewTimer(diagnoseAfter(job.limits.Deadline))
	defer look.Stop()
	for {
		select {
		case r := <-done:
			return r.o, false, r.err
		case <-look.C:
			errs := job.diagnose(headers)
			select {
			case r := <-done:
				return r.o, false, r.err
			default:
			}
			if len(errs) > 0 {
				return nil, true, errs
			}
		case <-deadline.C:
			return nil, true, ErrorList{{File: job.name, Msg: deadlineMessage(job.limits.Deadline)}}
		}
	}
}

// diagnoseAfter is how long a compile runs before the preprocessor alone
// looks for the reason it takes so long: far longer than a student's
// program takes (a few milliseconds), far shorter than the deadline.
func diagnoseAfter(deadline time.Duration) time.Duration {
	d := deadline / 5
	switch {
	case d > time.Second:
		return time.Second
	case d < 20*time.Millisecond:
		return 20 * time.Millisecond
	}
	return d
}
