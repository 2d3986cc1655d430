package quiz

import (
	"fmt"
	"math"
	"strings"
)

// Response is what a learner answered to one question.
type Response struct {
	// Choices are the chosen option ids (single, multiple, true-false).
	Choices []string `json:"choices,omitempty"`
	// Order is the item ids in the learner's order (ordering).
	Order []string `json:"order,omitempty"`
	// Matches maps each pair id to the id of the right side chosen for it (matching);
	// distractors have the ids DistractorID(i).
	Matches map[string]string `json:"matches,omitempty"`
	// Text is a reflection.
	Text string `json:"text,omitempty"`
}

// DistractorID is the id of the i-th distractor (from 0) among a matching question's choices.
func DistractorID(i int) string { return "distractor-" + LetterID(i) }

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
func Score(q *Quiz, responses map[string]Response) Result {
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
func Fraction(x *Question, resp Response) float64 {
	switch x.Type {
	case Single, TrueFalse:
		if len(resp.Choices) == 1 && x.IsAnswer(resp.Choices[0]) {
			return 1
		}
		return 0
	case Multiple:
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
	case Ordering:
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
	case Matching:
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

// LetterID is the id of the i-th option, item or pair (from 0) when the file gives none:
// a, b, c... then o27, o28...
func LetterID(i int) string {
	if i < 26 {
		return string(rune('a' + i))
	}
	return fmt.Sprintf("o%d", i+1)
}

// Answered reports whether resp gives any answer to x at all (as the page's "answered").
func Answered(x *Question, resp Response) bool {
	switch x.Type {
	case Single, Multiple, TrueFalse:
		return len(resp.Choices) > 0
	case Ordering:
		for _, o := range resp.Order {
			if o != "" {
				return true
			}
		}
	case Matching:
		for _, m := range resp.Matches {
			if m != "" {
				return true
			}
		}
	case Reflection:
		return strings.TrimSpace(resp.Text) != ""
	}
	return false
}
