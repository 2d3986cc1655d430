package collect

import (
	"strings"
	"testing"

	"playbook/site/quiz"
	"playbook/site/report/progress"
)

// TestCheckScore checks the arithmetic of a scored attempt, with the rounding the page does:
// earned to 4 decimals, percent from the unrounded earned to 1 decimal.
func TestCheckScore(t *testing.T) {
	q := &quiz.Quiz{PassMark: 70, Questions: []*quiz.Question{{ID: "a", Type: quiz.Single, Points: 6}}}
	tests := []struct {
		earned, max, percent float64
		passed, current      bool
		want                 string // "" when consistent
	}{
		{2.8333, 6, 47.2, false, true, ""}, // the example of docs/progress.md
		{5, 6, 83.3, true, true, ""},       // 83.333...
		{6, 6, 100, true, true, ""},        // all right
		{4.2, 6, 70, true, true, ""},       // exactly the pass mark passes
		{0.0005, 6, 0, false, true, ""},    // 0.00049 rounds to 0.0005 in the file but to 0% as a percent
		{0.0005, 1, 0.1, false, false, ""}, // or 0.00051: 0.1%
		{0.0005, 1, 0.2, false, false, "percent 0.2 does not match earned/max = 0.0005/1 (0%)"},
		{5, 6, 83.4, true, true, "percent 83.4 does not match"},
		{5, 6, 83.33, true, true, "percent 83.33 does not match"},
		{4.19, 6, 69.8, true, true, "passed is true, but 69.8% is below the pass mark of 70%"},
		{4.2, 6, 70, false, true, "passed is false, but 70% reaches the pass mark of 70%"},
		{5, 5, 100, true, true, "max is 5, but the quiz has 6 points"},
		{5, 5, 100, true, false, ""}, // another version of the quiz may have had 5 points
		{6.0001, 6, 100, true, true, "earned 6.0001 is more than max 6"},
		{-1, 6, 0, false, true, "negative points"},
		{0, 0, 0, false, false, ""},
		{0, 0, 50, false, false, "percent 50 does not match"},
	}
	for _, tt := range tests {
		a := &progress.Attempt{Scored: true, Earned: tt.earned, Max: tt.max, Percent: tt.percent, Passed: tt.passed}
		got := checkScore(q, a, tt.current)
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%v/%v = %v%% passed %v: got %q, want %q", tt.earned, tt.max, tt.percent, tt.passed, got, tt.want)
		}
	}
}

func TestCheckPointsTolerance(t *testing.T) {
	q := &quiz.Quiz{Questions: []*quiz.Question{{ID: "a", Type: quiz.Ordering, Points: 1}, {ID: "b", Type: quiz.Ordering, Points: 1}, {ID: "c", Type: quiz.Ordering, Points: 1}}}
	// Three thirds, each rounded to 0.3333, make an earned of 1 (rounded from 0.99999...).
	ok := &progress.Attempt{Scored: true, Earned: 1, Max: 3, Points: map[string]float64{"a": 0.3333, "b": 0.3333, "c": 0.3333}}
	if msg := checkPoints(q, ok, true); msg != "" {
		t.Errorf("rounding within tolerance refused: %s", msg)
	}
	bad := &progress.Attempt{Scored: true, Earned: 1.001, Max: 3, Points: ok.Points}
	if msg := checkPoints(q, bad, true); !strings.Contains(msg, "add up to 0.9999, not to earned 1.001") {
		t.Errorf("got %q", msg)
	}
}
