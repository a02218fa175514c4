package cc

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// worker is this process's handle on one compiler worker process
// (worker_serve.go is the worker's side). It serves one compile at a time.
type worker struct {
	cmd    *exec.Cmd
	toW    *os.File // requests
	fromW  *os.File // replies
	enc    *gob.Encoder
	dec    *gob.Decoder
	known  map[string]bool // header sets the worker has been sent
	stderr *headBuffer
	done   chan struct{} // closed when the process has exited
	status error         // of the exited process
}

// workerExecutable finds the program a worker runs: this one
// (worker_linux.go has a better way).
var workerExecutable = os.Executable

// startWorker starts a worker process: this executable, with workerEnv set.
func startWorker() (*worker, error) {
	exe, err := workerExecutable()
	if err != nil {
		return nil, fmt.Errorf("finding this executable: %w", err)
	}
	reqR, reqW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("worker pipe: %w", err)
	}
	repR, repW, err := os.Pipe()
	if err != nil {
		reqR.Close()
		reqW.Close()
		return nil, fmt.Errorf("worker pipe: %w", err)
	}
	w := &worker{toW: reqW, fromW: repR, known: map[string]bool{}, stderr: &headBuffer{max: 4096}, done: make(chan struct{})}
	w.cmd = exec.Command(exe)
	w.cmd.Args = []string{filepath.Base(os.Args[0]) + "-cc-worker"} // as ps shows it
	w.cmd.Env = append(os.Environ(), workerEnv+"=1")
	w.cmd.ExtraFiles = []*os.File{reqR, repW}
	w.cmd.Stderr = w.stderr
	endWithParent(w.cmd)
	err = w.cmd.Start()
	reqR.Close()
	repW.Close()
	if err != nil {
		reqW.Close()
		repR.Close()
		return nil, fmt.Errorf("starting %s: %w", exe, err)
	}
	go func() {
		w.status = w.cmd.Wait()
		close(w.done)
	}()
	w.enc = gob.NewEncoder(w.toW)
	w.dec = gob.NewDecoder(w.fromW)
	return w, nil
}

// compile sends a job to the worker and waits for its reply, killing it at
// the deadline. keep is false when the worker must not be used again.
func (w *worker) compile(t *Toolchain, job *compileJob) (o *object, keep bool, err error) {
	files, err := readFolder(job.dir)
	if err != nil {
		return nil, true, ErrorList{{File: job.name, Msg: fmt.Sprintf("reading the program's folder: %v", err)}}
	}
	headerFiles, headersKey, err := t.wire.get()
	if err != nil {
		return nil, true, ErrorList{{File: job.name, Msg: err.Error()}}
	}
	req := &compileRequest{Name: job.name, Src: job.src, Files: files, HeadersKey: headersKey,
		ProcessMemory: job.limits.ProcessMemory, Deadline: job.limits.Deadline,
		CompilerMemory: job.limits.CompilerMemory, Stall: job.limits.stall}
	if !w.known[headersKey] {
		req.Headers = headerFiles
	}
	type answer struct {
		rep compileReply
		err error
	}
	answered := make(chan answer, 1)
	go func() {
		var a answer
		if a.err = w.enc.Encode(req); a.err == nil {
			a.err = w.dec.Decode(&a.rep)
		}
		answered <- a
	}()
	kill := time.NewTimer(job.limits.Deadline + grace)
	defer kill.Stop()
	select {
	case a := <-answered:
		if a.err != nil {
			return nil, false, w.failure(job, a.err)
		}
		w.known[headersKey] = true
		if a.rep.Object == nil {
			if len(a.rep.Errors) == 0 {
				return nil, false, ErrorList{{File: job.name, Msg: "compile failed without an error message"}}
			}
			if a.rep.Abandoned {
				limitsReached.deadline.Add(1)
			}
			return nil, !a.rep.Abandoned, a.rep.Errors
		}
		o, err := fromWire(a.rep.Object, job.limits.ProcessMemory)
		if err != nil {
			slog.Error("cc: a compiler worker sent a malformed object", "program", job.name, "err", err)
			return nil, false, ErrorList{{File: job.name, Msg: "internal compiler error: the compiler's answer was malformed"}}
		}
		return o, true, nil
	case <-kill.C:
		limitsReached.deadline.Add(1)
		w.kill()
		slog.Warn("cc: killed a compiler worker at its deadline", "program", job.name, "deadline", job.limits.Deadline)
		return nil, false, ErrorList{{File: job.name, Msg: deadlineMessage(job.limits.Deadline)}}
	}
}

// failure explains a worker that stopped answering: it went over its
// memory budget, or it crashed.
func (w *worker) failure(job *compileJob, ioErr error) error {
	select {
	case <-w.done:
	case <-time.After(grace):
		w.kill()
	}
	var exit *exec.ExitError
	stderr := w.stderr.String()
	switch {
	case errors.As(w.status, &exit) && exit.ExitCode() == exitMemory || strings.Contains(stderr, "out of memory"):
		limitsReached.memory.Add(1)
		return ErrorList{{File: job.name, Msg: memoryMessage(job.limits.CompilerMemory)}}
	case strings.Contains(stderr, "goroutine stack exceeds"):
		return ErrorList{{File: job.name, Msg: "compile stopped: the program nests too deeply (parentheses, blocks or declarators) for the compiler; simplify it"}}
	}
	slog.Error("cc: a compiler worker crashed", "program", job.name, "err", ioErr, "status", w.status, "stderr", stderr)
	return ErrorList{{File: job.name, Msg: "internal compiler error: the compiler crashed on this program; simplify it"}}
}

func (w *worker) kill() {
	w.cmd.Process.Kill()
	<-w.done
	w.close()
}

// stop ends a worker: closing its requests pipe makes it exit; one that
// does not (abandoned compile) is killed.
func (w *worker) stop() {
	w.close()
	select {
	case <-w.done:
	case <-time.After(grace):
		w.kill()
	}
}

func (w *worker) close() {
	w.toW.Close()
	w.fromW.Close()
}

// headBuffer keeps the first bytes written to it: a crashing worker's
// message comes first, its goroutine dump after.
type headBuffer struct {
	mu  sync.Mutex
	b   bytes.Buffer
	max int
}

func (h *headBuffer) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if room := h.max - h.b.Len(); room > 0 {
		h.b.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

func (h *headBuffer) String() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.b.String()
}
