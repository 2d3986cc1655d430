// Package quiz reads self-check quizzes and exams from YAML, checks them the way a careful
// reviewer would, scores answers and prepares them for their page: the quiz kind of
// material. Exports to Moodle's formats live in site/export/moodle.
// The format is described in docs/quizzes.md.
package quiz

import (
	"playbook/site/diag"
	"playbook/site/lessonref"
	"playbook/site/strictyaml"
)

// Dir is the course folder that holds quiz files.
const Dir = "quizzes"

// Mode says whether a quiz gives feedback.
type Mode string

const (
	// SelfCheck gives instant feedback with explanations.
	SelfCheck Mode = "self-check"
	// Exam gives no feedback; the key and explanations appear only in the trainer edition.
	Exam Mode = "exam"
)

// Type is a question type.
type Type string

// The question types.
const (
	Single     Type = "single"
	Multiple   Type = "multiple"
	TrueFalse  Type = "true-false"
	Ordering   Type = "ordering"
	Matching   Type = "matching"
	Reflection Type = "reflection"
)

// Types returns every question type in the order the documentation gives them.
func Types() []Type { return []Type{Single, Multiple, TrueFalse, Ordering, Matching, Reflection} }

// Quiz is one quiz file.
type Quiz struct {
	Path        string
	ID          string
	Title       strictyaml.Text
	Description strictyaml.Text
	Day         int
	Mode        Mode
	// PassMark is the score in percent needed to pass.
	PassMark         int
	ShuffleQuestions bool
	ShuffleOptions   bool
	// TimeLimit is in minutes; 0 means none.
	TimeLimit int
	Questions []*Question
	// Pos is where the quiz's mapping starts.
	Pos diag.Pos
}

// Question is one question of a quiz.
type Question struct {
	ID     string
	Type   Type
	Points float64
	// Scenario marks a short workplace case that asks the learner to apply a framework;
	// the item-writing figures count them.
	Scenario bool
	Prompt   strictyaml.Text
	// Options are the choices of single, multiple and true-false questions (true-false has
	// the options "true" and "false", labelled by the theme).
	Options []*Option
	// KeepOrder keeps the options of a single or multiple question in the authored order
	// (a scale, "none of these" last); otherwise the build arranges them (see Arrange).
	KeepOrder bool
	// Answer lists the ids of the right options.
	Answer []string
	// Items are the steps of an ordering question, in the right order.
	Items []*Item
	// Pairs and Distractors make a matching question.
	Pairs       []*Pair
	Distractors []strictyaml.Text
	ModelAnswer strictyaml.Text
	Explanation strictyaml.Text
	Source      *lessonref.Ref
	Pos         diag.Pos
}

// Scored reports whether the question counts towards the score.
func (q *Question) Scored() bool { return q.Type != Reflection }

// IsAnswer reports whether option id is a right answer.
func (q *Question) IsAnswer(id string) bool {
	for _, a := range q.Answer {
		if a == id {
			return true
		}
	}
	return false
}

// Option is a choice.
type Option struct {
	ID       string
	Text     strictyaml.Text
	Feedback strictyaml.Text
	Pos      diag.Pos
}

// Item is a step of an ordering question.
type Item struct {
	ID   string
	Text strictyaml.Text
}

// Pair is a term and its match.
type Pair struct {
	ID    string
	Left  strictyaml.Text
	Right strictyaml.Text
	Pos   diag.Pos
}

// MaxPoints returns the points available in the quiz.
func (q *Quiz) MaxPoints() float64 {
	total := 0.0
	for _, x := range q.Questions {
		if x.Scored() {
			total += x.Points
		}
	}
	return total
}
