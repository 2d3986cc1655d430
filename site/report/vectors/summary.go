package vectors

import "playbook/site/report/progress"

// Summary is what a merge is compared by, in Go and in the page: the learner, the class code
// and per quiz and scenario what the merge rules choose. Fields the merge copies untouched
// (responses, points, earned, max) are left out.
type Summary struct {
	Learner   string                     `json:"learner"`
	Class     string                     `json:"class"`
	Quizzes   map[string]QuizSummary     `json:"quizzes"`
	Scenarios map[string]ScenarioSummary `json:"scenarios"`
}

// ScenarioSummary is one scenario of a Summary.
type ScenarioSummary struct {
	Version  string         `json:"version"`
	Attempts int            `json:"attempts"`
	Best     *RunSummary    `json:"best"`
	Last     *RunSummary    `json:"last"`
	Ends     map[string]int `json:"ends"`
	Picks    map[string]int `json:"picks"`
}

// RunSummary is a best or last run: its date as AttemptSummary's, version, end, outcome,
// percent and path.
type RunSummary struct {
	Date    string   `json:"date"`
	Version string   `json:"version"`
	End     string   `json:"end"`
	Outcome string   `json:"outcome"`
	Percent float64  `json:"percent"`
	Path    []string `json:"path"`
}

// QuizSummary is one quiz of a Summary.
type QuizSummary struct {
	Version   string                     `json:"version"`
	Attempts  int                        `json:"attempts"`
	Best      *AttemptSummary            `json:"best"`
	Last      *AttemptSummary            `json:"last"`
	Questions map[string]QuestionSummary `json:"questions"`
}

// AttemptSummary is a best or last attempt: its date as an ISO time to the millisecond
// (what a JavaScript Date keeps), version, whether it was scored and its percent (0 when not
// scored).
type AttemptSummary struct {
	Date    string  `json:"date"`
	Version string  `json:"version"`
	Scored  bool    `json:"scored"`
	Percent float64 `json:"percent"`
}

// QuestionSummary is a question's counts.
type QuestionSummary struct {
	Right  int    `json:"right"`
	Wrong  int    `json:"wrong"`
	Partly int    `json:"partly"`
	Last   string `json:"last"`
}

// isoMilli is Date.toISOString's layout.
const isoMilli = "2006-01-02T15:04:05.000Z"

// Summarize returns the summary of p.
func Summarize(p *progress.Progress) *Summary {
	s := &Summary{Learner: p.Learner, Class: p.Class, Quizzes: map[string]QuizSummary{}}
	for id, e := range p.Quizzes {
		q := QuizSummary{Version: e.Version, Attempts: e.Attempts, Best: attempt(e.Best), Last: attempt(e.Last), Questions: map[string]QuestionSummary{}}
		for qid, c := range e.Questions {
			q.Questions[qid] = QuestionSummary{Right: c.Right, Wrong: c.Wrong, Partly: c.Partly, Last: string(c.Last)}
		}
		s.Quizzes[id] = q
	}
	s.Scenarios = map[string]ScenarioSummary{}
	for id, e := range p.Scenarios {
		s.Scenarios[id] = ScenarioSummary{Version: e.Version, Attempts: e.Attempts, Best: run(e.Best), Last: run(e.Last), Ends: e.Ends, Picks: e.Picks}
	}
	return s
}

func run(r *progress.Run) *RunSummary {
	if r == nil {
		return nil
	}
	return &RunSummary{Date: r.Date.UTC().Format(isoMilli), Version: r.Version, End: r.End, Outcome: r.Outcome, Percent: r.Percent, Path: r.Path}
}

func attempt(a *progress.Attempt) *AttemptSummary {
	if a == nil {
		return nil
	}
	return &AttemptSummary{Date: a.Date.UTC().Format(isoMilli), Version: a.Version, Scored: a.Scored, Percent: a.Percent}
}
