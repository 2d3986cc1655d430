package collect

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"playbook/site/report/progress"
)

func day(h int) time.Time { return time.Date(2026, 11, 25, h, 0, 0, 0, time.UTC) }

func scored(h int, version string, percent float64) *progress.Attempt {
	return &progress.Attempt{Date: day(h), Version: version, Scored: true, Earned: percent / 10, Max: 10, Percent: percent, Passed: percent >= 70}
}

func fileOf(learner string, quizzes map[string]*progress.QuizProgress) *progress.Progress {
	return &progress.Progress{Site: "s", Learner: learner, Quizzes: quizzes}
}

func withClass(p *progress.Progress, class string) *progress.Progress {
	p.Class = class
	return p
}

// TestMerge checks each rule of docs/progress.md ("Merging") on its own.
func TestMerge(t *testing.T) {
	counts := func(r, w, p int, last progress.Result) progress.QuestionCounts {
		return progress.QuestionCounts{Right: r, Wrong: w, Partly: p, Last: last}
	}
	tests := []struct {
		name         string
		ours, theirs *progress.Progress
		check        func(t *testing.T, m *progress.Progress)
	}{{
		name:   "a quiz only in theirs is copied",
		ours:   fileOf("Ana", map[string]*progress.QuizProgress{}),
		theirs: fileOf("Ana", map[string]*progress.QuizProgress{"q": {Version: "v", Attempts: 2, Last: scored(9, "v", 80), Best: scored(9, "v", 80), Questions: map[string]progress.QuestionCounts{"x": counts(1, 1, 0, progress.Right)}}}),
		check: func(t *testing.T, m *progress.Progress) {
			e := m.Quizzes["q"]
			if e == nil || e.Attempts != 2 || e.Best.Percent != 80 || e.Questions["x"] != counts(1, 1, 0, progress.Right) {
				t.Errorf("got %+v", e)
			}
		},
	}, {
		name:   "a quiz only in ours stays",
		ours:   fileOf("Ana", map[string]*progress.QuizProgress{"q": {Version: "v", Attempts: 1, Last: scored(9, "v", 50)}}),
		theirs: fileOf("Ana", map[string]*progress.QuizProgress{}),
		check: func(t *testing.T, m *progress.Progress) {
			if e := m.Quizzes["q"]; e == nil || e.Attempts != 1 {
				t.Errorf("got %+v", e)
			}
		},
	}, {
		name:   "attempts add up",
		ours:   fileOf("", map[string]*progress.QuizProgress{"q": {Version: "v", Attempts: 3, Last: scored(9, "v", 50)}}),
		theirs: fileOf("", map[string]*progress.QuizProgress{"q": {Version: "v", Attempts: 4, Last: scored(8, "v", 50)}}),
		check: func(t *testing.T, m *progress.Progress) {
			if n := m.Quizzes["q"].Attempts; n != 7 {
				t.Errorf("attempts %d, want 7", n)
			}
		},
	}, {
		name:   "best is the higher percent",
		ours:   fileOf("", map[string]*progress.QuizProgress{"q": {Version: "v", Attempts: 1, Best: scored(9, "v", 60), Last: scored(9, "v", 60)}}),
		theirs: fileOf("", map[string]*progress.QuizProgress{"q": {Version: "v", Attempts: 1, Best: scored(8, "v", 90), Last: scored(8, "v", 90)}}),
		check: func(t *testing.T, m *progress.Progress) {
			if b := m.Quizzes["q"].Best; b.Percent != 90 || !b.Date.Equal(day(8)) {
				t.Errorf("best %+v", b)
			}
		},
	}, {
		name:   "on a tie, the best already there stays",
		ours:   fileOf("", map[string]*progress.QuizProgress{"q": {Version: "v", Attempts: 1, Best: scored(9, "v", 90), Last: scored(9, "v", 90)}}),
		theirs: fileOf("", map[string]*progress.QuizProgress{"q": {Version: "v", Attempts: 1, Best: scored(7, "v", 90), Last: scored(7, "v", 90)}}),
		check: func(t *testing.T, m *progress.Progress) {
			if b := m.Quizzes["q"].Best; !b.Date.Equal(day(9)) {
				t.Errorf("best from %v, want ours (9:00)", b.Date)
			}
		},
	}, {
		name:   "a best on one side only is kept",
		ours:   fileOf("", map[string]*progress.QuizProgress{"q": {Version: "v", Attempts: 1, Last: &progress.Attempt{Date: day(9), Version: "v"}}}),
		theirs: fileOf("", map[string]*progress.QuizProgress{"q": {Version: "v", Attempts: 1, Best: scored(7, "v", 40), Last: scored(7, "v", 40)}}),
		check: func(t *testing.T, m *progress.Progress) {
			if b := m.Quizzes["q"].Best; b == nil || b.Percent != 40 {
				t.Errorf("best %+v", b)
			}
		},
	}, {
		name:   "last is the later one and the version goes with it",
		ours:   fileOf("", map[string]*progress.QuizProgress{"q": {Version: "old", Attempts: 1, Last: scored(8, "old", 50)}}),
		theirs: fileOf("", map[string]*progress.QuizProgress{"q": {Version: "new", Attempts: 1, Last: scored(10, "new", 30)}}),
		check: func(t *testing.T, m *progress.Progress) {
			e := m.Quizzes["q"]
			if !e.Last.Date.Equal(day(10)) || e.Version != "new" {
				t.Errorf("last %v, version %q; want theirs", e.Last.Date, e.Version)
			}
		},
	}, {
		name:   "an older last in theirs leaves ours and our version",
		ours:   fileOf("", map[string]*progress.QuizProgress{"q": {Version: "new", Attempts: 1, Last: scored(10, "new", 50)}}),
		theirs: fileOf("", map[string]*progress.QuizProgress{"q": {Version: "old", Attempts: 1, Last: scored(8, "old", 90), Best: scored(8, "old", 90)}}),
		check: func(t *testing.T, m *progress.Progress) {
			e := m.Quizzes["q"]
			if !e.Last.Date.Equal(day(10)) || e.Version != "new" || e.Best.Percent != 90 {
				t.Errorf("last %v, version %q, best %v", e.Last.Date, e.Version, e.Best.Percent)
			}
		},
	}, {
		name:   "on a tie of dates, our last stays",
		ours:   fileOf("", map[string]*progress.QuizProgress{"q": {Version: "a", Attempts: 1, Last: scored(9, "a", 50)}}),
		theirs: fileOf("", map[string]*progress.QuizProgress{"q": {Version: "b", Attempts: 1, Last: scored(9, "b", 60)}}),
		check: func(t *testing.T, m *progress.Progress) {
			if e := m.Quizzes["q"]; e.Version != "a" || e.Last.Percent != 50 {
				t.Errorf("version %q, last %v; want ours", e.Version, e.Last.Percent)
			}
		},
	}, {
		name: "question counts add up; last comes from the side with the newer last attempt",
		ours: fileOf("", map[string]*progress.QuizProgress{"q": {Version: "v", Attempts: 3, Last: scored(8, "v", 50),
			Questions: map[string]progress.QuestionCounts{"x": counts(1, 1, 1, progress.Wrong), "y": counts(2, 0, 0, progress.Right)}}}),
		theirs: fileOf("", map[string]*progress.QuizProgress{"q": {Version: "v", Attempts: 2, Last: scored(10, "v", 50),
			Questions: map[string]progress.QuestionCounts{"x": counts(2, 0, 0, progress.Right), "z": counts(0, 0, 2, progress.Partly)}}}),
		check: func(t *testing.T, m *progress.Progress) {
			want := map[string]progress.QuestionCounts{"x": counts(3, 1, 1, progress.Right), "y": counts(2, 0, 0, progress.Right), "z": counts(0, 0, 2, progress.Partly)}
			if got := m.Quizzes["q"].Questions; !reflect.DeepEqual(got, want) {
				t.Errorf("questions %v, want %v", got, want)
			}
		},
	}, {
		name: "question last stays ours when our last attempt is newer",
		ours: fileOf("", map[string]*progress.QuizProgress{"q": {Version: "v", Attempts: 1, Last: scored(10, "v", 50),
			Questions: map[string]progress.QuestionCounts{"x": counts(0, 1, 0, progress.Unanswered)}}}),
		theirs: fileOf("", map[string]*progress.QuizProgress{"q": {Version: "v", Attempts: 1, Last: scored(8, "v", 50),
			Questions: map[string]progress.QuestionCounts{"x": counts(1, 0, 0, progress.Right)}}}),
		check: func(t *testing.T, m *progress.Progress) {
			if q := m.Quizzes["q"].Questions["x"]; q != counts(1, 1, 0, progress.Unanswered) {
				t.Errorf("x = %+v", q)
			}
		},
	}, {
		name:   "the learner stays",
		ours:   fileOf("Ana Lima", nil),
		theirs: fileOf("ana", nil),
		check: func(t *testing.T, m *progress.Progress) {
			if m.Learner != "Ana Lima" {
				t.Errorf("learner %q", m.Learner)
			}
		},
	}, {
		name:   "an empty learner takes theirs",
		ours:   fileOf("", nil),
		theirs: fileOf("Ana", nil),
		check: func(t *testing.T, m *progress.Progress) {
			if m.Learner != "Ana" {
				t.Errorf("learner %q", m.Learner)
			}
		},
	}, {
		name:   "the class code stays",
		ours:   withClass(fileOf("Ana", nil), "A1"),
		theirs: withClass(fileOf("Ana", nil), "B2"),
		check: func(t *testing.T, m *progress.Progress) {
			if m.Class != "A1" {
				t.Errorf("class %q, want ours, A1", m.Class)
			}
		},
	}, {
		name:   "an empty class code takes theirs",
		ours:   fileOf("Ana", nil),
		theirs: withClass(fileOf("Ana", nil), "B2"),
		check: func(t *testing.T, m *progress.Progress) {
			if m.Class != "B2" {
				t.Errorf("class %q, want theirs, B2", m.Class)
			}
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshotProgress(tt.ours, tt.theirs)
			m := Merge(tt.ours, tt.theirs)
			tt.check(t, m)
			if after := snapshotProgress(tt.ours, tt.theirs); after != before {
				t.Error("Merge changed its arguments")
			}
		})
	}
}

// snapshotProgress encodes progress, pointers followed, to tell whether it changed.
func snapshotProgress(ps ...*progress.Progress) string {
	data, err := json.Marshal(ps)
	if err != nil {
		panic(err)
	}
	return string(data)
}

func TestLearnerKey(t *testing.T) {
	same := [][]string{
		{"Ana Lima", " ana lima ", "ANA LIMA", "\tAna LIMA\n"},
		{"Ἀθηνᾶ", "ἀθηνᾶ"},
		{"Straße", "STRAßE"},
		{"王芳", " 王芳"},
	}
	for _, group := range same {
		for _, name := range group[1:] {
			if LearnerKey(name) != LearnerKey(group[0]) {
				t.Errorf("%q and %q should be the same learner", name, group[0])
			}
		}
	}
	for _, pair := range [][2]string{{"Ana Lima", "Ana Lim"}, {"Ana Lima", "AnaLima"}, {"王芳", "王方"}} {
		if LearnerKey(pair[0]) == LearnerKey(pair[1]) {
			t.Errorf("%q and %q should be different learners", pair[0], pair[1])
		}
	}
	if LearnerKey("  ") != "" {
		t.Error("a blank name must give the empty key")
	}
}
