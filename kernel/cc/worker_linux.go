package cc

import (
	"os/exec"
	"syscall"
)

// On Linux a worker runs /proc/self/exe: this very program, even when its
// file has since been replaced by a newer build that would not speak the
// same wire format.
func init() { workerExecutable = func() (string, error) { return "/proc/self/exe", nil } }

// endWithParent has Linux kill the worker if this process dies first, even
// while the worker is stuck in a compile.
func endWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
