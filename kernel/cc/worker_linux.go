package cc

import (
	"os/exec"
	"syscall"
)

// endWithParent has Linux kill the worker if this process dies first, even
// while the worker is stuck in a compile.
func endWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
