package collect

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"playbook/site/quiz"
	"playbook/site/report/progress"
)

// pointTolerance is half a unit of the fourth decimal: the page rounds earned points and
// the points of each question to 4 decimals.
const pointTolerance = 0.00005

// checkEntry checks a quiz entry against itself and against q, the quiz of the course,
// and returns why the entry cannot be trusted, or "". The page never writes such an entry:
// it was edited by hand or damaged. Checks that need the quiz's questions (the maximum,
// the points per question) apply only when the attempt was taken on q's current version.
func checkEntry(q *quiz.Quiz, e *progress.QuizProgress) string {
	if e.Attempts == 0 && (e.Best != nil || e.Last != nil) {
		return "attempts is 0, but the entry holds an attempt"
	}
	if e.Attempts > 0 && e.Last == nil {
		return fmt.Sprintf("attempts is %d, but the entry has no last attempt", e.Attempts)
	}
	for _, id := range sortedKeys(e.Questions) {
		c := e.Questions[id]
		if n := c.Right + c.Wrong + c.Partly; n > e.Attempts {
			return fmt.Sprintf("question %q has %d results in %d attempts", id, n, e.Attempts)
		}
	}
	current := q.Version()
	for _, a := range []struct {
		name string
		at   *progress.Attempt
	}{{"best", e.Best}, {"last", e.Last}} {
		if a.at == nil || !a.at.Scored {
			continue
		}
		if msg := checkScore(q, a.at, a.at.Version == current); msg != "" {
			return a.name + " attempt: " + msg
		}
	}
	if e.Best != nil && e.Last != nil && e.Last.Scored && e.Last.Percent > e.Best.Percent {
		return fmt.Sprintf("the last attempt (%s%%) scored more than the best (%s%%)", num(e.Last.Percent), num(e.Best.Percent))
	}
	if e.Last != nil && e.Last.Scored {
		if msg := checkPoints(q, e.Last, e.Last.Version == current); msg != "" {
			return "last attempt: " + msg
		}
	}
	return ""
}

// checkScore checks earned, max, percent and passed of a scored attempt.
func checkScore(q *quiz.Quiz, a *progress.Attempt, current bool) string {
	switch {
	case a.Earned < 0 || a.Max < 0:
		return fmt.Sprintf("negative points (earned %s, max %s)", num(a.Earned), num(a.Max))
	case a.Earned > a.Max+pointTolerance:
		return fmt.Sprintf("earned %s is more than max %s", num(a.Earned), num(a.Max))
	case a.Percent < 0 || a.Percent > 100:
		return fmt.Sprintf("percent %s is not between 0 and 100", num(a.Percent))
	}
	if current {
		if want := q.MaxPoints(); math.Abs(a.Max-want) > pointTolerance {
			return fmt.Sprintf("max is %s, but the quiz has %s points", num(a.Max), num(want))
		}
	}
	if lo, hi := percentRange(a.Earned, a.Max); a.Percent < lo-1e-9 || a.Percent > hi+1e-9 {
		return fmt.Sprintf("percent %s does not match earned/max = %s/%s (%s%%)", num(a.Percent), num(a.Earned), num(a.Max), num(lo))
	}
	if pass := a.Percent >= float64(q.PassMark); a.Passed != pass {
		if a.Passed {
			return fmt.Sprintf("passed is true, but %s%% is below the pass mark of %d%%", num(a.Percent), q.PassMark)
		}
		return fmt.Sprintf("passed is false, but %s%% reaches the pass mark of %d%%", num(a.Percent), q.PassMark)
	}
	return ""
}

// percentRange returns the lowest and highest percent, rounded to one decimal as
// score.Score does, of the points that round to earned at 4 decimals.
func percentRange(earned, max float64) (float64, float64) {
	if max <= 0 {
		return 0, 0
	}
	pct := func(e float64) float64 { return math.Round(e/max*1000) / 10 }
	return pct(math.Max(0, earned-pointTolerance)), pct(earned + pointTolerance)
}

// checkPoints checks the points per question of the last attempt: they add up to earned,
// and on the current version each belongs to a scored question and stays within its points.
func checkPoints(q *quiz.Quiz, a *progress.Attempt, current bool) string {
	sum := 0.0
	for _, id := range sortedKeys(a.Points) {
		p := a.Points[id]
		sum += p
		if p < 0 {
			return fmt.Sprintf("question %q earned negative points (%s)", id, num(p))
		}
		if !current {
			continue
		}
		x := scoredQuestion(q, id)
		if x == nil {
			return fmt.Sprintf("points for question %q, which the quiz does not score", id)
		}
		if p > x.Points+pointTolerance {
			return fmt.Sprintf("question %q earned %s of its %s points", id, num(p), num(x.Points))
		}
	}
	if tol := pointTolerance*float64(len(a.Points)+1) + 1e-9; math.Abs(sum-a.Earned) > tol {
		return fmt.Sprintf("the points per question add up to %s, not to earned %s", num(sum), num(a.Earned))
	}
	return ""
}

// scoredQuestion returns the scored question id of q, or nil.
func scoredQuestion(q *quiz.Quiz, id string) *quiz.Question {
	for _, x := range q.Questions {
		if x.ID == id && x.Scored() {
			return x
		}
	}
	return nil
}

// unknownQuestions lists, sorted, the ids in e.Questions that are not scored questions of q.
func unknownQuestions(q *quiz.Quiz, e *progress.QuizProgress) []string {
	var out []string
	for _, id := range sortedKeys(e.Questions) {
		if scoredQuestion(q, id) == nil {
			out = append(out, id)
		}
	}
	return out
}

// num formats a number the shortest way: 83.3, 5, 2.8333.
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// quoteList formats ids as "a", "b" and "c".
func quoteList(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = strconv.Quote(id)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
