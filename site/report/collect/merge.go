package collect

import (
	"maps"
	"strings"
	"time"
	"unicode"

	"playbook/site/report/progress"
)

// Merge merges theirs into ours with the rules of docs/progress.md ("Merging"), the same
// as the progress page's import, and returns the result; neither argument is changed.
//
//   - a quiz only in one side is copied;
//   - attempts add up (to at most progress.MaxCount);
//   - best is the one with the higher percent (on a tie, ours);
//   - last is the one with the later date (on a tie, ours); the quiz version goes with it;
//   - per question, the counts add up (to at most progress.MaxCount) and last comes from the side whose last attempt is
//     newer; a question only in one side is copied;
//   - the learner and the class code stay unless empty;
//   - scenarios merge alike (mergeScenario): attempts add up, best and last as above, and
//     the counts of ends and choices add up.
func Merge(ours, theirs *progress.Progress) *progress.Progress {
	out := &progress.Progress{Site: ours.Site, Exported: ours.Exported, Learner: ours.Learner, Class: ours.Class,
		Quizzes: map[string]*progress.QuizProgress{}, Scenarios: map[string]*progress.ScenarioProgress{}}
	if out.Learner == "" {
		out.Learner = theirs.Learner
	}
	if out.Class == "" {
		out.Class = theirs.Class
	}
	if theirs.Exported.After(out.Exported) {
		out.Exported = theirs.Exported
	}
	for id, e := range ours.Quizzes {
		out.Quizzes[id] = cloneQuiz(e)
	}
	for id, t := range theirs.Quizzes {
		o, ok := out.Quizzes[id]
		if !ok {
			out.Quizzes[id] = cloneQuiz(t)
			continue
		}
		out.Quizzes[id] = mergeQuiz(o, t)
	}
	for id, e := range ours.Scenarios {
		out.Scenarios[id] = cloneScenario(e)
	}
	for id, t := range theirs.Scenarios {
		if o, ok := out.Scenarios[id]; ok {
			out.Scenarios[id] = mergeScenario(o, t)
		} else {
			out.Scenarios[id] = cloneScenario(t)
		}
	}
	return out
}

func mergeQuiz(o, t *progress.QuizProgress) *progress.QuizProgress {
	theirsNewer := newer(o.Last, t.Last) == t.Last && t.Last != o.Last
	m := &progress.QuizProgress{
		Version:   o.Version,
		Attempts:  add(o.Attempts, t.Attempts),
		Best:      o.Best,
		Last:      o.Last,
		Questions: maps.Clone(o.Questions),
		Line:      o.Line, Col: o.Col,
	}
	if m.Questions == nil {
		m.Questions = map[string]progress.QuestionCounts{}
	}
	if theirsNewer {
		m.Version, m.Last = t.Version, t.Last
	}
	if t.Best != nil && (o.Best == nil || t.Best.Percent > o.Best.Percent) {
		m.Best = t.Best
	}
	for qid, q := range t.Questions {
		mine, ok := m.Questions[qid]
		if !ok {
			m.Questions[qid] = q
			continue
		}
		last := mine.Last
		if theirsNewer {
			last = q.Last
		}
		m.Questions[qid] = progress.QuestionCounts{Right: add(mine.Right, q.Right), Wrong: add(mine.Wrong, q.Wrong), Partly: add(mine.Partly, q.Partly), Last: last}
	}
	return m
}

// add adds two counts, stopping at progress.MaxCount: a larger sum is more than the page
// can keep exactly, and the page stops there too.
func add(a, b int) int { return min(a+b, progress.MaxCount) }

// newer returns the later of two attempts by date, a on a tie; a nil attempt loses. Dates
// are compared to the millisecond, as the page's import compares them (a JavaScript Date
// keeps no finer time), so that both keep the same attempt.
func newer(a, b *progress.Attempt) *progress.Attempt {
	return later(a, b, func(x *progress.Attempt) time.Time { return x.Date })
}

// later returns the later of a and b by the date when gives, to the millisecond; a on a tie,
// a nil value loses.
func later[T any](a, b *T, when func(*T) time.Time) *T {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case when(b).UnixMilli() > when(a).UnixMilli():
		return b
	}
	return a
}

// cloneQuiz copies an entry's maps; attempts are never changed after parsing, so they are
// shared.
func cloneQuiz(e *progress.QuizProgress) *progress.QuizProgress {
	c := *e
	c.Questions = maps.Clone(e.Questions)
	if c.Questions == nil {
		c.Questions = map[string]progress.QuestionCounts{}
	}
	return &c
}

// LearnerKey is the key under which learners' names are compared: trimmed, and each
// letter replaced by the smallest of its Unicode simple case folds, so that names equal
// under strings.EqualFold ("Ana", "ANA", " ana ") get the same key.
func LearnerKey(name string) string {
	name = strings.TrimSpace(name)
	var b strings.Builder
	for _, r := range name {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(least)
	}
	return b.String()
}
