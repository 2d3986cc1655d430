// Package report makes a trainer's class report from the progress files learners export
// from the course's progress page (docs/progress.md, docs/report.md): from the files
// gathered and merged per learner (package collect), it computes who finished what, the
// scores per quiz and per question and the questions to re-teach. Bad files are reported
// and left out, never fatal. Package reportview writes the report out: one self-contained
// HTML page or CSV files.
package report

import (
	"fmt"
	"math"
	"time"

	"playbook/site/checklist"
	"playbook/site/course"
	"playbook/site/material"
	"playbook/site/quiz"
	"playbook/site/report/collect"
	"playbook/site/report/roleplay"
	"playbook/site/report/team"
	"playbook/site/scenario"
)

// Report is a class report, ready to render.
type Report struct {
	// Lang is the language of the report's texts.
	Lang        string
	CourseTitle string
	SiteKey     string
	// Latest is the latest export time among the files merged; zero when none has one.
	Latest time.Time
	// Files says what happened to every input, in the order given.
	Files []*collect.FileResult
	// Learners are sorted by class code, then by name (collect.Class.Learners).
	Learners []*Learner
	// Quizzes are the course's quizzes in course order (by day, then id).
	Quizzes []*QuizStats
	// Reteach are the questions most learners got wrong or partly right in their last
	// result, most first; at most MaxReteach.
	Reteach []*QuestionStats
	// RolePlays are the course's scenarios in course order, with the class's runs.
	RolePlays []*roleplay.Stats
	// Merged and Skipped count the input files.
	Merged, Skipped int
	// Team is the roll-up of the checklist exports among the inputs (package team); Files
	// and the rest of the report are of the progress files only.
	Team *team.Team
}

// MaxReteach is how many questions "What to re-teach tomorrow" lists.
const MaxReteach = 10

// Learner is one learner with their merged progress (name, files) and results.
type Learner struct {
	*collect.Learner
	// Quizzes has one result per quiz of the course, in course order.
	Quizzes []*LearnerQuiz
	// SelfChecks and Exams count the self-check and exam quizzes passed.
	SelfChecksPassed, ExamsPassed int
	// Reviews are the learner's last exam attempts beside the key, in course order.
	Reviews []*Review
}

// Status is where a learner stands with a quiz.
type Status string

// The statuses of a learner's quiz.
const (
	NotStarted Status = "not_started"
	// Submitted: attempted, but no attempt was scored, nor could the report grade one (an
	// exam in the learner edition, taken on an earlier version of the quiz).
	Submitted Status = "submitted"
	Passed    Status = "passed"
	Failed    Status = "failed"
)

// LearnerQuiz is a learner's result in one quiz.
type LearnerQuiz struct {
	Quiz     *QuizStats
	Status   Status
	Attempts int
	// Best is the best score in percent; meaningful when Status is Passed or Failed.
	Best float64
	// LastDate is the date of the last attempt; zero when not started.
	LastDate time.Time
	// EarlierVersion is true when the learner last worked with an earlier version of the
	// quiz than the course's current one.
	EarlierVersion bool
	// EntrySkipped is true when a file of the learner had an entry of the quiz that was
	// left out as inconsistent.
	EntrySkipped bool
	// Graded is true when Best is the report's grading of an exam attempt its page could
	// not score (see Review).
	Graded bool
}

// QuizStats are the scores of one quiz across the class.
type QuizStats struct {
	Quiz  *quiz.Quiz
	ID    string
	Title string
	Day   int
	Mode  quiz.Mode
	// Attempted counts the learners with at least one attempt, Passed those whose best
	// attempt passed, Scored those with a scored attempt.
	Attempted, Passed, Scored int
	// Mean and Median are of the learners' best scores in percent, rounded to one decimal;
	// meaningful when Scored > 0.
	Mean, Median float64
	// Questions are the quiz's scored questions, in quiz order.
	Questions []*QuestionStats
}

// QuestionStats are the results of one question across the class.
type QuestionStats struct {
	Quiz   *QuizStats
	Number int
	ID     string
	Type   quiz.Type
	// Prompt is the question's prompt as plain text.
	Prompt string
	// Right, Partly and Wrong count learners by the result of their last scored attempt
	// (an unanswered question counts as wrong).
	Right, Partly, Wrong int
	// TotalRight, TotalPartly and TotalWrong add up the results of every scored attempt.
	TotalRight, TotalPartly, TotalWrong int
	// Reference names the lesson section that teaches the question, as plain text; "" when
	// the question has no source.
	Reference string
}

// Learners is how many learners have a last result for the question.
func (s *QuestionStats) Learners() int { return s.Right + s.Partly + s.Wrong }

// PercentRight is the share of those learners whose last result was right, in percent
// rounded to one decimal.
func (s *QuestionStats) PercentRight() float64 { return percent(s.Right, s.Learners()) }

// Missed is how many learners' last result was wrong or partly right.
func (s *QuestionStats) Missed() int { return s.Wrong + s.Partly }

// PercentMissed is Missed in percent of Learners, rounded to one decimal.
func (s *QuestionStats) PercentMissed() float64 { return percent(s.Missed(), s.Learners()) }

func percent(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return roundTenth(float64(n) / float64(of) * 100)
}

func roundTenth(x float64) float64 { return math.Round(x*10) / 10 }

// Make reads the inputs, merges them per learner and computes the report for the course
// c, whose site key is siteKey, with texts in lang.
func Make(c *course.Course, siteKey, lang string, inputs []collect.Input) *Report {
	r := &Report{Lang: lang, CourseTitle: c.Config.Title[lang], SiteKey: siteKey}
	if r.CourseTitle == "" {
		r.CourseTitle = c.Config.Title[c.Config.DefaultLanguage]
	}
	texts := newTexts(c, lang)
	byID := map[string]*quiz.Quiz{}
	for _, q := range material.Of[*quiz.Quiz](c.Materials) {
		qs := &QuizStats{Quiz: q, ID: q.ID, Title: texts.get(q.Title), Day: q.Day, Mode: q.Mode}
		n := 0
		for _, x := range q.Questions {
			if x.Scored() {
				n++
				qs.Questions = append(qs.Questions, &QuestionStats{Quiz: qs, Number: n, ID: x.ID, Type: x.Type, Prompt: texts.prompt(q, x)})
			}
		}
		r.Quizzes = append(r.Quizzes, qs)
		byID[q.ID] = q
	}
	exports, progressFiles := team.Split(inputs)
	r.Team = team.Roll(siteKey, material.Of[*checklist.Checklist](c.Materials), exports)
	class := collect.Files(siteKey, byID, progressFiles)
	r.Files, r.Merged, r.Skipped, r.Latest = class.Files, class.Merged, class.Skipped, class.Latest
	for _, cl := range class.Learners {
		l := &Learner{Learner: cl}
		r.tally(l, texts)
		r.Learners = append(r.Learners, l)
	}
	for _, qs := range r.Quizzes {
		qs.summarize(r.Learners)
	}
	r.Reteach = reteach(r.Quizzes, texts)
	r.RolePlays = roleplay.Summarize(material.Of[*scenario.Scenario](c.Materials), r.Players(), texts.scenario)
	return r
}

// RolePlayOtherVersion reports whether any learner last played a scenario in another
// version than the course's.
func (r *Report) RolePlayOtherVersion() bool {
	for _, s := range r.RolePlays {
		if s.OtherVersion > 0 {
			return true
		}
	}
	return false
}

// Players are the learners as package roleplay takes them.
func (r *Report) Players() []roleplay.Player {
	out := make([]roleplay.Player, 0, len(r.Learners))
	for _, l := range r.Learners {
		out = append(out, roleplay.Player{Name: l.Name, Class: l.Class, Scenarios: l.Progress.Scenarios})
	}
	return out
}

// HasReviews reports whether any learner has an exam attempt to review.
func (r *Report) HasReviews() bool {
	for _, l := range r.Learners {
		if len(l.Reviews) > 0 {
			return true
		}
	}
	return false
}

// SelfChecks counts the course's self-check quizzes.
func (r *Report) SelfChecks() int { return r.countMode(quiz.SelfCheck) }

// Exams counts the course's exam quizzes (the final assessment).
func (r *Report) Exams() int { return r.countMode(quiz.Exam) }

func (r *Report) countMode(m quiz.Mode) int {
	n := 0
	for _, q := range r.Quizzes {
		if q.Mode == m {
			n++
		}
	}
	return n
}

// AllSelfChecks counts the learners who passed every self-check quiz; AllExams those
// who passed every exam. Both are 0 when the course has no quiz of that mode.
func (r *Report) AllSelfChecks() int {
	return r.countLearners(func(l *Learner) bool { return r.SelfChecks() > 0 && l.SelfChecksPassed == r.SelfChecks() })
}

// AllExams counts the learners who passed every exam quiz.
func (r *Report) AllExams() int {
	return r.countLearners(func(l *Learner) bool { return r.Exams() > 0 && l.ExamsPassed == r.Exams() })
}

func (r *Report) countLearners(ok func(*Learner) bool) int {
	n := 0
	for _, l := range r.Learners {
		if ok(l) {
			n++
		}
	}
	return n
}

// Problems returns every problem and note of every file: the progress files' in input
// order, then the checklist exports'.
func (r *Report) Problems() []collect.Problem {
	var out []collect.Problem
	for _, f := range r.Files {
		out = append(out, f.Problems()...)
	}
	return append(out, r.Team.Problems()...)
}

// Summary is the one-line count of the report: "7 files merged into 4 learners, 3 skipped",
// followed by the count of the checklist exports when there were any.
func (r *Report) Summary() string {
	s := fmt.Sprintf("%s merged into %s, %d skipped", plural(r.Merged, "file"), plural(len(r.Learners), "learner"), r.Skipped)
	switch {
	case len(r.Team.Files) == 0:
		return s
	case len(r.Files) == 0:
		return r.Team.Summary()
	}
	return s + "; " + r.Team.Summary()
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
