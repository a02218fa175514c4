// Package exercises owns osplay's exercises: their file format, the
// built-in collection (the *.md files of this folder, embedded in the
// binary), validation with clear errors, and evaluation — a deterministic
// headless run of the student's program on the kernel, checked against the
// exercise's checks, with an explanation of every verdict in Korean or
// English. It knows nothing of HTTP; the web layer shows a Page, sends
// files and answers to Evaluate, and shows the Report.
//
// # The format
//
// An exercise is one Markdown file named after its slug. It starts with
// front matter between two "---" lines, written in YAML without anchors,
// aliases or tags (see yaml.go: key: value, nested blocks, "- " lists,
// [a, b] and {ko: …, en: …} on one line, literal blocks with |). Then
// come sections, each opened by a level-1 heading:
//
//	# ko         the text in Korean (Markdown; use ## for its headings)
//	# en         the text in English
//	# files      the starter files, one fenced code block each, the file's
//	             name ending the info string: ```c nfork.c
//	# solution   the reference solution, in the same form: files that
//	             replace (or are added to) the starter files. Hidden from
//	             students. An observation exercise has none.
//
// The front matter:
//
//	slug: nfork-children          the name in URLs (3–64 of a-z, 0-9, -)
//	kind: observation             exercise (default: the starter needs work)
//	                              or observation (run it, watch, answer)
//	topic: fork                   a key of Topics (the curriculum's rows)
//	order: 2                      position within the topic
//	slides: ["3.26"]              the lecture slides it follows
//	title: {ko: …, en: …}
//	run:                          how the checks run the program
//	  main: nfork.c               default: the first .c file
//	  argv: [ls, -l]              arguments after the program's name
//	  stdin: "3\n"                standard input (end of input after it)
//	  sched: rr                   fcfs or rr; quantum, cpus, seed,
//	  quantum: 10                 ctxswitch (ticks per context switch),
//	                              childFirst, maxProcs, maxTicks,
//	                              monitor (hoare or mesa: what a
//	                              monitor's signal does, <osplay/monitor.h>)
//	  locked: [sched]             settings the student may not change (or [all])
//	views: [tree, console]        the views to open first (see Views)
//	predict: true                 each step asks for a prediction first
//	hints:
//	  - {ko: …, en: …}
//	checks:                       see Check for every type and its fields
//	  - id: lines
//	    type: output
//	    match: multiset
//	    lines: |
//	      one
//	      two
//	  - id: how-many
//	    type: question
//	    format: number
//	    ask: {ko: 프로세스는 모두 몇 개?, en: How many processes in all?}
//	    answer: 4
//	    verify: {type: processes}
//	  - id: counted               the parent's globals as it ended
//	    type: globals             (globals.go: C types, process, expr)
//	    expr: "count == 0 && in == out"
//	    globals: {count: int, in: int, out: int}
//	  - id: caught                signals caught by a handler (action: handled,
//	    type: signals             the default) or sent (action: sent), of a
//	    signal: SIGUSR1           signal or any, by the processes of: main,
//	    of: children              children or a command name
//	    equals: 3
//	  - id: would-block           returns of a system call, only those
//	    type: syscalls            failing with errno when it is given
//	    call: read
//	    errno: EAGAIN
//	    min: 1
//	  - id: none-stuck            threads still waiting when the run ended,
//	    type: blocked             on a kind of wait (pipe, child, signal,
//	    on: pipe                  msgrcv…) or any; init is not counted
//	    equals: 0
//	  - id: turns                 predictions asked during the run (predictcheck.go):
//	    type: predict             Run stops at each tick and asks; the server
//	    predictions:              runs the program again and measures each one
//	      - tick: 12
//	        ask: {ko: …, en: Which line is printed next?}
//	        measure: output       output (the next line), var (a global), procs
//	        choices: ["child: a", "parent: x"]
//	        answer: "parent: x"   what the reference run measures
//	  - id: stuck                 deadlock: yes (or deadlock) or no (or none);
//	    type: deadlock            threads that wait in a cycle, or a halt with
//	    expect: yes               every thread waiting; equals/min/max bound
//	    equals: 5                 the threads of the first cycle, which a
//	                              number question's verify: {type: deadlock} measures
//
// Every text has both languages. A check may carry title, pass (shown
// when it passes) and fail (shown when it fails; a hint, never the answer).
//
// # Guarantees the tests keep
//
// For every built-in exercise: the reference solution (for an observation
// exercise, the code as given) passes every check with the expected
// answers; the starter code of an exercise fails at least one check; the
// answer of every question with verify equals what the run measures.
package exercises
