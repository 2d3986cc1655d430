// Package roleplay sums up a class's role-play runs for the report (docs/report.md,
// "Role-plays"): per scenario of the course, how many learners played it, their best and
// last scores, the ends they reached and the poor choices they made, ranked by learners. It
// reads the learners' merged progress (package progress) and the course's scenarios; the
// report words and renders what it returns.
package roleplay

import (
	"math"
	"sort"

	"playbook/site/report/progress"
	"playbook/site/scenario"
	"playbook/site/scenario/graph"
	"playbook/site/strictyaml"
)

// Player is one learner as the role-plays see them.
type Player struct {
	Name, Class string
	// Scenarios are the learner's merged entries by scenario id.
	Scenarios map[string]*progress.ScenarioProgress
}

// Texts gives a text of a scenario as plain text on one line, in the report's language.
type Texts func(s *scenario.Scenario, t strictyaml.Text) string

// Stats are the figures of one scenario across the class.
type Stats struct {
	Scenario *scenario.Scenario
	Title    string
	// Played counts the learners with a finished run; Best and Last those with a best and a
	// last run (all of them, unless a file was edited).
	Played, Best, Last int
	// OtherVersion counts the learners whose last run was on another version of the
	// scenario: their ends and choices are not counted, since the ids may name other steps.
	OtherVersion int
	// BestMean, BestMedian, LastMean and LastMedian are of the learners' best and last
	// percents, rounded to one decimal; meaningful when Best or Last > 0.
	BestMean, BestMedian, LastMean, LastMedian float64
	// Ends are the scenario's ends in file order, with the learners who reached each.
	Ends []*EndStats
	// Poor are the poor choices (graph.Step.Poor) that learners made, most learners
	// first, then in file order.
	Poor []*ChoiceStats
}

// Counted is how many learners' ends and choices are counted.
func (s *Stats) Counted() int { return s.Played - s.OtherVersion }

// EndStats is one end and how many learners reached it in any of their runs.
type EndStats struct {
	ID       string
	Title    string
	Outcome  graph.Outcome
	Learners int
}

// ChoiceStats is one poor choice and how many learners made it in any of their runs.
type ChoiceStats struct {
	Step, Choice string
	// Says is what the customer says at the step, shortened (Shorten); Text the choice.
	Says, Text string
	// Points are the choice's, Best the best at its step.
	Points, Best int
	Learners     int
}

// SaysLength is how many characters of the customer's line a poor choice shows.
const SaysLength = 90

// Summarize computes the figures of each scenario (in the order given) over the players.
func Summarize(scenarios []*scenario.Scenario, players []Player, text Texts) []*Stats {
	out := make([]*Stats, 0, len(scenarios))
	for _, sc := range scenarios {
		out = append(out, summarize(sc, players, text))
	}
	return out
}

func summarize(sc *scenario.Scenario, players []Player, text Texts) *Stats {
	st := &Stats{Scenario: sc, Title: text(sc, sc.Title)}
	for _, e := range sc.Ends {
		st.Ends = append(st.Ends, &EndStats{ID: e.ID, Title: text(sc, e.Title), Outcome: e.Outcome})
	}
	picks := map[string]int{}
	version := sc.Version()
	var best, last []float64
	for _, p := range players {
		e := p.Scenarios[sc.ID]
		if e == nil || e.Attempts == 0 {
			continue
		}
		st.Played++
		if e.Best != nil {
			best = append(best, e.Best.Percent)
		}
		if e.Last != nil {
			last = append(last, e.Last.Percent)
		}
		if e.Version != version {
			st.OtherVersion++
			continue
		}
		for _, end := range st.Ends {
			if e.Ends[end.ID] > 0 {
				end.Learners++
			}
		}
		for id, n := range e.Picks {
			if n > 0 {
				picks[id]++
			}
		}
	}
	st.Best, st.Last = len(best), len(last)
	st.BestMean, st.BestMedian = MeanMedian(best)
	st.LastMean, st.LastMedian = MeanMedian(last)
	st.Poor = poorChoices(sc, picks, text)
	return st
}

// poorChoices lists the poor choices of sc that any learner made (picks: learners by
// "step/choice"), most learners first, then in file order.
func poorChoices(sc *scenario.Scenario, picks map[string]int, text Texts) []*ChoiceStats {
	var out []*ChoiceStats
	w := sc.WalkAll()
	for i, step := range sc.Steps {
		best := 0
		for _, c := range step.Choices {
			best = max(best, c.Points)
		}
		for j, c := range step.Choices {
			n := picks[step.ID+"/"+c.ID]
			if n == 0 || !w.Poor(&sc.Graph, graph.Move{Step: i, Choice: j}) {
				continue
			}
			out = append(out, &ChoiceStats{Step: step.ID, Choice: c.ID, Says: Shorten(text(sc, step.Says), SaysLength),
				Text: text(sc, c.Text), Points: c.Points, Best: best, Learners: n})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Learners > out[j].Learners })
	return out
}

// Shorten cuts s to at most n characters, ending with "…" when it was cut, at a space
// when there is one in the last third.
func Shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n - 1
	for i := cut; i > n*2/3; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	for cut > 0 && (r[cut-1] == ' ' || r[cut-1] == ',' || r[cut-1] == ';') {
		cut--
	}
	return string(r[:cut]) + "…"
}

// MeanMedian returns the mean and the median of xs, each rounded to one decimal; 0 and 0
// when xs is empty. xs is sorted in place.
func MeanMedian(xs []float64) (mean, median float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	sort.Float64s(xs)
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	mid := len(xs) / 2
	median = xs[mid]
	if len(xs)%2 == 0 {
		median = (xs[mid-1] + xs[mid]) / 2
	}
	return roundTenth(sum / float64(len(xs))), roundTenth(median)
}

func roundTenth(x float64) float64 { return math.Round(x*10) / 10 }
