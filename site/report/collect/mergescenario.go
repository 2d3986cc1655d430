package collect

import (
	"maps"
	"time"

	"playbook/site/report/progress"
)

// mergeScenario merges two records of one scenario as the page's import does
// (docs/progress.md, "Merging"): attempts add up; best is the run with the higher percent
// (on a tie, ours); last is the run with the later date (on a tie, ours) and the scenario
// version goes with it; the counts of ends and choices add up. Every sum stops at
// progress.MaxCount.
func mergeScenario(o, t *progress.ScenarioProgress) *progress.ScenarioProgress {
	m := cloneScenario(o)
	m.Attempts = add(o.Attempts, t.Attempts)
	if last := newerRun(o.Last, t.Last); last != o.Last {
		m.Version, m.Last = t.Version, last
	}
	if t.Best != nil && (o.Best == nil || t.Best.Percent > o.Best.Percent) {
		m.Best = t.Best
	}
	addCounts(m.Ends, t.Ends)
	addCounts(m.Picks, t.Picks)
	return m
}

// newerRun returns the later of two runs, as newer does for attempts.
func newerRun(a, b *progress.Run) *progress.Run {
	return later(a, b, func(x *progress.Run) time.Time { return x.Date })
}

func addCounts(into, from map[string]int) {
	for k, n := range from {
		into[k] = add(into[k], n)
	}
}

// cloneScenario copies an entry's maps; runs are never changed after parsing, so they are
// shared.
func cloneScenario(e *progress.ScenarioProgress) *progress.ScenarioProgress {
	c := *e
	c.Ends, c.Picks = maps.Clone(e.Ends), maps.Clone(e.Picks)
	if c.Ends == nil {
		c.Ends = map[string]int{}
	}
	if c.Picks == nil {
		c.Picks = map[string]int{}
	}
	return &c
}
