package report

import (
	"slices"
	"time"

	"playbook/site/quiz"
	"playbook/site/quiz/score"
	"playbook/site/report/progress"
	"playbook/site/strictyaml"
)

// Review is a learner's last attempt at an exam beside the key, question by question: what
// a trainer prints and hands back.
type Review struct {
	Quiz *QuizStats
	Date time.Time
	// Earned, Max and Percent are the attempt's score by the rules of docs/quizzes.md.
	Earned, Max, Percent float64
	Passed               bool
	// Graded is true when the report scored the attempt from the key because its page had
	// none (an exam taken in the learner edition).
	Graded bool
	Items  []ReviewItem
}

// ReviewItem is one scored question of a review.
type ReviewItem struct {
	Number int
	ID     string
	Prompt string
	// Given is the learner's answer in words, Key the right answer; for true/false each is
	// "true" or "false" (TrueFalse), for the template to word.
	Given, Key []string
	TrueFalse  bool
	Earned     float64
	Max        float64
	Result     progress.Result
}

// grade scores the last attempt of a learner's quiz entry with the course's key, with the
// same rules and the same vectors as the page (score.Score after quiz.FromPage). It returns
// nil when there is nothing to grade: no last attempt, no responses kept, or an attempt
// taken on another version of the quiz, whose option ids may mean other options.
func (r *Report) grade(qs *QuizStats, a *progress.Attempt, texts *texts) *Review {
	q := qs.Quiz
	if a == nil || a.Responses == nil || a.Version != q.Version() {
		return nil
	}
	responses := quiz.FromPage(q, a.Responses)
	res := score.Score(q, responses)
	rv := &Review{Quiz: qs, Date: a.Date, Earned: res.Earned, Max: res.Max, Percent: res.Percent, Passed: res.Passed, Graded: !a.Scored}
	n := 0
	for _, x := range q.Questions {
		if !x.Scored() {
			continue
		}
		n++
		resp := responses[x.ID]
		item := ReviewItem{Number: n, ID: x.ID, Prompt: texts.prompt(q, x), Earned: res.Points[x.ID], Max: x.Points, TrueFalse: x.Type == quiz.TrueFalse}
		item.Given, item.Key = answerWords(q, x, resp, texts)
		f := score.Fraction(x, resp)
		switch {
		case f >= 1:
			item.Result = progress.Right
		case f > 0:
			item.Result = progress.Partly
		case score.Answered(x, resp):
			item.Result = progress.Wrong
		default:
			item.Result = progress.Unanswered
		}
		rv.Items = append(rv.Items, item)
	}
	return rv
}

// answerWords words a response to x and x's key as plain texts, in the report's language.
func answerWords(q *quiz.Quiz, x *quiz.Question, resp quiz.Response, texts *texts) (given, key []string) {
	word := func(t strictyaml.Text) string { return texts.inline(q, t) }
	switch x.Type {
	case quiz.TrueFalse:
		return resp.Choices, x.Answer
	case quiz.Single, quiz.Multiple:
		for _, o := range x.Options {
			if slices.Contains(resp.Choices, o.ID) {
				given = append(given, word(o.Text))
			}
			if x.IsAnswer(o.ID) {
				key = append(key, word(o.Text))
			}
		}
	case quiz.Ordering:
		text := map[string]string{}
		for _, it := range x.Items {
			text[it.ID] = word(it.Text)
			key = append(key, text[it.ID])
		}
		if score.Answered(x, resp) {
			for _, id := range resp.Order {
				given = append(given, orDash(text[id]))
			}
		}
	case quiz.Matching:
		right := map[string]string{}
		for i, d := range x.Distractors {
			right[quiz.DistractorID(i)] = word(d)
		}
		for _, p := range x.Pairs {
			right[p.ID] = word(p.Right)
		}
		for _, p := range x.Pairs {
			key = append(key, word(p.Left)+" → "+right[p.ID])
			if m, ok := resp.Matches[p.ID]; ok {
				given = append(given, word(p.Left)+" → "+right[m])
			}
		}
	}
	return given, key
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
