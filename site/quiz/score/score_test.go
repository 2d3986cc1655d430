package score

import (
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"

	"playbook/site/quiz"
)

type vector struct {
	Name     string        `json:"name"`
	Type     quiz.Type     `json:"type"`
	Points   float64       `json:"points"`
	Answer   string        `json:"answer"`
	Response quiz.Response `json:"response"`
	Earned   float64       `json:"earned"`
}

// questionFromVector builds the question a test vector describes.
func questionFromVector(v vector) *quiz.Question {
	x := &quiz.Question{ID: "q", Type: v.Type, Points: v.Points}
	fields := strings.Fields(v.Answer)
	switch v.Type {
	case quiz.Single, quiz.Multiple, quiz.TrueFalse:
		x.Answer = fields
	case quiz.Ordering:
		for _, id := range fields {
			x.Items = append(x.Items, &quiz.Item{ID: id})
		}
	case quiz.Matching:
		for _, pair := range fields {
			left, _, _ := strings.Cut(pair, ":")
			x.Pairs = append(x.Pairs, &quiz.Pair{ID: left})
		}
	}
	return x
}

// TestScoreVectors runs the cases shared with the page script.
func TestScoreVectors(t *testing.T) {
	data, err := os.ReadFile("../testdata/score-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Cases []vector `json:"cases"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	if len(file.Cases) < 15 {
		t.Fatalf("only %d vectors", len(file.Cases))
	}
	for _, v := range file.Cases {
		x := questionFromVector(v)
		if got := x.Points * Fraction(x, v.Response); math.Abs(got-v.Earned) > 1e-9 {
			t.Errorf("%s: earned %v, want %v", v.Name, got, v.Earned)
		}
	}
}

func TestScoreQuiz(t *testing.T) {
	q := &quiz.Quiz{PassMark: 60, Questions: []*quiz.Question{
		{ID: "a", Type: quiz.Single, Points: 1, Answer: []string{"x"}},
		{ID: "b", Type: quiz.Multiple, Points: 2, Answer: []string{"x", "y"}},
		{ID: "c", Type: quiz.Reflection},
	}}
	r := Score(q, map[string]quiz.Response{"a": {Choices: []string{"x"}}, "b": {Choices: []string{"x"}}, "c": {Text: "t"}})
	if r.Earned != 2 || r.Max != 3 || r.Percent != 66.7 || !r.Passed {
		t.Errorf("got %+v", r)
	}
	if _, counted := r.Points["c"]; counted {
		t.Error("a reflection was scored")
	}
	r = Score(q, nil)
	if r.Earned != 0 || r.Passed {
		t.Errorf("empty attempt: %+v", r)
	}
}
