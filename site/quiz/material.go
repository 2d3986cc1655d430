package quiz

import (
	"strconv"
	"strings"

	"playbook/site/material"
)

// kind is the quiz material kind; MaterialKind returns it.
var kind = &material.Kind{
	Name: "quiz", Dir: Dir,
	Scripts: []string{"assets/page.js", "assets/quiz-core.js", "assets/quiz.js"},
	Strings: []string{""},
}

// MaterialKind is the material kind of quizzes.
func MaterialKind() *material.Kind { return kind }

// Meta implements material.Material. A timed quiz takes its time limit on the timetable.
func (q *Quiz) Meta() material.Meta {
	return material.Meta{Kind: kind, ID: q.ID, Day: q.Day, Title: q.Title, Path: q.Path, Minutes: q.TimeLimit}
}

// View implements material.Material. A quiz's page carries the answers for instant feedback
// (self-check) and in the trainer edition; in a handout pack participants get the
// questions without any answer and the trainer gets the key.
func (q *Quiz) View(c material.Context) material.View {
	withKey := q.Mode == SelfCheck || c.Trainer
	if c.Pack {
		withKey = c.Trainer
	}
	return NewView(q, c.Lang, c.Render, withKey, c.Trainer)
}

// Refs implements material.Referrer: every question's lesson section; scored questions
// should have one.
func (q *Quiz) Refs() []material.Ref {
	var out []material.Ref
	for _, x := range q.Questions {
		r := material.Ref{Ref: x.Source, Pos: x.Pos}
		if x.Source == nil && x.Scored() {
			r.Want = "question " + strconv.Quote(x.ID) + " has no source; add \"source: day-NN-topic/NN-lesson.md#section\" so learners can read up on it"
		}
		out = append(out, r)
	}
	return out
}

// Search implements material.View: one section per question, found by its prompt, its
// options, its explanation and model answer.
func (v *View) Search() []material.Section {
	var out []material.Section
	for _, q := range v.Questions {
		var body []string
		for _, o := range q.Options {
			body = append(body, material.PlainText(o.Text))
		}
		for _, it := range q.Items {
			body = append(body, material.PlainText(it.Text))
		}
		for _, l := range q.Lefts {
			body = append(body, material.PlainText(l.Text))
		}
		body = append(body, material.PlainText(q.Explanation), material.PlainText(q.ModelAnswer))
		out = append(out, material.Section{Anchor: "q-" + q.ID, Heading: material.PlainText(q.Prompt), Text: strings.Join(body, " ")})
	}
	return out
}
