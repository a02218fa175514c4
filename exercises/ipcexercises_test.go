package exercises

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// The IPC exercises fail where they are meant to: each starter fails the
// checks of the behaviour it gets wrong and no other, the usual wrong
// fixes fail the check that catches them, and the other right fixes a
// student may find pass as the reference solution does.
func TestIPCExercisesFailWhereMeant(t *testing.T) {
	type edit struct{ old, new string }
	for _, tc := range []struct {
		name    string
		slug    string
		from    string // starter or solution
		file    string
		edits   []edit
		failing []string // the checks of the program that fail, in order; nil: every check passes
	}{
		{"parent-child starter", "pipe-parent-child", "starter", "", nil, []string{"output", "child-reads", "child-waits"}},
		{"ls|wc starter", "pipe-ls-wc", "starter", "", nil, []string{"output", "dup2"}},
		{"ls|wc with the write end left open in wc", "pipe-ls-wc", "solution", "pipeline.c",
			[]edit{{"\t\tdup2(fd[0], 0);\n\t\tclose(fd[0]);\n\t\tclose(fd[1]);\n", "\t\tdup2(fd[0], 0);\n\t\tclose(fd[0]);\n"}},
			[]string{"output", "no-hang"}},
		{"eof starter", "pipe-eof-close", "starter", "", nil, []string{"output", "no-reader-left", "no-deadlock"}},
		{"nonblocking starter", "pipe-nonblocking", "starter", "", nil, []string{"worked", "eagain"}},
		{"nonblocking with ioctl FIONBIO, as slide 41", "pipe-nonblocking", "solution", "poll.c",
			[]edit{{"#include <fcntl.h>\n", "#include <fcntl.h>\n#include <sys/ioctl.h>\n"},
				{"\tint flags = fcntl(fd[0], F_GETFL);\n\tfcntl(fd[0], F_SETFL, flags | O_NONBLOCK);\n", "\tint on = 1;\n\tioctl(fd[0], FIONBIO, &on);\n"}}, nil},
		{"sigpipe starter", "pipe-sigpipe", "starter", "", nil, []string{"output", "exit"}},
		{"fifo starter", "fifo-two-programs", "starter", "", nil, []string{"output", "nobody-stuck", "no-deadlock"}},
		{"ping-pong starter", "signal-ping-pong", "starter", "", nil, []string{"output", "pings", "pongs", "child-exit", "no-deadlock"}},
		{"ping-pong with the handler before fork and pause", "signal-ping-pong", "starter", "pingpong.c",
			[]edit{{"\tsignal(SIGUSR2, handler);\n", "\tsignal(SIGUSR1, handler);\n\tsignal(SIGUSR2, handler);\n"}, {"\t\tsignal(SIGUSR1, handler);\n", ""}}, nil},
		{"sigprocmask starter", "sigprocmask-pending", "starter", "", nil, []string{"output", "masked"}},
		{"sigprocmask never unblocked", "sigprocmask-pending", "solution", "critical.c",
			[]edit{{"\tsigprocmask(SIG_UNBLOCK, &usr1, NULL);\n", ""}}, []string{"output", "masked"}},
		{"sigchld starter", "sigchld-reap", "starter", "", nil, []string{"output", "no-zombie", "handled"}},
		{"sigchld reaped only at the end", "sigchld-reap", "starter", "server.c",
			[]edit{{"\tprintf(\"server: %d jobs reaped\\n\", reaped);\n", "\twhile (wait(NULL) > 0)\n\t\treaped++;\n\tprintf(\"server: %d jobs reaped\\n\", reaped);\n"}},
			[]string{"no-zombie", "handled"}},
		{"watchdog starter", "alarm-watchdog", "starter", "", nil, []string{"output", "worker-killed", "alarm", "in-time"}},
		{"watchdog with an alarm and no handler", "alarm-watchdog", "starter", "watchdog.c",
			[]edit{{"\t/* TODO: install the handler and set an alarm for two seconds */\n", "\talarm(2);\n"}},
			[]string{"output", "worker-killed", "alarm", "in-time"}},
		{"watchdog killing after an interrupted waitpid", "alarm-watchdog", "starter", "watchdog.c",
			[]edit{{"/* TODO: a handler for SIGALRM that kills the worker */\n", "static void on_alarm(int sig) { }\n"},
				{"\t/* TODO: install the handler and set an alarm for two seconds */\n\twaitpid(worker, &status, 0);\n",
					"\tstruct sigaction sa = {0};\n\tsa.sa_handler = on_alarm;\n\tsigaction(SIGALRM, &sa, NULL);\n\talarm(2);\n\tif (waitpid(worker, &status, 0) < 0) {\n\t\tkill(worker, SIGKILL);\n\t\twaitpid(worker, &status, 0);\n\t}\n"}}, nil},
		{"eintr starter", "eintr-restart", "starter", "", nil, []string{"output", "exit"}},
		{"eintr read again in a loop", "eintr-restart", "starter", "slowread.c",
			[]edit{{"#include <signal.h>\n", "#include <signal.h>\n#include <errno.h>\n"},
				{"\tint n = read(fd[0], buf, sizeof buf - 1);\n", "\tint n;\n\twhile ((n = read(fd[0], buf, sizeof buf - 1)) < 0 && errno == EINTR)\n\t\t;\n"}}, nil},
		{"bounded buffer starter", "shm-bounded-buffer", "starter", "", nil, []string{"output", "both-end"}},
		{"private mapping starter", "mmap-private-shared", "starter", "", nil, []string{"output"}},
		{"message types starter", "msgqueue-types", "starter", "", nil, []string{"output"}},
		{"message type 1 only: waits for ever", "msgqueue-types", "solution", "printq.c",
			[]edit{{"-3, 0);", "1, 0);"}}, []string{"output", "received"}},
		{"mq starter", "mq-priorities", "starter", "", nil, []string{"output"}},
		{"shm-posix.c as the lecture has it", "shm-sysv-fork", "starter", "", nil, []string{"output", "tree"}},
		{"date client starter", "date-server", "starter", "", nil, []string{"output", "refused", "tree", "all-end", "nobody-waits"}},
		{"rpc stub starter", "rpc-byte-order", "starter", "", nil, []string{"output"}},
		{"rpc stub with htonl before memcpy", "rpc-byte-order", "starter", "add.c",
			[]edit{{"\tint *v = p;\n\n\tif (x->pos + 8 > x->size)\n\t\treturn 0;\n\tmemcpy(x->buf + x->pos, &v[0], 4);\n\tmemcpy(x->buf + x->pos + 4, &v[1], 4);\n",
				"\tint *v = p;\n\tuint32_t a = htonl(v[0]), b = htonl(v[1]);\n\n\tif (x->pos + 8 > x->size)\n\t\treturn 0;\n\tmemcpy(x->buf + x->pos, &a, 4);\n\tmemcpy(x->buf + x->pos + 4, &b, 4);\n"}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			x := Get(tc.slug)
			if x == nil {
				t.Fatalf("no exercise %s", tc.slug)
			}
			files := map[string]string{}
			src := x.Files
			if tc.from == "solution" {
				src = x.SolutionFiles()
			}
			for _, f := range src {
				files[f.Name] = f.Text
			}
			for _, e := range tc.edits {
				if !strings.Contains(files[tc.file], e.old) {
					t.Fatalf("%q is not in %s", e.old, tc.file)
				}
				files[tc.file] = strings.Replace(files[tc.file], e.old, e.new, 1)
			}
			rep := x.Evaluate(files, x.Answers(), English)
			var failing []string
			for i, r := range rep.Checks {
				if !r.Passed && x.Checks[i].Type != CheckQuestion {
					failing = append(failing, r.ID)
				}
			}
			if !slices.Equal(failing, tc.failing) {
				t.Errorf("failing checks %v, want %v: %s", failing, tc.failing, describe(rep))
			}
		})
	}
}

// The lecture's shm-posix.c (slides 3.53-3.54) is the starter as the
// examples have it, and runs as on the slide.
func TestSharedMemoryLectureProgramVerbatim(t *testing.T) {
	lecture, err := os.ReadFile("../examples/shm-posix/shm-posix.c")
	if err != nil {
		t.Fatal(err)
	}
	x := Get("shm-sysv-fork")
	if len(x.Files) != 1 || x.Files[0].Text != string(lecture) {
		t.Fatalf("the starter is not the lecture's shm-posix.c")
	}
	rep := x.Evaluate(nil, nil, English)
	if rep.Error != "" || !strings.HasSuffix(rep.Run.Stdout, "\n*Hi there!*\n") || rep.Run.Exit != 0 {
		t.Errorf("the lecture's program: %s", describe(rep))
	}
}

// The date server's solution is the lecture's server and client as the
// examples have them: the starter's client differs from it in one line.
func TestDateServerLecturePrograms(t *testing.T) {
	x := Get("date-server")
	for _, f := range x.SolutionFiles() {
		lecture, err := os.ReadFile("../examples/date-server/" + f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if f.Text != string(lecture) {
			t.Errorf("%s is not the lecture's program as the examples have it", f.Name)
		}
	}
	for _, f := range x.Files {
		lecture, _ := os.ReadFile("../examples/date-server/" + f.Name)
		a, b := strings.Split(f.Text, "\n"), strings.Split(string(lecture), "\n")
		diff := 0
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				diff++
			}
		}
		if len(a) != len(b) || diff > 1 {
			t.Errorf("the starter's %s differs from the lecture's in %d lines", f.Name, diff)
		}
	}
}
