package cc

import (
	"strings"
	"testing"
)

// TestNotSupportedByOsplay: a name of the Linux interface that osplay lacks
// is named, with its header, at the student's line; other errors read as
// gcc's, with nothing of the compiler's insides.
func TestNotSupportedByOsplay(t *testing.T) {
	tc, err := libcToolchain()
	if err != nil {
		t.Fatal(err)
	}
	tc = tc.WithLimits(Limits{})
	for _, c := range []struct{ name, src, want string }{
		{"a type", "#include <sched.h>\nint main(void) { cpu_set_t st; return 0; }",
			"t.c:2:18: not supported by osplay: cpu_set_t (<sched.h>)"},
		{"a struct", "#include <signal.h>\nint main(void) { struct sigevent ev; return 0; }",
			"t.c:2:18: not supported by osplay: struct sigevent (<signal.h>)"},
		{"a macro", "#include <fcntl.h>\nint main(void) {\n\treturn F_SETLK;\n}",
			"t.c:3:9: not supported by osplay: F_SETLK (<fcntl.h>)"},
		{"a function", "#include <unistd.h>\nint main(void) { int fd[2]; return fsync(fd[0]); }",
			"t.c:2:36: not supported by osplay: fsync (<unistd.h>)"},
		{"a header", "#include <stdio.h>\n#include <sys/epoll.h>\nint main(void) { return 0; }",
			"t.c:2:10: not supported by osplay: <sys/epoll.h>"},
		{"a function of the sockets osplay has", "#include <sys/socket.h>\nint main(void) { return sendmsg(0, 0, 0); }",
			"t.c:2:25: not supported by osplay: sendmsg (<sys/socket.h>)"},
		{"a function of a header osplay has", "#include <stdio.h>\nint main(void) { return fclose(fmemopen(0, 0, \"r\")); }",
			"t.c:2:32: not supported by osplay: fmemopen (<stdio.h>)"},
		{"a function of the message queues osplay has", "#include <mqueue.h>\nint main(void) { return mq_notify(0, 0); }",
			"t.c:2:25: not supported by osplay: mq_notify (<mqueue.h>)"},
		{"an undeclared name", "int main(void) {\n\treturn nothing_here;\n}",
			"t.c:2:9: 'nothing_here' undeclared"},
		{"an undefined function", "int f(void);\nint main(void) { return f(); }",
			"t.c:2:25: undefined reference to `f'"},
		{"an unknown header", "#include <nothere.h>\nint main(void) { return 0; }",
			"t.c:1:10: nothere.h: No such file or directory"},
		{"a syntax error", "int main(void) { int a = 1\nreturn a; }",
			"t.c:2:1: unexpected 'return', expected ';'"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := tc.Compile("t.c", []byte(c.src), nil)
			if err == nil {
				t.Fatal("compiled")
			}
			if got := err.Error(); !strings.HasPrefix(got, c.want) {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
			if s := err.Error(); strings.Contains(s, ".go:") || strings.Contains(s, "TODO") {
				t.Errorf("the compiler's insides show: %s", s)
			}
		})
	}
}
