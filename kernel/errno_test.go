package kernel

import "testing"

func TestErrnoName(t *testing.T) {
	tests := []struct {
		errno int
		name  string
		text  string
	}{
		{1, "EPERM", "Operation not permitted"},
		{2, "ENOENT", "No such file or directory"},
		{11, "EAGAIN", "Resource temporarily unavailable"},
		{10, "ECHILD", "No child processes"},
		{16, "EBUSY", "Device or resource busy"},
		{38, "ENOSYS", "Function not implemented"},
		{40, "ELOOP", "Too many levels of symbolic links"},
		{110, "ETIMEDOUT", "Connection timed out"},
		{41, "E41", "Unknown error 41"}, // Linux has no errno 41
		{0, "E0", "Unknown error 0"},
	}
	for _, tt := range tests {
		if got := ErrnoName(tt.errno); got != tt.name {
			t.Errorf("ErrnoName(%d) = %q, want %q", tt.errno, got, tt.name)
		}
		if got := errnoText(tt.errno); got != tt.text {
			t.Errorf("errnoText(%d) = %q, want %q", tt.errno, got, tt.text)
		}
	}
	// Every errno 1 to 40 but 41's gap has its Linux name.
	for e := 1; e <= 40; e++ {
		if _, ok := errnoNames[e]; !ok {
			t.Errorf("errno %d has no name", e)
		}
	}
}

func TestSignalNames(t *testing.T) {
	tests := []struct {
		sig  int
		name string
	}{
		{1, "SIGHUP"}, {2, "SIGINT"}, {9, "SIGKILL"}, {11, "SIGSEGV"}, {15, "SIGTERM"},
		{17, "SIGCHLD"}, {19, "SIGSTOP"}, {31, "SIGSYS"},
		{34, "SIGRTMIN+0"}, {40, "SIGRTMIN+6"}, {64, "SIGRTMIN+30"},
		{0, "signal 0"}, {32, "signal 32"}, {65, "signal 65"}, {-1, "signal -1"},
	}
	for _, tt := range tests {
		if got := SignalName(tt.sig); got != tt.name {
			t.Errorf("SignalName(%d) = %q, want %q", tt.sig, got, tt.name)
		}
	}
	// Every name SignalName gives reads back.
	for sig := 1; sig <= 64; sig++ {
		if name := SignalName(sig); sig < 32 || sig >= 34 {
			if n := SignalNumber(name); n != sig {
				t.Errorf("SignalNumber(SignalName(%d) = %q) = %d", sig, name, n)
			}
		}
	}
}

func TestSignalNumber(t *testing.T) {
	tests := []struct {
		in  string
		sig int
	}{
		{"SIGINT", 2}, {"INT", 2}, {"int", 2}, {"SigInt", 2}, {" SIGTERM ", 15}, {"KILL", 9},
		{"SIGCHLD", 17}, {"CLD", 17}, {"SIGIOT", 6}, {"POLL", 29}, {"SIGIO", 29},
		{"SIGRTMIN", 34}, {"RTMIN+2", 36}, {"SIGRTMAX", 64}, {"SIGRTMAX-1", 63},
		{"15", 15}, {"64", 64},
		{"", 0}, {"SIG", 0}, {"0", 0}, {"65", 0}, {"-9", 0}, {"SIGFOO", 0}, {"SIGRTMIN+31", 0}, {"RTMAX-x", 0},
	}
	for _, tt := range tests {
		if got := SignalNumber(tt.in); got != tt.sig {
			t.Errorf("SignalNumber(%q) = %d, want %d", tt.in, got, tt.sig)
		}
	}
}
