// Package score scores quiz attempts from the key, with the partial-credit rules of
// docs/quizzes.md: the same rules as the page script (quiz-core.js), checked by the same
// vectors (site/quiz/testdata/score-vectors.json).
package score

import (
	"math"
	"strings"

	"playbook/site/quiz"
)

// Result is a scored attempt.
type Result struct {
	Earned  float64
	Max     float64
	Percent float64
	Passed  bool
	// Points has the points earned per question id (scored questions only).
	Points map[string]float64
}

// Score scores responses by question id against q's key, with the partial-credit rules of
// docs/quizzes.md. Unanswered questions earn nothing.
func Score(q *quiz.Quiz, responses map[string]quiz.Response) Result {
	r := Result{Points: map[string]float64{}}
	for _, x := range q.Questions {
		if !x.Scored() {
			continue
		}
		pts := x.Points * Fraction(x, responses[x.ID])
		r.Points[x.ID] = pts
		r.Earned += pts
		r.Max += x.Points
	}
	if r.Max > 0 {
		r.Percent = math.Round(r.Earned/r.Max*1000) / 10
	}
	r.Passed = r.Percent >= float64(q.PassMark)
	return r
}

// Fraction returns the share of x's points that resp earns, from 0 to 1.
func Fraction(x *quiz.Question, resp quiz.Response) float64 {
	switch x.Type {
	case quiz.Single, quiz.TrueFalse:
		if len(resp.Choices) == 1 && x.IsAnswer(resp.Choices[0]) {
			return 1
		}
		return 0
	case quiz.Multiple:
		right, wrong := 0, 0
		seen := map[string]bool{}
		for _, c := range resp.Choices {
			if seen[c] {
				continue
			}
			seen[c] = true
			if x.IsAnswer(c) {
				right++
			} else {
				wrong++
			}
		}
		if len(x.Answer) == 0 {
			return 0
		}
		return math.Max(0, float64(right-wrong)/float64(len(x.Answer)))
	case quiz.Ordering:
		if len(x.Items) == 0 {
			return 0
		}
		in := 0
		for i, it := range x.Items {
			if i < len(resp.Order) && resp.Order[i] == it.ID {
				in++
			}
		}
		return float64(in) / float64(len(x.Items))
	case quiz.Matching:
		if len(x.Pairs) == 0 {
			return 0
		}
		ok := 0
		for _, p := range x.Pairs {
			if resp.Matches[p.ID] == p.ID {
				ok++
			}
		}
		return float64(ok) / float64(len(x.Pairs))
	}
	return 0
}

// Answered reports whether resp gives any answer to x at all (as the page's "answered").
func Answered(x *quiz.Question, resp quiz.Response) bool {
	switch x.Type {
	case quiz.Single, quiz.Multiple, quiz.TrueFalse:
		return len(resp.Choices) > 0
	case quiz.Ordering:
		for _, o := range resp.Order {
			if o != "" {
				return true
			}
		}
	case quiz.Matching:
		for _, m := range resp.Matches {
			if m != "" {
				return true
			}
		}
	case quiz.Reflection:
		return strings.TrimSpace(resp.Text) != ""
	}
	return false
}
