package kernel

import (
	"encoding/binary"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"osplay/kernel/linuxtest"
)

// The RPC example (examples/rpc, <osplay/rpc.h>): the matchmaker, the
// date server and its client, as UDP datagrams. Linux checks the bytes
// (TestLinuxOracle, with the time of day masked); these tests check the
// simulated run whole, time included, and what the event stream shows of
// each call.

// runFolder runs ./main in a copy of the program folder dir.
func runFolder(t *testing.T, dir, main string) *run {
	t.Helper()
	files, err := linuxtest.Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	mfs := fstest.MapFS{}
	for name, data := range files {
		mfs[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return runFS(t, Config{}, mfs, "./"+main)
}

func TestRPCExample(t *testing.T) {
	want, err := os.ReadFile("testdata/rpc/rpc.out")
	if err != nil {
		t.Fatal(err)
	}
	r := runFolder(t, "../examples/rpc", "rpc")
	if r.res.Err != nil || r.res.Code != 0 {
		t.Fatalf("run: %v, exit %d (stderr %q)", r.res.Err, r.res.Code, r.stderr)
	}
	if r.stdout != string(want) {
		t.Errorf("output\n%s\nwant\n%s", r.stdout, want)
	}
}

// TestRPCCallsAreDatagrams follows the example's calls in the event
// stream, the sequence chart's source: each call one sendto by the caller
// whose bytes begin with the XDR header (xid, CALL, version 2, program),
// each answer one sendto back (xid, REPLY); the client asks the
// matchmaker (program 100000) before it calls the date server.
func TestRPCCallsAreDatagrams(t *testing.T) {
	r := runFolder(t, "../examples/rpc", "rpc")
	names := map[int]string{}
	var sends []string
	for _, e := range r.events {
		switch {
		case e.Kind == KindCreate || e.Kind == KindExec:
			names[e.PID] = strings.TrimPrefix(e.Name, "./")
		case e.Kind == KindSyscall && e.Name == "sendto":
			b := sentBytes(t, e.Text)
			if len(b) < 16 {
				t.Fatalf("sendto of %d bytes: %s", len(b), e.Text)
			}
			what := "reply"
			if binary.BigEndian.Uint32(b[4:]) == 0 {
				what = fmt.Sprintf("call %#x", binary.BigEndian.Uint32(b[12:]))
			}
			sends = append(sends, names[e.PID]+": "+what)
		}
	}
	got := strings.Join(sends, "\n")
	want := strings.Join([]string{
		"date_svc: call 0x186a0", "rpc: reply", // SET
		"rdate: call 0x186a0", "rpc: reply", // GETPORT
		"rdate: call 0x31234567", "date_svc: reply", // ADD
		"rdate: call 0x31234567", "date_svc: reply", // STR_DATE
		"rdate: call 0x31234567", "date_svc: reply", // BIN_DATE
		"rdate: call 0x31234567", "date_svc: reply", // procedure 9
		"date_svc: call 0x186a0", "rpc: reply", // UNSET
	}, "\n")
	if got != want {
		t.Errorf("datagrams sent:\n%s\nwant\n%s", got, want)
	}
}

// sentBytes returns the bytes a sendto event's text shows: its first
// argument after the descriptor, a C string with \x escapes.
func sentBytes(t *testing.T, text string) []byte {
	t.Helper()
	i := strings.IndexByte(text, '"')
	j := strings.LastIndex(text, "\", ")
	if k := strings.LastIndex(text, "\"..., "); k > 0 {
		j = k
	}
	if i < 0 || j <= i {
		t.Fatalf("no bytes in %s", text)
	}
	s, err := strconv.Unquote(text[i : j+1])
	if err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	return []byte(s)
}

// TestRPCHostileRequests: a server of <osplay/rpc.h> answers malformed,
// oversized and lying requests with an error status and goes on serving;
// nothing faults.
func TestRPCHostileRequests(t *testing.T) {
	r := runFolder(t, "testdata/linux/rpc", "hostile")
	if r.res.Err != nil || r.res.Code != 0 {
		t.Fatalf("run: %v, exit %d (stderr %q)", r.res.Err, r.res.Code, r.stderr)
	}
	if n := r.count(KindFault, nil); n != 0 {
		t.Errorf("%d faults", n)
	}
	for _, line := range []string{
		"server: datagram 2 dropped: nobody to answer",
		"client: ECHO of a string of 2^31-1 bytes, 28 bytes: reply of 16 bytes, xid 10, status 4: server can't decode arguments",
		"client: ADD in a datagram longer than RPC_MAX, 600 bytes: reply of 16 bytes, xid 12, status 4: server can't decode arguments",
		"client: a datagram of 70000 bytes: sendto: Message too long",
		"client: SHORT: can't decode result",
		"client: ADD(40, 2) = 42",
		"client: server exited with status 0",
	} {
		if !strings.Contains(r.stdout, line+"\n") {
			t.Errorf("no line %q in\n%s", line, r.stdout)
		}
	}
}
