// Package schedule lays a course day out on the clock: its blocks (lesson sections with their
// planned minutes, an exam) one after the other from the day's start, with the breaks of the
// configuration put at the block boundaries nearest their times. Blocks are never split.
package schedule

import "fmt"

// Block is a stretch of teaching that keeps together: a lesson section, or a whole lesson
// whose sections carry no timings.
type Block struct {
	// Lesson numbers the lesson the block belongs to (0 for a block outside any lesson, such
	// as an exam).
	Lesson  int
	Title   string
	Anchor  string
	Minutes int
}

// Break is a pause planned for a time of day (minutes after midnight).
type Break struct {
	At, Minutes int
	Title       string
}

// Slot is one row of a day's timetable.
type Slot struct {
	// Start and End are minutes after midnight.
	Start, End int
	// Break is true for a break; otherwise Block tells what is taught.
	Break bool
	Title string
	Block Block
}

// Day lays blocks out from start and places the breaks: a break whose time has come before
// a block starts is taken before it; a break that falls inside a block is taken at the
// block's start or end, whichever is nearer (its start on a tie). A break due within
// LessonPull minutes is taken early at the start of a new lesson, so that a lesson is not
// cut by a break for a few minutes' gain. A day never opens with a break, and breaks after
// the last block are dropped: the day is over.
func Day(start int, blocks []Block, breaks []Break) []Slot {
	var out []Slot
	clock := start
	next := 0 // the first break not yet taken
	for i, b := range blocks {
		for i > 0 && next < len(breaks) {
			br := breaks[next]
			due := br.At <= clock
			inside := br.At < clock+b.Minutes && br.At-clock <= clock+b.Minutes-br.At
			early := b.Lesson != blocks[i-1].Lesson && br.At-clock <= LessonPull
			if !due && !inside && !early {
				break
			}
			out = append(out, Slot{Start: clock, End: clock + br.Minutes, Break: true, Title: br.Title})
			clock += br.Minutes
			next++
		}
		out = append(out, Slot{Start: clock, End: clock + b.Minutes, Title: b.Title, Block: b})
		clock += b.Minutes
	}
	return out
}

// LessonPull is how many minutes early a break may come to fall between two lessons.
const LessonPull = 15

// Clock writes minutes after midnight as HH:MM (past midnight it wraps to the next day).
func Clock(t int) string { return fmt.Sprintf("%02d:%02d", t/60%24, t%60) }
