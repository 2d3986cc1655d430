package quiz

import (
	"strconv"
	"strings"

	"playbook/site/material"
)

// kind is the quiz material kind; MaterialKind returns it.
var kind = &material.Kind{
	Name: "quiz", Dir: Dir,
	Scripts: []string{"assets/page.js", "assets/quiz-core.js", "assets/learner.js", "assets/quiz.js"},
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
	v := NewView(q, c.Lang, c.Render, withKey, c.Trainer)
	if c.Pack && c.Trainer && q.Mode == Exam {
		for _, version := range PaperVersions {
			v.Papers = append(v.Papers, KeyOf(Paper(q, version), version))
		}
	}
	return v
}

// Grading implements material.Graded: a self-check's page carries the key and scores the
// learner; an exam's page does so only in the trainer edition.
func (q *Quiz) Grading(trainer bool) (passMark int, scores bool) {
	return q.PassMark, q.Mode == SelfCheck || trainer
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
// options, its explanation and model answer (those only where the page shows them).
func (v *View) Search() []material.Section { return v.search }

// searchSections are the texts of the questions of q as its view v shows them (items in
// their shuffled order, the key only with it), taken from the model through r.
func searchSections(q *Quiz, v *View, r Renderer) []material.Section {
	var out []material.Section
	for i, x := range q.Questions {
		qv := v.Questions[i]
		var body []string
		for _, o := range x.Options {
			body = append(body, r.Text(o.Text))
		}
		for _, it := range qv.Items {
			for _, mi := range x.Items {
				if mi.ID == it.ID {
					body = append(body, r.Text(mi.Text))
				}
			}
		}
		for _, p := range x.Pairs {
			body = append(body, r.Text(p.Left))
		}
		explanation, model := "", ""
		if v.WithKey {
			explanation, model = r.Text(x.Explanation), r.Text(x.ModelAnswer)
		}
		body = append(body, explanation, model)
		out = append(out, material.Section{Anchor: "q-" + x.ID, Heading: r.Text(x.Prompt), Text: strings.Join(body, " ")})
	}
	return out
}
