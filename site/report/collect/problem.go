package collect

import (
	"fmt"

	"playbook/site/diag"
)

// Kind says what happened to an input file or to part of it.
type Kind int

// The kinds of problems. Unreadable, Malformed, Foreign and Duplicate skip the whole file;
// Inconsistent skips one quiz entry and keeps the rest of the file; Removed is only a
// note: the quiz or questions are ignored.
const (
	// Unreadable: the file cannot be read, is too large, or a folder holds no .json file.
	Unreadable Kind = iota
	// Malformed: not JSON, or not a valid progress file (docs/progress.md, "Validation").
	Malformed
	// Foreign: the file belongs to another course (its site differs from the site key).
	Foreign
	// Duplicate: the file was already merged (same path, same bytes, or the same export).
	Duplicate
	// Inconsistent: a quiz entry whose scores contradict each other or the quiz.
	Inconsistent
	// Removed: quizzes or questions that are no longer in the course.
	Removed
)

// SkipsFile reports whether a problem of kind k leaves the whole file out.
func (k Kind) SkipsFile() bool { return k <= Duplicate }

// Problem is something the report says about an input file.
type Problem struct {
	Pos  diag.Pos
	Kind Kind
	// Quiz is the quiz entry an Inconsistent problem skipped.
	Quiz    string
	Message string
}

// SkipsQuiz reports whether the problem left out one quiz entry of the file.
func (p Problem) SkipsQuiz() bool { return p.Kind == Inconsistent }

// Where is the line and column of the problem in its file, "12:5", or "" when the problem
// has no place in the file.
func (p Problem) Where() string {
	if p.Pos.Line == 0 {
		return ""
	}
	return fmt.Sprintf("%d:%d", p.Pos.Line, p.Pos.Col)
}

// String formats the problem as one line for the terminal:
//
//	progress/ana.json: skipped: not a progress file of this course (...)
//	progress/bo.json:7:5: skipped quiz "day-01-self-check" (the rest of the file is used): ...
//	progress/bo.json:30:5: note: ...
func (p Problem) String() string {
	pos := p.Pos.Path
	if p.Pos.Line > 0 {
		pos = p.Pos.String()
	}
	switch {
	case p.Kind.SkipsFile():
		return pos + ": skipped: " + p.Message
	case p.Kind == Inconsistent:
		return fmt.Sprintf("%s: skipped quiz %q (the rest of the file is used): %s", pos, p.Quiz, p.Message)
	}
	return pos + ": note: " + p.Message
}
