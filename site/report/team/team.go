// Package team rolls up the checklist copies a team exported from the checklist pages
// (docs/checklists.md, "Exported files") for the class report (docs/report.md, "Team
// checklists"): it reads the JSON and CSV exports among the report's inputs, leaves out the
// ones it cannot use with the reason, groups the copies per checklist and per rep, scores
// each copy with the checklist's own rules, and computes, from each rep's latest copy, the
// share of every answer per item and the bands, and from the copy before it the change.
//
// The report uses it in two calls: Split (which inputs are checklist exports) and Roll (the
// roll-up); package teamview words the roll-up (HTML sections, CSV rows).
package team

import (
	"fmt"
	"math"
	"time"

	"playbook/site/checklist"
	"playbook/site/report/collect"
)

// Team is the roll-up of the checklist copies of a team.
type Team struct {
	// Files says what happened to every checklist export given, in the order given.
	Files []*File
	// Checklists are the course's checklists with at least one copy, in course order.
	Checklists []*Checklist
	// Used and Skipped count the files.
	Used, Skipped int
}

// File is what happened to one checklist export.
type File struct {
	Path string
	// Copy is the copy the file gave, Checklist and Rep whose copy it is; nil when the file
	// was skipped.
	Copy      *Copy
	Checklist *Checklist
	Rep       *Rep
	// Skipped is why the file was left out, or nil when it was used.
	Skipped *collect.Problem
	// Notes are what was ignored or doubtful in a file used, in file order; their kind is
	// collect.Removed, the kind of problem that only notes.
	Notes []collect.Problem
}

// Problems returns every problem and note of the file, the reason it was skipped first.
func (f *File) Problems() []collect.Problem {
	var out []collect.Problem
	if f.Skipped != nil {
		out = append(out, *f.Skipped)
	}
	return append(out, f.Notes...)
}

// Problems returns every problem and note of every file, in input order.
func (t *Team) Problems() []collect.Problem {
	var out []collect.Problem
	for _, f := range t.Files {
		out = append(out, f.Problems()...)
	}
	return out
}

// Checklist is the roll-up of one checklist.
type Checklist struct {
	Checklist *checklist.Checklist
	// Reps are sorted by name.
	Reps []*Rep
	// Items has one tally per item of the checklist, in page order.
	Items []*ItemTally
	// Bands counts the reps per band of the checklist (in the checklist's order) by their
	// latest copy; Unscored counts the reps whose latest copy scored nothing.
	Bands    []*BandTally
	Unscored int
}

// Rep is one person's copies of a checklist.
type Rep struct {
	// Name is the person field of the rep's latest copy, trimmed (names are compared after
	// Unicode case folding), or the file's name when the file gave none.
	Name string
	// FromFileName is true when the file gave no name and its file name stands for it.
	FromFileName bool
	// Team is the team field of the latest copy.
	Team string
	// Copies are the rep's copies, oldest first.
	Copies []*Copy

	key string
}

// Latest is the rep's latest copy.
func (r *Rep) Latest() *Copy { return r.Copies[len(r.Copies)-1] }

// Copy is one copy of a checklist, read, checked and scored.
type Copy struct {
	Path string
	// Name is the copy's name on the page.
	Name string
	// Fields are the form's header fields (team, person, date, reviewer).
	Fields map[string]string
	// Date orders a rep's copies: the time of export of a JSON file; for a CSV file the
	// export date in its file name; failing those, the date typed in the form. Zero when
	// there is none.
	Date time.Time
	// Answers are the level ids by item id, only of items and levels the checklist has.
	Answers map[string]string
	// Result is the copy scored with the checklist's rules.
	Result checklist.Result
	// Change is what changed since the rep's previous copy; nil for the rep's first.
	Change *Change
	// Latest is true for the rep's latest copy.
	Latest bool
}

// Scored reports whether any item of the copy was scored (not only N/A or unanswered).
func (c *Copy) Scored() bool { return c.Result.Band != nil }

// Change is how a copy differs from the rep's previous copy.
type Change struct {
	// Previous is the rep's copy before Current.
	Previous, Current *Copy
	// Moved are the items whose answer differs, in page order.
	Moved []Move
}

// Comparable reports whether both copies have a score, so that Delta means something.
func (c *Change) Comparable() bool { return c.Previous.Scored() && c.Current.Scored() }

// Delta is the change of the percent score, in percentage points.
func (c *Change) Delta() int { return c.Current.Result.Percent - c.Previous.Result.Percent }

// BandChanged reports whether both copies have a band and the bands differ.
func (c *Change) BandChanged() bool {
	return c.Comparable() && c.Previous.Result.Band != c.Current.Result.Band
}

// Count counts the moves in direction d.
func (c *Change) Count(d Direction) int {
	n := 0
	for _, m := range c.Moved {
		if m.Direction() == d {
			n++
		}
	}
	return n
}

// Move is one item whose answer changed between two copies.
type Move struct {
	Item   *checklist.Item
	Number int
	// From and To are the answers before and now; nil when unanswered.
	From, To *checklist.Level
}

// Direction is which way an item moved.
type Direction int

// The directions of a move: Up earns more points, Down fewer; Other is any move from or to
// N/A or unanswered, or between levels of the same points.
const (
	Other Direction = iota
	Up
	Down
)

// Direction says which way the item moved.
func (m Move) Direction() Direction {
	if m.From == nil || m.To == nil || m.From.NotApplicable || m.To.NotApplicable || m.From.Points == m.To.Points {
		return Other
	}
	if m.To.Points > m.From.Points {
		return Up
	}
	return Down
}

// ItemTally counts the answers to one item in the reps' latest copies.
type ItemTally struct {
	Item    *checklist.Item
	Number  int
	Section *checklist.Section
	// Counts has one count per level of the checklist's scale, in scale order.
	Counts []int
	// Unanswered counts the reps who left the item blank.
	Unanswered int
	// Up and Down count the reps whose latest copy answers the item better or worse than
	// the copy before it.
	Up, Down int
}

// Reps is how many reps the tally counts.
func (t *ItemTally) Reps() int {
	n := t.Unanswered
	for _, c := range t.Counts {
		n += c
	}
	return n
}

// Share is count in percent of the reps the tally counts, rounded to one decimal.
func (t *ItemTally) Share(count int) float64 {
	if t.Reps() == 0 {
		return 0
	}
	return math.Round(float64(count)/float64(t.Reps())*1000) / 10
}

// BandTally counts the reps whose latest copy is in a band.
type BandTally struct {
	Band *checklist.Band
	Reps int
}

// Copies counts the copies of the checklist used.
func (c *Checklist) Copies() int {
	n := 0
	for _, r := range c.Reps {
		n += len(r.Copies)
	}
	return n
}

// Mean is the mean percent of the reps' latest copies that have a score, rounded to one
// decimal; ok is false when none has.
func (c *Checklist) Mean() (mean float64, ok bool) {
	sum, n := 0, 0
	for _, r := range c.Reps {
		if l := r.Latest(); l.Scored() {
			sum += l.Result.Percent
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	return math.Round(float64(sum)/float64(n)*10) / 10, true
}

// Span is the earliest and the latest date of the checklist's copies; zero when no copy
// has a date.
func (c *Checklist) Span() (first, last time.Time) {
	for _, r := range c.Reps {
		for _, cp := range r.Copies {
			if cp.Date.IsZero() {
				continue
			}
			if first.IsZero() || cp.Date.Before(first) {
				first = cp.Date
			}
			if cp.Date.After(last) {
				last = cp.Date
			}
		}
	}
	return first, last
}

// Summary is the one-line count of the checklist exports: "19 checklist exports used, 6
// skipped".
func (t *Team) Summary() string {
	noun := "checklist exports"
	if t.Used == 1 {
		noun = "checklist export"
	}
	return fmt.Sprintf("%d %s used, %d skipped", t.Used, noun, t.Skipped)
}
