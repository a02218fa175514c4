package linuxtest

import "testing"

func TestMask(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"pid=", "[child 1] : Hello, world! pid=4242", "[child 1] : Hello, world! pid=<pid>"},
		{"PID is", "I'm the parent process and my PID is 812", "I'm the parent process and my PID is <pid>"},
		{"PID and PPID",
			"I'm the child process with PID 813 and PPID 812",
			"I'm the child process with PID <pid> and PPID <pid>"},
		{"exit code stays",
			"A child with PID 813, terminated with exit code low: 0, high: 42",
			"A child with PID <pid>, terminated with exit code low: 0, high: 42"},
		{"pid colon and small numbers", "ppid: 1, pid 7", "ppid: <pid>, pid <pid>"},
		{"joined words", "childpid=55 my_pid=56 parent_pid 57", "childpid=<pid> my_pid=<pid> parent_pid <pid>"},
		{"not a pid word", "rapid 5 waitpid matched 1 getpid() = 9", "rapid 5 waitpid matched 1 getpid() = 9"},
		{"pid of", "the pid of 300 was reaped", "the pid of <pid> was reaped"},
		{"child number is not a pid", "[child 2] : exit 0", "[child 2] : exit 0"},
		{"address", "p=0x7ffd5e8a1b2c q=0x601040", "p=0x<addr> q=0x<addr>"},
		{"short hex stays", "mask 0xff and 0x1234", "mask 0xff and 0x1234"},
		{"nil stays", "%p of NULL: (nil)", "%p of NULL: (nil)"},
		{"ls -l", "-rwxr-xr-x 1 root root 16000 Nov 23 12:49 forkexecl", "ls -l: forkexecl"},
		{"ls -l old file", "-rw-r--r-- 1 alice staff 212 Mar  2  2023 onetwo.c", "ls -l: onetwo.c"},
		{"ls -li", "1835263 -rw-r--r-- 1 root root 97 Nov 23 12:49 myexit.c", "ls -l: myexit.c"},
		{"ls -l directory with acl", "drwxr-xr-x+ 2 root root 4096 Nov 23 12:49 dir", "ls -l: dir"},
		{"ls -l device", "crw-rw-rw- 1 root root 1, 3 Nov 23 12:49 null", "ls -l: null"},
		{"ls -l symlink", "lrwxrwxrwx 1 root root 7 Nov 23 12:49 bin -> usr/bin", "ls -l: bin -> usr/bin"},
		{"total", "total 48", "total <n>"},
		{"total in a sentence stays", "the total 48 is right", "the total 48 is right"},
		{"multi-line", "one\npid=3\ntwo\n", "one\npid=<pid>\ntwo\n"},
		{"long numbers stay by default", "sum 1498500", "sum 1498500"},
	}
	for _, tt := range tests {
		if got := Mask(tt.in); got != tt.want {
			t.Errorf("%s: Mask(%q)\n got %q\nwant %q", tt.name, tt.in, got, tt.want)
		}
		if again := Mask(tt.want); again != tt.want {
			t.Errorf("%s: masking twice gives %q", tt.name, again)
		}
	}
}

func TestMaskerOptions(t *testing.T) {
	tests := []struct {
		name string
		m    Masker
		in   string
		want string
	}{
		{"known pids", Masker{PIDs: []int{812, 813}}, "wait returned 813 (not 8130), then 812", "wait returned <pid> (not 8130), then <pid>"},
		{"extra words", Masker{Words: []string{"child"}}, "child 913 exited; Child: 914", "child <pid> exited; Child: <pid>"},
		{"long numbers", Masker{LongNumbers: true}, "took 12345 ticks, 999 left, pid 42", "took <n> ticks, 999 left, pid <pid>"},
		{"nothing configured", Masker{}, "child 913 exited", "child 913 exited"},
		{"dates", Masker{Dates: true}, "date: Fri Dec  4 18:00:00 2026 (Thu Jan 15 09:30:00 1970)", "date: <date> (<date>)"},
		{"not a date", Masker{Dates: true}, "Fri Dec 4 at 18:00", "Fri Dec 4 at 18:00"},
		{"ports", Masker{Ports: true}, "bound to port 40123, port: 7, Port is 8, 6013 stays", "bound to port <port>, port: <port>, Port is <port>, 6013 stays"},
	}
	for _, tt := range tests {
		if got := tt.m.Mask(tt.in); got != tt.want {
			t.Errorf("%s: Mask(%q)\n got %q\nwant %q", tt.name, tt.in, got, tt.want)
		}
	}
}
