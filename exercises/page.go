package exercises

import "html/template"

// Page is what a student's page shows of an exercise, in one language:
// the text rendered to safe HTML, the starter files, the settings, and the
// checks without their expected answers. The reference solution is not in
// it. Its JSON is fit for the browser.
type Page struct {
	Slug       string          `json:"slug"`
	Lang       string          `json:"lang"`
	Kind       Kind            `json:"kind"`
	Topic      string          `json:"topic"`
	TopicTitle string          `json:"topicTitle"`
	Slides     []string        `json:"slides,omitempty"`
	Title      string          `json:"title"`
	Body       template.HTML   `json:"body"`
	Hints      []template.HTML `json:"hints,omitempty"`
	Files      []File          `json:"files"`
	Main       string          `json:"main"`
	Run        Run             `json:"run"`
	Views      []string        `json:"views,omitempty"`
	Predict    bool            `json:"predict,omitempty"`
	Checks     []CheckView     `json:"checks"`
	// SchedTable: a check's report brings the run's metrics table once
	// every question is answered (a scheduling exercise).
	SchedTable bool `json:"schedTable,omitempty"`
}

// CheckView is a check as the student sees it before evaluation.
type CheckView struct {
	ID       string        `json:"id"`
	Type     string        `json:"type"`
	Title    string        `json:"title"`
	Question *QuestionView `json:"question,omitempty"`
	// Predictions are a predict check's questions, asked during the run
	// at their ticks: without their answers.
	Predictions []PredictionView `json:"predictions,omitempty"`
}

// QuestionView is a question without its answer.
type QuestionView struct {
	Ask     template.HTML `json:"ask"`
	Format  string        `json:"format"` // number, choice, text
	Choices []ChoiceView  `json:"choices,omitempty"`
}

// ChoiceView is one choice of a question, in one language.
type ChoiceView struct {
	ID   string        `json:"id"`
	Text template.HTML `json:"text"`
}

// Render returns the student's page of the exercise in lang.
func (x *Exercise) Render(lang string) Page {
	lang = Lang(lang)
	p := Page{
		Slug: x.Slug, Lang: lang, Kind: x.Kind, Topic: x.Topic, Slides: x.Slides,
		Title: x.Title.In(lang), Body: Markdown(x.Body.In(lang)),
		Files: cloneFiles(x.Files), Main: x.MainFile(), Run: x.Run, Views: x.Views, Predict: x.Predict,
		SchedTable: x.schedules(),
	}
	if i := topicIndex(x.Topic); i < len(Topics) {
		p.TopicTitle = Topics[i].Title.In(lang)
	}
	for _, h := range x.Hints {
		p.Hints = append(p.Hints, Markdown(h.In(lang)))
	}
	secrets := x.secrets(nil, nil, lang) // no question is answered yet
	for _, c := range x.Checks {
		v := CheckView{ID: c.ID, Type: c.Type, Title: c.title(lang)}
		if c.Type != CheckQuestion {
			v.Title, _ = conceal(v.Title, secrets)
		}
		if c.Type == CheckQuestion {
			q := &QuestionView{Ask: inlineHTML(c.Ask.In(lang)), Format: c.Format}
			for _, ch := range c.Choices {
				q.Choices = append(q.Choices, ChoiceView{ID: ch.ID, Text: inlineHTML(ch.Text.In(lang))})
			}
			v.Question = q
		}
		if c.Type == CheckPredict {
			v.Predictions = c.predictionViews(lang)
		}
		p.Checks = append(p.Checks, v)
	}
	return p
}

// inlineHTML renders one line of Markdown (emphasis, code, links) without
// a paragraph around it.
func inlineHTML(s string) template.HTML { return template.HTML(inline(s)) }

// Summary is an exercise in a list: GET /api/exercises.
type Summary struct {
	Slug   string   `json:"slug"`
	Kind   Kind     `json:"kind"`
	Topic  string   `json:"topic"`
	Title  Text     `json:"title"`
	Slides []string `json:"slides,omitempty"`
}

// Summary returns the exercise's entry in a list.
func (x *Exercise) Summary() Summary {
	return Summary{Slug: x.Slug, Kind: x.Kind, Topic: x.Topic, Title: x.Title, Slides: x.Slides}
}

// Summaries lists the built-in exercises in curriculum order.
func Summaries() []Summary {
	list, _ := Load()
	out := make([]Summary, len(list))
	for i, x := range list {
		out[i] = x.Summary()
	}
	return out
}
