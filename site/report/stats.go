package report

import (
	"sort"

	"playbook/site/quiz"
	"playbook/site/report/progress"
)

// tally fills in a learner's result per quiz.
func (r *Report) tally(l *Learner) {
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
		switch {
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
		for _, x := range qs.Questions {
			c, ok := e.Questions[x.ID]
			if !ok {
				continue
			}
			x.TotalRight += c.Right
			x.TotalPartly += c.Partly
			x.TotalWrong += c.Wrong
			switch c.Last {
			case progress.Right:
				x.Right++
			case progress.Partly:
				x.Partly++
			default:
				x.Wrong++
			}
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
