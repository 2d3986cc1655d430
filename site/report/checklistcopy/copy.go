// Package checklistcopy reads the files a checklist page exports (docs/checklists.md,
// "Exported files"): one copy of a checklist, as JSON or as CSV, with every problem at its
// line and column. It knows nothing of a course: whether the copy belongs to this course's
// checklist, and what its answers score, is the caller's part.
package checklistcopy

import (
	"bytes"
	"fmt"
	"time"
)

// Format and Version are the "format" and "version" of a JSON export.
const (
	Format  = "playbook-checklist"
	Version = 1
)

// Kind is the kind of file a copy came from.
type Kind string

// The two kinds of export.
const (
	JSON Kind = "json"
	CSV  Kind = "csv"
)

// Copy is one exported copy of a checklist.
type Copy struct {
	Kind Kind
	// Site is the course's site key; only JSON files carry it ("" for CSV).
	Site string
	// Checklist is the checklist's id, ChecklistVersion the checklist's version when the copy
	// was exported ("" when the file gives none).
	Checklist        string
	ChecklistVersion string
	// Exported is the time of export; only JSON files carry it (zero for CSV, and for a JSON
	// file without one).
	Exported time.Time
	// Name is the copy's name on the page ("Lee, November").
	Name string
	// Fields are the header fields of the form (team, person, date, reviewer), as typed.
	Fields map[string]string
	// Answers are the items answered, in file order, each item once.
	Answers []Answer
	// Actions are the owner and due date typed in the action list, by item id.
	Actions map[string]Action
	// Score is the score the page wrote into a JSON file; nil for CSV or when absent.
	Score *Score
}

// Answer is the level ticked for one item, with where the file says so.
type Answer struct {
	Item, Level string
	Line, Col   int
}

// Action is an item's row in the action list.
type Action struct {
	Owner, Due string
}

// Score is what the page's JSON export says the copy scored (for people and other
// programs; a reader scores the answers itself).
type Score struct {
	// Percent is nil when nothing was scored.
	Percent *float64
	// Band is the band's id, "" when nothing was scored.
	Band string
}

// ParseError is why a file is not a readable export, at a line and column when the
// problem has a place in the file.
type ParseError struct {
	Line, Col int
	Msg       string
}

// Error formats the problem as "line:col: message", or the message alone.
func (e *ParseError) Error() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
}

var bom = []byte("\ufeff")

// Parse reads an exported file of either kind, deciding as the page's import does: a file
// whose text starts with "{" is JSON, any other is CSV (and, for a clearer message, one
// that starts with "[" is JSON too). A leading byte order mark is ignored.
func Parse(data []byte) (*Copy, error) {
	if isJSON(data) {
		return ParseJSON(data)
	}
	return ParseCSV(data)
}

func isJSON(data []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(data, bom), " \t\r\n")
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// Answer returns the level answered for item, or "".
func (c *Copy) Answer(item string) string {
	for _, a := range c.Answers {
		if a.Item == item {
			return a.Level
		}
	}
	return ""
}

// setAnswer records an answer; a later answer to the same item replaces the earlier one,
// as JSON.parse and the page's CSV import keep the last.
func (c *Copy) setAnswer(a Answer) {
	for i := range c.Answers {
		if c.Answers[i].Item == a.Item {
			c.Answers[i] = a
			return
		}
	}
	c.Answers = append(c.Answers, a)
}
