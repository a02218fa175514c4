package api

// ExerciseCheck is the body of POST /api/exercises/{slug}/check: the
// student's files (by name; a starter file left out stays as it was), the
// answers to the questions by check id, and the language of the report.
// The answer is the exercise's Report (package exercises) as JSON; see
// doc.go.
type ExerciseCheck struct {
	Files []File `json:"files"`
	// Answers are by check id: a question's answer, or a predict
	// check's predictions, one a line in the order of its predictions.
	Answers map[string]string `json:"answers,omitempty"`
	Lang    string            `json:"lang,omitempty"`
	// Reveal asks for what each check expected (and the answers of the
	// questions answered): the page asks only after an attempt.
	Reveal bool `json:"reveal,omitempty"`
}

// MaxCheckBody bounds the body of a check request: eight files of 64 KiB,
// as JSON, with room to spare.
const MaxCheckBody = 1 << 20

// ExerciseEntry is one exercise in GET /api/exercises.
type ExerciseEntry struct {
	Slug  string `json:"slug"`
	Kind  string `json:"kind"`
	Topic string `json:"topic"`
	Title struct {
		Ko string `json:"ko"`
		En string `json:"en"`
	} `json:"title"`
	Slides []string `json:"slides,omitempty"`
	URL    string   `json:"url"`   // the student's page
	Embed  string   `json:"embed"` // the page for an iframe
}

// Refusal is the body of an error answer of the exercise and share
// endpoints: a code a program can test and a message a person can read.
type Refusal struct {
	Error   string `json:"error"`
	Message string `json:"message"`
}
