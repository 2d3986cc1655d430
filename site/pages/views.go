package pages

import (
	"html/template"

	"playbook/site/markdown"
	"playbook/site/pipeline/render"
	"playbook/site/quiz"
)

// HomeView is the course at a glance.
type HomeView struct {
	Summary string
	Intro   template.HTML
	Days    []DayCard
	Minutes int
}

// DayCard summarises a day on the home page.
type DayCard struct {
	Number    int
	Title     string
	Summary   string
	URL       string
	Minutes   int
	Lessons   []LessonCard
	Materials []MaterialLinks
}

// MaterialLinks are the materials of one kind on a day.
type MaterialLinks struct {
	// Name and Dir are the kind's name and folder; they are also the interface strings of
	// its singular and plural nouns.
	Name, Dir string
	Links     []LessonCard
}

// StandaloneView is a page beside the days, such as the glossary.
type StandaloneView struct {
	Title   string
	Summary string
	HTML    template.HTML
}

// ProgressView lists every quiz for the progress page.
type ProgressView struct {
	Quizzes []QuizCard
	// Scenarios are the course's role-play scenarios, whose runs the progress keeps too.
	Scenarios []MaterialCard
	// Keys are the answer keys of the exams (quiz.Keys), in the trainer edition only: the
	// page grades imported exam attempts with them. Empty in the learner edition.
	Keys template.JS
}

// MaterialCard is a material in a list: its id, day, title and page.
type MaterialCard struct {
	ID    string
	Day   int
	Title string
	URL   string
}

// QuizCard is a quiz in a list.
type QuizCard struct {
	ID       string
	Day      int
	Title    string
	URL      string
	Version  string
	PassMark int
	Mode     quiz.Mode
}

// LessonCard summarises a lesson in a list.
type LessonCard struct {
	Title   string
	Summary string
	URL     string
	Minutes int
}

// DayView is a day page.
type DayView struct {
	Number    int
	Title     string
	Summary   string
	Intro     template.HTML
	Minutes   int
	Lessons   []LessonCard
	Materials []MaterialLinks
	// Packs links the day's handout packs.
	Packs []render.Link
}

// LessonView is a lesson page.
type LessonView struct {
	Day        int
	Number     int
	Title      string
	Summary    string
	Minutes    int
	Objectives []string
	TOC        []markdown.Heading
	HTML       template.HTML
	// SlidesURL is the lesson presented as slides.
	SlidesURL string
}
