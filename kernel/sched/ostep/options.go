package ostep

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
)

// optionParser accepts a command line the way Python's optparse.OptionParser
// does for the simulators' option tables, so that every invocation from the
// homework text works unchanged:
//
//   - short options may be clustered (-cp) and take their value attached
//     (-q3) or as the next argument, even one that starts with '-' (-q -1);
//   - long options take --name=value or --name value, and any unambiguous
//     prefix of the name will do (--quant=3);
//   - "--" ends the options; other arguments are collected and ignored;
//   - -h/--help prints the help and stops; a bad command line prints usage
//     and an error to standard error and stops with status 2.
//
// Help and errors name the program as the Python script, so their text is
// the script's too. The help is wrapped for an 80-column terminal, what
// optparse does when standard output is not a terminal.
type optionParser struct {
	prog    string
	options []*option
}

type optionKind int

const (
	intOption    optionKind = iota // action="store", type="int"
	stringOption                   // action="store", type="string"
	flagOption                     // action="store_true"
	helpOption                     // the automatic -h, --help
)

type option struct {
	short, long string // "-s", "--seed"; either may be empty
	kind        optionKind
	help        string
	metavar     string // the dest, upper-cased, shown after value options

	intValue    *int64
	stringValue *string
	flagValue   *bool
}

func newOptionParser(prog string) *optionParser {
	p := &optionParser{prog: prog}
	p.options = append(p.options, &option{short: "-h", long: "--help", kind: helpOption,
		help: "show this help message and exit"})
	return p
}

func (p *optionParser) add(o *option, dest string) {
	o.metavar = strings.ToUpper(dest)
	p.options = append(p.options, o)
}

// Int declares an option with type="int"; dest names its metavar.
func (p *optionParser) Int(short, long, dest string, value int64, help string) *int64 {
	p.add(&option{short: short, long: long, kind: intOption, help: help, intValue: &value}, dest)
	return &value
}

// String declares an option with type="string".
func (p *optionParser) String(short, long, dest string, value, help string) *string {
	p.add(&option{short: short, long: long, kind: stringOption, help: help, stringValue: &value}, dest)
	return &value
}

// Flag declares an option with action="store_true", default False.
func (p *optionParser) Flag(short, long, dest, help string) *bool {
	value := false
	p.add(&option{short: short, long: long, kind: flagOption, help: help, flagValue: &value}, dest)
	return &value
}

// Parse processes args left to right, storing values as it goes. It returns
// a *scriptExit when the run must stop: status 0 after printing the help to
// out, status 2 with the usage and error message for standard error.
func (p *optionParser) Parse(args []string, out io.Writer) error {
	rest := slices.Clone(args)
	for len(rest) > 0 {
		arg := rest[0]
		var err error
		switch {
		case arg == "--":
			return nil
		case strings.HasPrefix(arg, "--"):
			rest, err = p.parseLong(rest, out)
		case strings.HasPrefix(arg, "-") && len(arg) > 1:
			rest, err = p.parseShortCluster(rest, out)
		default:
			rest = rest[1:] // a positional argument: the scripts take none and ignore them
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (p *optionParser) parseLong(rest []string, out io.Writer) ([]string, error) {
	name, value, explicit := strings.Cut(rest[0], "=")
	rest = rest[1:]
	if explicit {
		rest = append([]string{value}, rest...)
	}
	o, err := p.matchLong(name)
	if err != nil {
		return nil, err
	}
	name = o.long
	if o.takesValue() {
		if len(rest) == 0 {
			return nil, p.usageError("%s option requires 1 argument", name)
		}
		return rest[1:], p.store(o, name, rest[0], out)
	}
	if explicit {
		return nil, p.usageError("%s option does not take a value", name)
	}
	return rest, p.store(o, name, "", out)
}

// matchLong finds the long option named by name or by a unique prefix of it.
func (p *optionParser) matchLong(name string) (*option, error) {
	var candidates []*option
	for _, o := range p.options {
		if o.long == "" {
			continue
		}
		if o.long == name {
			return o, nil
		}
		if strings.HasPrefix(o.long, name) {
			candidates = append(candidates, o)
		}
	}
	switch len(candidates) {
	case 0:
		return nil, p.usageError("no such option: %s", name)
	case 1:
		return candidates[0], nil
	}
	names := make([]string, len(candidates))
	for i, o := range candidates {
		names[i] = o.long
	}
	slices.Sort(names)
	return nil, p.usageError("ambiguous option: %s (%s?)", name, strings.Join(names, ", "))
}

func (p *optionParser) parseShortCluster(rest []string, out io.Writer) ([]string, error) {
	cluster := []rune(rest[0])[1:]
	rest = rest[1:]
	for i, ch := range cluster {
		name := "-" + string(ch)
		o := p.findShort(name)
		if o == nil {
			return nil, p.usageError("no such option: %s", name)
		}
		if !o.takesValue() {
			if err := p.store(o, name, "", out); err != nil {
				return nil, err
			}
			continue
		}
		// The rest of the cluster, if any, is the value; else the next argument.
		if attached := string(cluster[i+1:]); attached != "" {
			rest = append([]string{attached}, rest...)
		}
		if len(rest) == 0 {
			return nil, p.usageError("%s option requires 1 argument", name)
		}
		return rest[1:], p.store(o, name, rest[0], out)
	}
	return rest, nil
}

func (p *optionParser) findShort(name string) *option {
	for _, o := range p.options {
		if o.short == name {
			return o
		}
	}
	return nil
}

func (o *option) takesValue() bool { return o.kind == intOption || o.kind == stringOption }

// store applies one occurrence of o, spelled name on the command line.
func (p *optionParser) store(o *option, name, value string, out io.Writer) error {
	switch o.kind {
	case helpOption:
		io.WriteString(out, p.help())
		return exitWith(0)
	case flagOption:
		*o.flagValue = true
	case stringOption:
		*o.stringValue = value
	case intOption:
		n, ok := optparseInt(value)
		if !ok {
			return p.usageError("option %s: invalid integer value: %s", name, pyRepr(value))
		}
		*o.intValue = n
	}
	return nil
}

// optparseInt converts an int option's value as optparse does: a 0x or 0b
// prefix selects hexadecimal or binary, and a leading 0 octal.
func optparseInt(value string) (int64, bool) {
	lower := strings.ToLower(value)
	switch {
	case strings.HasPrefix(lower, "0x"):
		return pyParseInt(value, 16)
	case strings.HasPrefix(lower, "0b"):
		digits := value[2:]
		if digits == "" {
			digits = "0"
		}
		return pyParseInt(digits, 2)
	case strings.HasPrefix(value, "0"):
		return pyParseInt(value, 8)
	}
	return pyParseInt(value, 10)
}

func (p *optionParser) usage() string { return "Usage: " + p.prog + " [options]\n" }

func (p *optionParser) usageError(format string, args ...any) error {
	msg := p.usage() + "\n" + p.prog + ": error: " + fmt.Sprintf(format, args...)
	return &scriptExit{code: 2, msg: msg}
}

// Help layout of optparse's IndentedHelpFormatter at 80 columns.
const (
	helpWidth       = 80 - 2
	helpIndent      = 2
	maxHelpPosition = 24
)

// help is what optparse prints for --help.
func (p *optionParser) help() string {
	spellings := make([]string, len(p.options))
	longest := 0
	for i, o := range p.options {
		spellings[i] = o.spelling()
		longest = max(longest, len(spellings[i])+helpIndent)
	}
	position := min(longest+2, maxHelpPosition)
	textWidth := max(helpWidth-position, 11)

	var b strings.Builder
	b.WriteString(p.usage() + "\nOptions:\n")
	for i, o := range p.options {
		spelling := spellings[i]
		firstIndent := 0
		if columns := position - helpIndent - 2; len(spelling) > columns {
			// Too long to share a line with the help text.
			fmt.Fprintf(&b, "%*s%s\n", helpIndent, "", spelling)
			firstIndent = position
		} else {
			fmt.Fprintf(&b, "%*s%-*s  ", helpIndent, "", columns, spelling)
		}
		lines := wrapText(o.help, textWidth)
		if len(lines) == 0 {
			if firstIndent == 0 {
				b.WriteString("\n")
			}
			continue
		}
		fmt.Fprintf(&b, "%*s%s\n", firstIndent, "", lines[0])
		for _, line := range lines[1:] {
			fmt.Fprintf(&b, "%*s%s\n", position, "", line)
		}
	}
	return b.String()
}

// spelling is how the help lists the option: "-s SEED, --seed=SEED".
func (o *option) spelling() string {
	var forms []string
	if o.short != "" {
		if o.takesValue() {
			forms = append(forms, o.short+" "+o.metavar)
		} else {
			forms = append(forms, o.short)
		}
	}
	if o.long != "" {
		if o.takesValue() {
			forms = append(forms, o.long+"="+o.metavar)
		} else {
			forms = append(forms, o.long)
		}
	}
	return strings.Join(forms, ", ")
}

// wrapText fills text into lines of at most width characters the way
// Python's textwrap.wrap does with its defaults: words are kept whole except
// that hyphenated words may break after a hyphen, and words longer than a
// line are cut.
func wrapText(text string, width int) []string {
	chunks := splitWrapChunks(text)
	var lines []string
	for len(chunks) > 0 {
		if len(lines) > 0 && isBlank(chunks[0]) {
			chunks = chunks[1:] // no line but the first starts with white space
		}
		var line []string
		length := 0
		for len(chunks) > 0 && length+len(chunks[0]) <= width {
			line = append(line, chunks[0])
			length += len(chunks[0])
			chunks = chunks[1:]
		}
		if len(chunks) > 0 && len(chunks[0]) > width {
			// A word longer than a whole line: cut it, after a hyphen if one fits.
			word, room := chunks[0], max(width-length, 1)
			end := room
			if hyphen := strings.LastIndex(word[:room], "-"); hyphen > 0 &&
				strings.Trim(word[:hyphen], "-") != "" {
				end = hyphen + 1
			}
			line = append(line, word[:end])
			chunks[0] = word[end:]
		}
		if len(line) > 0 && isBlank(line[len(line)-1]) {
			line = line[:len(line)-1]
		}
		if len(line) > 0 {
			lines = append(lines, strings.Join(line, ""))
		}
	}
	return lines
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// splitWrapChunks cuts text into runs of spaces and words, where a word also
// ends after a hyphen that joins two letters with at least two letters before
// it ("comma-" "separated"), as textwrap's word separator does.
func splitWrapChunks(text string) []string {
	text = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, strings.ReplaceAll(text, "\t", "        "))

	isLetter := func(s string, i int) bool {
		if i < 0 || i >= len(s) {
			return false
		}
		c := rune(s[i])
		return c == '_' || unicode.IsLetter(c)
	}
	var chunks []string
	start := 0
	for i := 0; i <= len(text); i++ {
		atEnd := i == len(text)
		if !atEnd && (text[i] == ' ') == (text[start] == ' ') {
			hyphenBreak := text[i] == '-' && i > start &&
				(isLetter(text, i-1) && isLetter(text, i-2) ||
					isLetter(text, i-1) && i >= 2 && text[i-2] == '-' && isLetter(text, i-3)) &&
				isLetter(text, i+1) && (isLetter(text, i+2) || i+2 < len(text) && text[i+2] == '-' && isLetter(text, i+3))
			if hyphenBreak {
				chunks = append(chunks, text[start:i+1])
				start = i + 1
			}
			continue
		}
		if i > start {
			chunks = append(chunks, text[start:i])
		}
		start = i
	}
	return chunks
}
