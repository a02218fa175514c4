package libc

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// openPty returns the master side of a new pseudo-terminal and its slave.
func openPty(t *testing.T) (*os.File, *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals: %v", err)
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		master.Close()
		t.Skipf("unlockpt: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		master.Close()
		t.Skipf("ptsname: %v", e)
	}
	slave, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		master.Close()
		t.Skipf("open slave: %v", err)
	}
	return master, slave
}

// onTerminal runs a program with stdout and stderr on a terminal.
func onTerminal(t *testing.T, path, argv0, dir string, args ...string) string {
	t.Helper()
	master, slave := openPty(t)
	defer master.Close()
	cmd := exec.Command(path, args...)
	cmd.Args[0] = argv0
	cmd.Dir = dir
	cmd.Env = baseEnv
	cmd.Stdin = bytes.NewReader(nil)
	cmd.Stdout = slave
	cmd.Stderr = slave
	var out bytes.Buffer
	done := make(chan struct{})
	go func() {
		io.Copy(&out, master) // ends with EIO once every writer is gone
		close(done)
	}()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	slave.Close()
	cmd.Wait()
	<-done
	return out.String()
}

// On a terminal stdout is line buffered, and ls prints columns.
func TestTerminal(t *testing.T) {
	tc := native(t)
	t.Run("line-buffering", func(t *testing.T) {
		src := filepath.Join("testdata", "progs", "tty.c")
		dir := t.TempDir()
		got := onTerminal(t, tc.osplay(t, src), "./tty", dir)
		want := onTerminal(t, tc.glibc(t, src), "./tty", dir)
		if !strings.Contains(want, "isatty=1") {
			t.Fatalf("not on a terminal: %q", want)
		}
		diffText(t, "terminal", got, want)
	})
	t.Run("ls-columns", func(t *testing.T) {
		host, err := exec.LookPath("ls")
		if err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("ls (coreutils) is required: %v", err)
			}
			t.Skip("no ls")
		}
		dir := t.TempDir()
		sampleDir(t, dir)
		got := onTerminal(t, tc.osplay(t, filepath.Join("bin", "ls.c")), "ls", dir)
		want := onTerminal(t, host, "ls", dir)
		if !strings.Contains(want, "\t") {
			t.Fatalf("ls did not print columns: %q", want)
		}
		diffText(t, "terminal", got, want)
	})
}
