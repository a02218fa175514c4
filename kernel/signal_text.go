package kernel

import "strconv"

// The English texts of the signal code, in one place: the causes of
// state changes and the messages of faults it makes. The page renders
// them in Korean (static/js/kerneltext.js).

func causeInterrupted(sig int) string    { return "interrupted by " + SignalName(sig) }
func causeStopped(sig int) string        { return "stopped by " + SignalName(sig) }
func causeSigwaitCame(sig int) string    { return "sigwait: " + SignalName(sig) + " arrived" }
func causeChildStopped(pid int) string   { return "child " + strconv.Itoa(pid) + " stopped" }
func causeChildContinued(pid int) string { return "child " + strconv.Itoa(pid) + " continued" }

const (
	causeContinued  = "continued by SIGCONT"
	causePause      = "pause: waiting for a signal"
	causeSigsuspend = "sigsuspend: waiting for a signal"
	causeSigwait    = "sigwait: waiting for a signal"

	faultNested    = "signal handlers nested too deep"
	faultSigreturn = "sigreturn with a bad signal frame"
	faultNoHandler = "no room for a signal frame or a bad handler address"
)
