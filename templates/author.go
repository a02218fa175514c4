package templates

// AuthorForm is the form an instructor fills to make an exercise from a
// program: the texts in both languages, the starter code and the
// reference program, the settings, the checks and the hints.
type AuthorForm struct {
	Action  string // where the form posts
	From    string // the share the program came from, when new
	Token   string // the edit token, when editing
	Created bool   // just saved: show the addresses
	Saved   bool
	URL     string // the student's address, once saved
	EditURL string // the secret edit address, once saved
	Errors  []string

	TitleKo, TitleEn string
	TextKo, TextEn   string
	Topic            string
	Topics           []Option
	Files            []AuthorFile
	Main             string
	Argv             string
	Stdin            string
	Sched            string
	Schedulers       []Option
	Quantum          string
	CPUs             string
	Seed             string
	Locked           bool
	Checks           []AuthorCheck
	HintsKo, HintsEn string // one hint per line
}

// AuthorFile is one file: as the students get it, and as it should be.
type AuthorFile struct {
	Name     string
	Starter  string
	Solution string
}

// AuthorCheck is one row of the checks.
type AuthorCheck struct {
	Type  string // "", output-contains, output-regexp, exit, processes, no-zombies, question-number, question-text
	Value string // the expected lines, pattern, code, count or answer
	AskKo string // a question, in Korean
	AskEn string // and in English
}

// AuthorCheckTypes are the kinds of check the form offers, with their
// label keys.
var AuthorCheckTypes = []string{"", "output-contains", "output-regexp", "exit", "processes", "no-zombies", "question-number", "question-text"}
