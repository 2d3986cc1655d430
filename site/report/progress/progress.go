// Package progress is the progress file a learner exports from the course's progress page
// (docs/progress.md): its types, and reading and validating a file with every problem at its
// line and column. It knows nothing of a course or of a class.
package progress

import (
	"bytes"
	"fmt"
	"playbook/site/report/jsonpos"
	"time"

	"playbook/site/quiz"
)

// Format and Version are the "format" and "version" a progress file must carry.
const (
	Format  = "playbook-progress"
	Version = 1
)

// Progress is one progress file (docs/progress.md) that passed validation, with the
// defaults of version 1 filled in.
type Progress struct {
	Site string
	// Exported is the time of export; zero when the file has none.
	Exported time.Time
	// Learner is the learner's name and Class the class code the trainer gave; "" when the
	// file gives none.
	Learner string
	Class   string
	// Quizzes are the entries by quiz id.
	Quizzes map[string]*QuizProgress
	// Scenarios are the role-play entries by scenario id; empty when the file has none
	// (files made before scenarios existed).
	Scenarios map[string]*ScenarioProgress
}

// QuizProgress is a learner's record of one quiz.
type QuizProgress struct {
	// Version is the quiz version the learner last worked with.
	Version  string
	Attempts int
	// Best is the best scored attempt, Last the latest attempt; nil when there is none.
	Best *Attempt
	Last *Attempt
	// Questions are the per-question counts by question id.
	Questions map[string]QuestionCounts
	// Line and Col are where the entry starts in its file; 0 when unknown.
	Line int `json:"-"`
	Col  int `json:"-"`
}

// Attempt is a submitted attempt. Best attempts carry no responses or points.
type Attempt struct {
	Date    time.Time
	Version string
	// Scored is false for an exam taken in the learner edition: Earned, Max, Percent and
	// Passed are then zero and mean nothing.
	Scored    bool
	Earned    float64
	Max       float64
	Percent   float64
	Passed    bool
	Responses map[string]quiz.Response
	Points    map[string]float64
}

// Result is how a question went: right, wrong, partly or unanswered.
type Result string

// The results of a question.
const (
	Right      Result = "right"
	Wrong      Result = "wrong"
	Partly     Result = "partly"
	Unanswered Result = "unanswered"
)

// QuestionCounts are how many scored attempts got a question right, wrong (unanswered
// included) or partly right, and the result of the last one.
type QuestionCounts struct {
	Right  int
	Wrong  int
	Partly int
	Last   Result
}

// ParseError is why a file is not a valid progress file, at a line and column when the
// problem has a place in the file.
type ParseError struct {
	Line, Col int
	Msg       string
}

// Error formats the problem as "line:col: message", or the message alone when the problem
// has no place in the file.
func (e *ParseError) Error() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
}

// MaxCount is the largest count a file may hold: JavaScript's largest safe integer.
const MaxCount = 1<<53 - 1

// MaxDepth is how deeply a file may nest objects and lists, the fields the reader ignores
// included. A real file nests 7 levels; the page refuses deeper files too.
const MaxDepth = 32

// Parse reads and validates a progress file with the rules of docs/progress.md
// ("Validation"). It does not compare the site with a course: that is the caller's part.
func Parse(data []byte) (*Progress, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if off := tooDeep(data); off >= 0 {
		line, col := jsonpos.LineCol(data, off)
		return nil, &ParseError{Line: line, Col: col, Msg: fmt.Sprintf("objects and lists are nested more than %d deep here", MaxDepth)}
	}
	root, err := jsonpos.Decode(data)
	if err != nil {
		se := err.(*jsonpos.SyntaxError)
		line, col := jsonpos.LineCol(data, se.Off)
		return nil, &ParseError{Line: line, Col: col, Msg: se.Msg}
	}
	c := &checker{data: data}
	p := c.progress(root)
	if c.err != nil {
		return nil, c.err
	}
	return p, nil
}

// tooDeep returns the offset of the first '{' or '[' that opens more than MaxDepth levels,
// or -1. Brackets inside strings do not count; data need not be valid JSON.
func tooDeep(data []byte) int {
	depth, inString := 0, false
	for i := 0; i < len(data); i++ {
		switch b := data[i]; {
		case inString && b == '\\':
			i++
		case b == '"':
			inString = !inString
		case inString:
		case b == '{' || b == '[':
			if depth++; depth > MaxDepth {
				return i
			}
		case b == '}' || b == ']':
			depth--
		}
	}
	return -1
}
