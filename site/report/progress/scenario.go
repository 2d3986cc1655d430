package progress

import (
	"fmt"
	"time"

	"playbook/site/report/jsonpos"
)

// ScenarioProgress is a learner's record of one role-play scenario (docs/progress.md, "A
// scenario").
type ScenarioProgress struct {
	// Version is the scenario version of the learner's last run.
	Version  string
	Attempts int
	// Best is the run with the highest percent, Last the latest run; nil when there is none.
	Best *Run
	Last *Run
	// Ends counts how often each end was reached, by end id; Picks how often each choice
	// was made, by "step/choice".
	Ends  map[string]int
	Picks map[string]int
	// Line and Col are where the entry starts in its file; 0 when unknown.
	Line int `json:"-"`
	Col  int `json:"-"`
}

// Run is one finished run of a scenario (docs/progress.md, "A run").
type Run struct {
	Date time.Time
	// Version is the scenario version of the page it was played on.
	Version string
	// End is the id of the end reached, Outcome that end's outcome (won, recovered...).
	End     string
	Outcome string
	// Points earned along the path, Max the points of the best path, Percent Points/Max.
	Points, Max, Percent float64
	// Path is every choice made, in order, as "step/choice".
	Path []string
}

// scenarios reads the top level's "scenarios": missing in files made before scenarios
// existed, an object of entries otherwise.
func (c *checker) scenarios(root *jsonpos.Value) map[string]*ScenarioProgress {
	out := map[string]*ScenarioProgress{}
	v := root.Get("scenarios")
	if v == nil || !c.object(v, "scenarios") {
		return out
	}
	for _, id := range v.Keys {
		out[id] = c.scenario(v.Fields[id], fmt.Sprintf("scenarios[%q]", id))
		if c.failed() {
			return out
		}
	}
	return out
}

func (c *checker) scenario(v *jsonpos.Value, name string) *ScenarioProgress {
	if v.Kind != jsonpos.Object {
		c.fail(v, "%s must be an object, not %s", name, v.Describe())
		return nil
	}
	e := &ScenarioProgress{}
	e.Line, e.Col = jsonpos.LineCol(c.data, v.Off)
	e.Version = c.requiredText(v, "version", name)
	e.Attempts = c.count(v, "attempts", name)
	if b := v.Get("best"); b != nil && b.Kind != jsonpos.Null {
		e.Best = c.run(b, name+".best")
	}
	if l := v.Get("last"); l != nil && l.Kind != jsonpos.Null {
		e.Last = c.run(l, name+".last")
	}
	e.Ends = c.counts(v, "ends", name)
	e.Picks = c.counts(v, "picks", name)
	return e
}

// requiredText reads the string field key of obj, which must be present.
func (c *checker) requiredText(obj *jsonpos.Value, key, name string) string {
	v := obj.Get(key)
	switch {
	case v == nil:
		c.fail(obj, "%s.%s is missing", name, key)
	case v.Kind != jsonpos.String:
		c.fail(v, "%s.%s must be a string, not %s", name, key, v.Describe())
	default:
		return v.Str
	}
	return ""
}

// counts reads the field key of obj as an object of counts by id.
func (c *checker) counts(obj *jsonpos.Value, key, name string) map[string]int {
	out := map[string]int{}
	v := obj.Get(key)
	if v == nil {
		c.fail(obj, "%s.%s is missing", name, key)
		return out
	}
	field := name + "." + key
	if !c.object(v, field) {
		return out
	}
	for _, id := range v.Keys {
		out[id] = c.countOf(v.Fields[id], fmt.Sprintf("%s[%q]", field, id))
	}
	return out
}

func (c *checker) run(v *jsonpos.Value, name string) *Run {
	if v.Kind != jsonpos.Object {
		c.fail(v, "%s must be an object or null, not %s", name, v.Describe())
		return nil
	}
	r := &Run{}
	if d := v.Get("date"); d == nil {
		c.fail(v, "%s.date is missing", name)
	} else {
		r.Date = c.date(d, name+".date")
	}
	r.Version = c.requiredText(v, "version", name)
	r.End = c.requiredText(v, "end", name)
	r.Outcome = c.requiredText(v, "outcome", name)
	r.Points = c.number(v.Get("points"), v, name+".points")
	r.Max = c.number(v.Get("max"), v, name+".max")
	r.Percent = c.number(v.Get("percent"), v, name+".percent")
	if p := v.Get("path"); p == nil {
		c.fail(v, "%s.path is missing", name)
	} else {
		r.Path = c.strings(p, name+".path")
	}
	return r
}
