package lint_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"playbook/site/diag"
	"playbook/site/quiz"
	"playbook/site/quiz/lint"
	"playbook/site/quiz/quizfile"
)

// wants reads the "# want: a | b" comments of a test file: the warnings expected on each
// line, as substrings.
func wants(t *testing.T, src []byte) map[int][]string {
	t.Helper()
	out := map[int][]string{}
	sc := bufio.NewScanner(bytes.NewReader(src))
	for line := 1; sc.Scan(); line++ {
		if _, want, ok := strings.Cut(sc.Text(), "# want: "); ok {
			for _, w := range strings.Split(want, " | ") {
				out[line] = append(out[line], strings.TrimSpace(w))
			}
		}
	}
	return out
}

// load parses a test quiz (Parse runs the per-quiz review) and runs the review across
// quizzes on it.
func load(t *testing.T, name string) (*quiz.Quiz, diag.List, []byte) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var d diag.List
	q := quizfile.Parse(name, src, []string{"en"}, &d)
	if q == nil || d.HasErrors() {
		t.Fatalf("%s: %v", name, d)
	}
	lint.Across([]*quiz.Quiz{q}, []string{"en"}, &d)
	return q, d, src
}

// TestFlawedItems checks every warning of testdata/*.yaml against its "# want:" comments:
// each expected warning on its line, and no other warning.
func TestFlawedItems(t *testing.T) {
	for _, name := range []string{"flawed.yaml", "clean.yaml"} {
		t.Run(name, func(t *testing.T) {
			_, d, src := load(t, name)
			want := wants(t, src)
			got := map[int][]string{}
			for _, w := range d {
				if w.Severity != diag.Warning {
					t.Errorf("not a warning: %v", w)
				}
				got[w.Pos.Line] = append(got[w.Pos.Line], w.Message)
			}
			for line, subs := range want {
				for _, s := range subs {
					if !slices.ContainsFunc(got[line], func(m string) bool { return strings.Contains(m, s) }) {
						t.Errorf("%s:%d: no warning containing %q; got %q", name, line, s, got[line])
					}
				}
			}
			for line, msgs := range got {
				if len(msgs) != len(want[line]) {
					t.Errorf("%s:%d: %d warnings, want %d: %q", name, line, len(msgs), len(want[line]), msgs)
				}
			}
		})
	}
}

// TestNearDuplicateAcrossQuizzes checks that a prompt repeated in another quiz is reported on
// the later quiz with the share of words, and that rewording it below the threshold is not.
func TestNearDuplicateAcrossQuizzes(t *testing.T) {
	quizOf := func(id, prompt string) *quiz.Quiz {
		src := fmt.Sprintf("id: %s\ntitle: T\nday: 1\nquestions:\n  - id: q\n    type: true-false\n    prompt: %q\n    answer: true\n    explanation: E\n", id, prompt)
		var d diag.List
		q := quizfile.Parse(id+".yaml", []byte(src), []string{"en"}, &d)
		if q == nil || d.HasErrors() {
			t.Fatal(d)
		}
		return q
	}
	cases := []struct {
		a, b string
		want string
	}{
		{"Loyal customers buy more, cost less to serve and recommend the company.",
			"Loyal customers cost less to serve, buy more and recommend the company.", "100% of their words are the same"},
		{"Loyal customers buy more, cost less to serve and recommend the company.",
			"Mr Wang has bought for six years; his reorders fell by half since March.", ""},
	}
	for _, c := range cases {
		var d diag.List
		lint.Across([]*quiz.Quiz{quizOf("self-check", c.a), quizOf("exam", c.b)}, []string{"en"}, &d)
		switch {
		case c.want == "" && len(d) > 0:
			t.Errorf("%q vs %q: %v", c.a, c.b, d)
		case c.want != "" && (len(d) != 1 || !strings.Contains(d[0].Message, c.want) || d[0].Pos.Path != "exam.yaml" ||
			!strings.Contains(d[0].Message, `self-check question "q"`)):
			t.Errorf("%q vs %q: %v, want one warning on exam.yaml with %q", c.a, c.b, d, c.want)
		}
	}
}

// TestArrangedOrderIsNotAHabit checks that a run of right options in one place that the
// build's arrangement produced is not reported: only an order the author kept is.
func TestArrangedOrderIsNotAHabit(t *testing.T) {
	src, err := os.ReadFile("testdata/flawed.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src = bytes.ReplaceAll(src, []byte("    keep_order: true\n"), nil)
	var d diag.List
	quizfile.Parse("flawed.yaml", src, []string{"en"}, &d)
	for _, w := range d {
		if strings.Contains(w.Message, "shown in position") {
			t.Errorf("arranged options reported: %v", w)
		}
	}
}
