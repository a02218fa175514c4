package templates

import "osplay/exercises"

// ExerciseData is an exercise's page: its text, hints and checks (the
// student's view, without answers), and where to check, share and embed
// it. Built-in and authored exercises render alike.
type ExerciseData struct {
	Page     exercises.Page
	URL      string   // the student's address, absolute
	EmbedURL string   // the chrome-less page for an iframe, absolute
	Notices  []string // why settings of the address were not applied
	Embedded bool     // shown inside an iframe: no site header
	Authored bool     // written in the browser, not built in
	Boot     any      // exercise.js's start-up data, as JSON
}

// KindLabel says what the student does: fix the program, or run and answer.
func (d ExerciseData) KindLabel(p Page) string {
	if d.Page.Kind == exercises.KindObservation {
		return p.T("x.kindObservation")
	}
	return p.T("x.kindExercise")
}

// ExerciseGroup is a topic of the index with its exercises.
type ExerciseGroup struct {
	Key    string
	Title  string
	Slides string
	Items  []ExerciseItem
}

// ExerciseItem is one exercise in the index.
type ExerciseItem struct {
	Slug   string
	Title  string
	Kind   string // the label: fix the program, or run and answer
	Slides string
	URL    string
}

// EmbedData is what an embedded playground page adds: its style and the
// script that talks to the embedding page.
type EmbedData struct {
	Boot any // embed.js's start-up data
}

// ExerciseQuestion is a question as its answer box shows it.
type ExerciseQuestion = exercises.QuestionView

func joinComma(s []string) string {
	out := ""
	for i, v := range s {
		if i > 0 {
			out += ", "
		}
		out += v
	}
	return out
}
