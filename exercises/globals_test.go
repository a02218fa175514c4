package exercises

import (
	"strings"
	"testing"
)

// globalsExercise runs a parent that forks a child changing its copy of
// the globals, then a child that execs echo (whose program has none of
// them).
const globalsExercise = `---
slug: globals-test
kind: observation
topic: fork
title: {ko: 전역 변수, en: Globals}
checks:
  - id: types
    type: globals
    expr: "small == -3 && big == 250 && s == -300 && u == 4000000000 && l == -1"
    globals: {small: char, big: unsigned char, s: short, u: unsigned int, l: long}
  - id: string
    type: globals
    expr: 'who == "parent" && count == 0'
    globals: {who: "char[8]", count: int}
  - id: any-child
    type: globals
    process: any
    expr: 'who == "child"'
    globals: {who: "char[8]"}
  - id: all-zero
    type: globals
    process: all
    expr: count == 0
    globals: {count: int}
  - id: divide
    type: globals
    expr: count / zero == 0
    globals: {count: int, zero: int}
  - id: static
    type: globals
    expr: hidden == 1
    globals: {hidden: int}
---

# ko

본문

# en

Text

# files

` + "```c g.c" + `
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int count = 0, zero = 0;
char small = -3;
unsigned char big = 250;
short s = -300;
unsigned int u = 4000000000u;
long l = -1;
char who[8] = "parent";
static int hidden = 1;

int main()
{
	if (fork() == 0) {
		count = 1;
		strcpy(who, "child");
		exit(0);
	}
	wait(NULL);
	if (fork() == 0) {
		execl("/bin/echo", "echo", "hi", (char *)0);
		exit(1);
	}
	wait(NULL);
	return hidden - 1;
}
` + "```\n"

func TestGlobalsCheck(t *testing.T) {
	x, err := Parse("globals-test.md", []byte(globalsExercise))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang, id string
		passed   bool
		message  string
	}{
		{"en", "types", true, "small = -3, big = 250, s = -300, u = 4000000000, l = -1: small == -3"},
		{"en", "string", true, `who = "parent", count = 0: who == "parent" && count == 0 holds.`},
		{"en", "any-child", true, `process 3 (g): who = "child": who == "child" holds.`},
		{"en", "all-zero", false, "process 3 (g): count = 1, expected count == 0."},
		{"en", "divide", false, "count / zero == 0 cannot be evaluated: division by zero (count = 0, zero = 0)."},
		{"en", "static", false, "no global variable hidden"},
		{"ko", "types", true, "조건이 성립합니다: small == -3"},
		{"ko", "all-zero", false, "PID 3 프로세스(g): count = 1 (기대: count == 0)."},
		{"ko", "divide", false, "0으로 나누게 되어 계산할 수 없습니다"},
		{"ko", "static", false, "static이 아닌 전역 변수만"},
	} {
		rep := x.Evaluate(nil, nil, tc.lang)
		if rep.Run.Stdout != "hi\n" || rep.Error != "" {
			t.Fatalf("the run: %s", describe(rep))
		}
		for _, r := range rep.Checks {
			if r.ID != tc.id {
				continue
			}
			if r.Passed != tc.passed || !strings.Contains(r.Message, tc.message) {
				t.Errorf("%s %s: passed %v, %q; want passed %v and %q", tc.lang, tc.id, r.Passed, r.Message, tc.passed, tc.message)
			}
		}
	}
	if got := x.Checks[3].title(Korean); got != "모든 프로세스의 전역 변수: count == 0" {
		t.Errorf("title = %q", got)
	}
}

// TestGlobalsKeepMemory: only an exercise with a globals check keeps the
// processes' memory.
func TestGlobalsKeepMemory(t *testing.T) {
	x, err := Parse("globals-test.md", []byte(globalsExercise))
	if err != nil {
		t.Fatal(err)
	}
	if !x.keepsMemory() {
		t.Error("an exercise with globals checks does not keep memory")
	}
	y, err := Parse("tiny.md", []byte(valid))
	if err != nil {
		t.Fatal(err)
	}
	if y.keepsMemory() || y.Run.run(y.Files, y.MainFile(), y.keepsMemory()).memory != nil {
		t.Error("an exercise without globals checks keeps memory")
	}
}
