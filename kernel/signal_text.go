package kernel

import "osplay/kernel/msg"

// The texts of the signal code, in one place: the causes of state changes
// and the messages of faults it makes, as texts of the catalogue.

func causeInterrupted(sig int) msg.Text {
	return msg.New(msg.SigInterrupted, msg.Name("sig", SignalName(sig)))
}
func causeStopped(sig int) msg.Text { return msg.New(msg.SigStopped, msg.Name("sig", SignalName(sig))) }
func causeSigwaitCame(sig int) msg.Text {
	return msg.New(msg.SigwaitCame, msg.Name("sig", SignalName(sig)))
}
func causeChildStopped(pid int) msg.Text { return msg.New(msg.WokeChildStopped, msg.Int("pid", pid)) }
func causeChildContinued(pid int) msg.Text {
	return msg.New(msg.WokeChildContinued, msg.Int("pid", pid))
}

var (
	causeContinued  = msg.New(msg.SigContinued)
	causePause      = waitCall("pause", WaitObject{Kind: WaitSignal})
	causeSigsuspend = waitCall("sigsuspend", WaitObject{Kind: WaitSignal})
	causeSigwait    = waitCall("sigwait", WaitObject{Kind: WaitSignal})

	faultNested    = msg.New(msg.FaultSigNested)
	faultSigreturn = msg.New(msg.FaultSigreturn)
	faultNoHandler = msg.New(msg.FaultNoHandler)
)
