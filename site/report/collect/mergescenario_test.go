package collect

import (
	"reflect"
	"testing"

	"playbook/site/report/progress"
)

func runAt(h int, version string, percent float64) *progress.Run {
	return &progress.Run{Date: day(h), Version: version, End: "won", Outcome: "won", Points: percent / 10, Max: 10, Percent: percent, Path: []string{"a/b"}}
}

func withScenario(learner string, id string, e *progress.ScenarioProgress) *progress.Progress {
	p := fileOf(learner, map[string]*progress.QuizProgress{})
	p.Scenarios = map[string]*progress.ScenarioProgress{id: e}
	return p
}

// TestMergeScenarios checks the scenario rules of docs/progress.md ("Merging").
func TestMergeScenarios(t *testing.T) {
	ours := &progress.ScenarioProgress{Version: "v1", Attempts: 2, Best: runAt(8, "v1", 70), Last: runAt(9, "v1", 50),
		Ends: map[string]int{"won": 1, "lost": 1}, Picks: map[string]int{"a/b": 2}}
	theirs := &progress.ScenarioProgress{Version: "v2", Attempts: progress.MaxCount, Best: runAt(7, "v2", 70), Last: runAt(10, "v2", 60),
		Ends: map[string]int{"won": progress.MaxCount, "partial": 1}, Picks: map[string]int{"a/c": 1}}
	m := Merge(withScenario("Ana", "s", ours), withScenario("", "s", theirs)).Scenarios["s"]
	if m.Attempts != progress.MaxCount || m.Version != "v2" || m.Last != theirs.Last || m.Best != ours.Best {
		t.Errorf("attempts stop at MaxCount, the newer last brings its version, a tie on best keeps ours: %+v", m)
	}
	if want := map[string]int{"won": progress.MaxCount, "lost": 1, "partial": 1}; !reflect.DeepEqual(m.Ends, want) {
		t.Errorf("ends %v, want %v", m.Ends, want)
	}
	if want := map[string]int{"a/b": 2, "a/c": 1}; !reflect.DeepEqual(m.Picks, want) {
		t.Errorf("picks %v, want %v", m.Picks, want)
	}
	if ours.Ends["won"] != 1 || len(ours.Picks) != 1 {
		t.Error("the merge changed ours")
	}

	older := &progress.ScenarioProgress{Version: "v0", Attempts: 1, Best: runAt(6, "v0", 90), Last: runAt(6, "v0", 90), Ends: map[string]int{}, Picks: map[string]int{}}
	m = Merge(withScenario("Ana", "s", ours), withScenario("", "s", older)).Scenarios["s"]
	if m.Version != "v1" || m.Last != ours.Last || m.Best != older.Best {
		t.Errorf("an older last keeps ours and its version; a higher best wins: %+v", m)
	}
	m = Merge(withScenario("Ana", "s", ours), withScenario("", "t", older)).Scenarios["t"]
	if m == nil || m.Attempts != 1 || m.Best != older.Best {
		t.Errorf("a scenario only in theirs is copied: %+v", m)
	}
	m = Merge(fileOf("Ana", map[string]*progress.QuizProgress{}), withScenario("", "s", &progress.ScenarioProgress{Version: "v", Ends: map[string]int{}, Picks: map[string]int{}})).Scenarios["s"]
	if m == nil || m.Best != nil || m.Last != nil {
		t.Errorf("an entry without runs is copied: %+v", m)
	}
}
