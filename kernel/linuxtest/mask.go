package linuxtest

import (
	"regexp"
	"strconv"
	"strings"
)

// Masking hides what legitimately differs between a native run and a
// simulated one, and nothing else. The rules, applied line by line:
//
//  1. Process ids. A decimal number that follows a pid word is a pid:
//     the word is "pid" or "ppid" in any case, alone or after "child",
//     "parent", "my", "new" or "old" with or without "_" ("childpid",
//     "my_pid"), followed by optional spaces and at most one of "=", ":",
//     "is", "was", "of". So "pid=4242", "PID 4242",
//     "my PID is 4242", "PPID: 1" all become "... <pid>", while
//     "[child 1]" and "exit code 42" are left alone. Words is a hook for
//     other pid words a program uses ("child", "process").
//  2. Known pids. Every whole-word number listed in PIDs becomes <pid>
//     wherever it stands (for a pid printed without a pid word).
//  3. Addresses. "0x" and five or more hex digits (what %p prints for a
//     mapped address) becomes "0x<addr>". Short hex such as 0xff stays.
//  4. ls -l listings. A line in the format of `ls -l` or `ls -li` (optional
//     inode, mode string, link count, owner, group, size, date, name)
//     becomes "ls -l: NAME" — sizes, owners, dates and inodes are not the
//     simulator's business — and a line "total N" becomes "total <n>".
//  5. With LongNumbers, every remaining integer of four or more digits
//     becomes <n> (a blunt rule for outputs full of pids and times).
//  6. With Dates, a date as ctime prints it ("Fri Dec  4 18:00:00 2026")
//     becomes <date>: a program that prints the time of day (the
//     lecture's date server) is compared on everything else.
//  7. With Ports, a number after "port" (what getsockname says of an
//     ephemeral port) becomes <port>.
//
// A test program that wants its numbers compared must not print them next
// to a pid word, as a "total N" line, or (under LongNumbers) with 4+ digits.
type Masker struct {
	Words       []string // extra pid words, matched like "pid" (case-insensitive)
	PIDs        []int    // numbers known to be pids in this run
	LongNumbers bool     // mask every integer of 4 or more digits
	Dates       bool     // mask ctime's dates
	Ports       bool     // mask the number after "port"
}

// Mask applies the default rules (1, 3 and 4) to s.
func Mask(s string) string { return Masker{}.Mask(s) }

var (
	addrRE  = regexp.MustCompile(`0x[0-9a-fA-F]{5,}`)
	totalRE = regexp.MustCompile(`^total \d+$`)
	// inode? mode links owner group size-or-major,minor month day time-or-year name
	lsRE     = regexp.MustCompile(`^(?:\d+ +)?[-bcdlps][-rwxsStT]{9}[.+@]? +\d+ +\S+ +\S+ +(?:\d+, +)?\d+ +[A-Z][a-z]{2} +\d{1,2} +(?:\d{1,2}:\d{2}|\d{4}) (.+)$`)
	longRE   = regexp.MustCompile(`\b\d{4,}\b`)
	dateRE   = regexp.MustCompile(`\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{2}:\d{2}:\d{2} \d{4}\b`)
	portRE   = regexp.MustCompile(`(?i)(\bport\b *(?:=|:|is\b)? *)\d+\b`)
	numberRE = regexp.MustCompile(`\b\d+\b`)
	pidRule  = pidRE([]string{"pid", "ppid"})
)

// pidRE builds rule 1's expression for a set of pid words.
func pidRE(words []string) *regexp.Regexp {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	return regexp.MustCompile(`(?i)(\b(?:child|parent|my|new|old)?_?(?:` + strings.Join(quoted, "|") + `)\b *(?:(?:=|:|is\b|was\b|of\b) *)?)\d+\b`)
}

// Mask applies the rules to s, keeping its line structure.
func (m Masker) Mask(s string) string {
	pids := pidRule
	if len(m.Words) > 0 {
		pids = pidRE(append([]string{"pid", "ppid"}, m.Words...))
	}
	known := map[string]bool{}
	for _, p := range m.PIDs {
		known[strconv.Itoa(p)] = true
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if sub := lsRE.FindStringSubmatch(line); sub != nil {
			lines[i] = "ls -l: " + sub[1]
			continue
		}
		if totalRE.MatchString(line) {
			lines[i] = "total <n>"
			continue
		}
		line = pids.ReplaceAllString(line, "${1}<pid>")
		if len(known) > 0 {
			line = numberRE.ReplaceAllStringFunc(line, func(n string) string {
				if known[n] {
					return "<pid>"
				}
				return n
			})
		}
		line = addrRE.ReplaceAllString(line, "0x<addr>")
		if m.Dates {
			line = dateRE.ReplaceAllString(line, "<date>")
		}
		if m.Ports {
			line = portRE.ReplaceAllString(line, "${1}<port>")
		}
		if m.LongNumbers {
			line = longRE.ReplaceAllString(line, "<n>")
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}
