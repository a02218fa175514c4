package api

import "sync/atomic"

// warmed is set once Warm has compiled the C library and run a program:
// until then a visitor would wait for the compile.
var warmed atomic.Bool

// Ready reports whether this server should be sent new visitors, and if
// not, why, as a code: warming_up (the C library is not compiled yet),
// shutdown (it is stopping: its pages are being told to reconnect
// elsewhere) or server_full (its sessions or its memory are near their
// bounds). A load balancer stops sending it visitors meanwhile; its
// sessions go on.
func (a *API) Ready() (ok bool, code string) {
	switch {
	case !warmed.Load():
		return false, "warming_up"
	case a.ctx.Err() != nil:
		return false, "shutdown"
	case a.memory.full() || a.Sessions() >= a.lim.MaxSessions:
		return false, codeServerFull
	}
	return true, ""
}
