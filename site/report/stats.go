package report

import (
	"sort"

	"playbook/site/quiz"
	"playbook/site/report/progress"
)

// tally fills in a learner's result per quiz. The last attempt at an exam is reviewed
// against the key, and graded when its page could not score it (see grade).
func (r *Report) tally(l *Learner, texts *texts) {
	for _, qs := range r.Quizzes {
		lq := &LearnerQuiz{Quiz: qs, Status: NotStarted, EntrySkipped: l.SkippedEntries[qs.ID]}
		l.Quizzes = append(l.Quizzes, lq)
		e := l.Progress.Quizzes[qs.ID]
		if e == nil || e.Attempts == 0 {
			continue
		}
		lq.Attempts = e.Attempts
		lq.EarlierVersion = e.Version != qs.Quiz.Version()
		if e.Last != nil {
			lq.LastDate = e.Last.Date
		}
		var review *Review
		if qs.Mode == quiz.Exam {
			if review = r.grade(qs, e.Last, texts); review != nil {
				l.Reviews = append(l.Reviews, review)
			}
		}
		switch {
		case review != nil && review.Graded && (e.Best == nil || review.Percent > e.Best.Percent):
			lq.Graded, lq.Best = true, review.Percent
			lq.Status = Failed
			if review.Passed {
				lq.Status = Passed
			}
		case e.Best == nil:
			lq.Status = Submitted
		case e.Best.Passed:
			lq.Status, lq.Best = Passed, e.Best.Percent
		default:
			lq.Status, lq.Best = Failed, e.Best.Percent
		}
		if lq.Status == Passed {
			if qs.Mode == quiz.Exam {
				l.ExamsPassed++
			} else {
				l.SelfChecksPassed++
			}
		}
		countQuestions(qs, e, review)
	}
}

// countQuestions adds a learner's results per question to the quiz's figures: the counts
// of the scored attempts, and an attempt the report graded (review, when Graded) as the
// last result and one attempt more.
func countQuestions(qs *QuizStats, e *progress.QuizProgress, review *Review) {
	graded := map[string]progress.Result{}
	if review != nil && review.Graded {
		for _, it := range review.Items {
			graded[it.ID] = it.Result
		}
	}
	for _, x := range qs.Questions {
		c, counted := e.Questions[x.ID]
		g, isGraded := graded[x.ID]
		if !counted && !isGraded {
			continue
		}
		x.TotalRight += c.Right
		x.TotalPartly += c.Partly
		x.TotalWrong += c.Wrong
		last := c.Last
		if isGraded {
			last = g
			switch g {
			case progress.Right:
				x.TotalRight++
			case progress.Partly:
				x.TotalPartly++
			default:
				x.TotalWrong++
			}
		}
		switch last {
		case progress.Right:
			x.Right++
		case progress.Partly:
			x.Partly++
		default:
			x.Wrong++
		}
	}
}

// summarize computes the class figures of a quiz from the learners' results.
func (qs *QuizStats) summarize(learners []*Learner) {
	var best []float64
	for _, l := range learners {
		for _, lq := range l.Quizzes {
			if lq.Quiz != qs || lq.Status == NotStarted {
				continue
			}
			qs.Attempted++
			if lq.Status == Passed {
				qs.Passed++
			}
			if lq.Status == Passed || lq.Status == Failed {
				best = append(best, lq.Best)
			}
		}
	}
	qs.Scored = len(best)
	if len(best) == 0 {
		return
	}
	sort.Float64s(best)
	sum := 0.0
	for _, b := range best {
		sum += b
	}
	qs.Mean = roundTenth(sum / float64(len(best)))
	mid := len(best) / 2
	if len(best)%2 == 1 {
		qs.Median = best[mid]
	} else {
		qs.Median = roundTenth((best[mid-1] + best[mid]) / 2)
	}
}

// reteach ranks the questions that learners got wrong or partly right in their last
// result: by the share of learners, then by their number, then in course order.
func reteach(quizzes []*QuizStats, texts *texts) []*QuestionStats {
	var out []*QuestionStats
	for _, qs := range quizzes {
		for _, x := range qs.Questions {
			if x.Missed() > 0 {
				out = append(out, x)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		// Compare a.Missed/a.Learners with b.Missed/b.Learners without division.
		if l, r := a.Missed()*b.Learners(), b.Missed()*a.Learners(); l != r {
			return l > r
		}
		return a.Missed() > b.Missed()
	})
	if len(out) > MaxReteach {
		out = out[:MaxReteach]
	}
	for _, x := range out {
		x.Reference = texts.reference(x.Quiz.Quiz, x.ID)
	}
	return out
}
