package scenariofile

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"playbook/site/lessonref"
	"playbook/site/scenario"
	"playbook/site/scenario/graph"
	"playbook/site/strictyaml"
)

// declare reads the ids of every step and end first, so that a choice can lead to a step
// written after it, and reads the ends whole.
func (p *parser) declare(s *scenario.Scenario, f map[string]strictyaml.Field, root *yaml.Node) {
	steps, ok := p.d.Seq(f, "steps")
	if !ok {
		p.require(f, root, "steps", "steps: [{id: opening, says: ..., choices: [...]}]")
	}
	ends, ok := p.d.Seq(f, "ends")
	if !ok {
		p.require(f, root, "ends", "ends: [{id: resolved, outcome: recovered, title: ..., debrief: ...}]")
	}
	if len(steps)+len(ends) > graph.MaxSteps {
		p.d.Errorf(root, "a scenario has at most %d steps and ends together, this one %d; split it into two scenarios", graph.MaxSteps, len(steps)+len(ends))
		return
	}
	for _, n := range steps {
		sf := p.d.Mapping(n, "a step", stepKeys...)
		p.stepFields = append(p.stepFields, sf)
		st := &graph.Step{Pos: p.d.Pos(n)}
		st.ID = p.id(sf, n, graph.Target{Index: len(s.Steps)}, "step")
		s.Steps = append(s.Steps, st)
		p.stepNodes = append(p.stepNodes, n)
	}
	for _, n := range ends {
		ef := p.d.Mapping(n, "an end", endKeys...)
		e := &graph.End{Pos: p.d.Pos(n)}
		e.ID = p.id(ef, n, graph.Target{End: true, Index: len(s.Ends)}, "end")
		e.Outcome = p.outcome(ef, n)
		e.Title = p.text(ef, n, "title", "title: {en: ..., zh-CN: ...}")
		if _, present := ef["debrief"]; !present {
			p.d.Errorf(n, "end %s has no debrief; add \"debrief: {en: ..., zh-CN: ...}\": what decided this end and what to try next time", e.ID)
		}
		e.Debrief, _ = p.d.Localized(ef, "debrief", p.langs)
		s.Ends = append(s.Ends, e)
	}
}

// id reads the id of a step or end and records it as a target; steps and ends share one
// namespace.
func (p *parser) id(f map[string]strictyaml.Field, at *yaml.Node, t graph.Target, what string) string {
	id, ok := p.d.ID(f, "id")
	if !ok {
		p.require(f, at, "id", "id: opening")
		return ""
	}
	if _, dup := p.targets[id]; dup {
		p.d.Errorf(f["id"].Value, "%s id %q is already used by another step or end; ids must be unique in a scenario", what, id)
		return id
	}
	p.targets[id] = t
	return id
}

func (p *parser) outcome(f map[string]strictyaml.Field, at *yaml.Node) graph.Outcome {
	o, ok := p.d.String(f, "outcome")
	if !ok {
		p.require(f, at, "outcome", "outcome: recovered")
		return ""
	}
	for _, known := range graph.Outcomes() {
		if graph.Outcome(o) == known {
			return known
		}
	}
	names := make([]string, 0, 5)
	for _, known := range graph.Outcomes() {
		names = append(names, string(known))
	}
	p.d.Errorf(f["outcome"].Value, "outcome %q is not one of %s", o, strings.Join(names, ", "))
	return ""
}

func (p *parser) step(st *graph.Step, n *yaml.Node, f map[string]strictyaml.Field) {
	st.Situation, _ = p.d.Localized(f, "situation", p.langs)
	st.Says = p.text(f, n, "says", "says: {en: ..., zh-CN: ...}")
	items, ok := p.d.Seq(f, "choices")
	if !ok {
		p.require(f, n, "choices", "choices: [{text: ..., points: 2, feedback: ..., goto: next-step}]")
		return
	}
	if len(items) < 2 || len(items) > 4 {
		p.d.Errorf(f["choices"].Value, "step %s has %d choice(s); give it 2 to 4", st.ID, len(items))
	}
	ids := map[string]bool{}
	for i, it := range items {
		c := p.choice(it, i)
		if c == nil {
			continue
		}
		if ids[c.ID] {
			p.d.Errorf(it, "choice id %q is used twice in step %s", c.ID, st.ID)
		}
		ids[c.ID] = true
		st.Choices = append(st.Choices, c)
	}
}

func (p *parser) choice(n *yaml.Node, i int) *graph.Choice {
	f := p.d.Mapping(n, "a choice", choiceKeys...)
	c := &graph.Choice{ID: string(rune('a' + i)), Pos: p.d.Pos(n)}
	if id, ok := p.d.ID(f, "id"); ok {
		c.ID = id
	}
	c.Text = p.text(f, n, "text", "text: {en: ..., zh-CN: ...}")
	c.Points, _ = p.d.Int(f, "points", 0, 10)
	if _, present := f["feedback"]; !present {
		p.d.Errorf(n, "choice %s has no feedback; add \"feedback: {en: ..., zh-CN: ...}\" naming the framework at work", c.ID)
	}
	c.Feedback, _ = p.d.Localized(f, "feedback", p.langs)
	c.Source = lessonref.Parse(p.d, f, "source", p.langs)
	if fl, ok := f["if"]; ok {
		c.If = p.cond(fl.Value)
	}
	c.Set = p.changes(f)
	c.Goto = p.branches(f, n)
	return c
}

// changes reads "set: {trust: 1, mood: -2}".
func (p *parser) changes(f map[string]strictyaml.Field) []graph.Change {
	fl, ok := f["set"]
	if !ok {
		return nil
	}
	n := strictyaml.Resolve(fl.Value)
	if n == nil || n.Kind != yaml.MappingNode {
		p.d.Errorf(fl.Value, "set must be a mapping of variable: change, e.g. \"set: {trust: 1}\"")
		return nil
	}
	var out []graph.Change
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], strictyaml.Resolve(n.Content[i+1])
		idx := p.vars[k.Value] - 1
		if idx < 0 {
			p.d.Errorf(k, "set names %s, which is not a variable; declare it under \"variables:\" (%s)", k.Value, p.declared())
			continue
		}
		delta, err := strconv.Atoi(strings.TrimPrefix(v.Value, "+"))
		if v.Kind != yaml.ScalarNode || err != nil || delta < -2*graph.MaxValue || delta > 2*graph.MaxValue {
			p.d.Errorf(v, "set %s must be a whole number to add (negative to take away), e.g. 1 or -2; found %q", k.Value, v.Value)
			continue
		}
		out = append(out, graph.Change{Var: idx, Delta: delta})
	}
	return out
}

// branches reads "goto: step-id" or a list of {if, to} branches whose last has no if.
func (p *parser) branches(f map[string]strictyaml.Field, at *yaml.Node) []graph.Branch {
	fl, ok := f["goto"]
	if !ok {
		p.require(f, at, "goto", "goto: next-step")
		return nil
	}
	n := strictyaml.Resolve(fl.Value)
	if n != nil && n.Kind == yaml.ScalarNode {
		if t, ok := p.target(n); ok {
			return []graph.Branch{{To: t}}
		}
		return nil
	}
	if n == nil || n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		p.d.Errorf(fl.Value, "goto must be a step or end id, or a list of branches such as [{if: trust >= 1, to: calm}, {to: angry}]")
		return nil
	}
	var out []graph.Branch
	for i, item := range n.Content {
		item = strictyaml.Resolve(item)
		bf := p.d.Mapping(item, "a branch", branchKeys...)
		b := graph.Branch{}
		last := i == len(n.Content)-1
		if cf, ok := bf["if"]; ok {
			if last {
				p.d.Errorf(cf.Value, "the last branch of goto has a condition; drop its \"if\" so that the conversation always goes somewhere")
			}
			b.If = p.cond(cf.Value)
		} else if !last {
			p.d.Errorf(item, "only the last branch of goto may have no \"if\"; the branches after it would never be taken")
		}
		to, ok := bf["to"]
		if !ok {
			p.require(bf, item, "to", "to: next-step")
			continue
		}
		if t, ok := p.target(strictyaml.Resolve(to.Value)); ok {
			b.To = t
			out = append(out, b)
		}
	}
	return out
}

func (p *parser) target(n *yaml.Node) (graph.Target, bool) {
	if n == nil || n.Kind != yaml.ScalarNode || n.Value == "" {
		p.d.Errorf(n, "a goto must name a step or an end by its id")
		return graph.Target{}, false
	}
	t, ok := p.targets[n.Value]
	if !ok {
		p.d.Errorf(n, "goto %q leads nowhere: no step or end has that id (%s)", n.Value, p.known())
	}
	return t, ok
}

// cond reads a condition: comparisons of a variable with a whole number, joined by "and".
func (p *parser) cond(n *yaml.Node) *graph.Cond {
	n = strictyaml.Resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode || strings.TrimSpace(n.Value) == "" {
		p.d.Errorf(n, "a condition must be text such as \"trust >= 1\" or \"trust >= 1 and mood > 0\"")
		return nil
	}
	c := &graph.Cond{Source: n.Value}
	for _, part := range strings.Split(n.Value, " and ") {
		m := comparison.FindStringSubmatch(part)
		if m == nil {
			p.d.Errorf(n, "condition %q does not read as \"variable op number\" (op: < <= > >= == !=), e.g. \"trust >= 1\"", strings.TrimSpace(part))
			return nil
		}
		idx := p.vars[m[1]] - 1
		if idx < 0 {
			p.d.Errorf(n, "condition %q reads %s, which is not a variable; declare it under \"variables:\" (%s)", n.Value, m[1], p.declared())
			return nil
		}
		v, _ := strconv.Atoi(m[3])
		c.All = append(c.All, graph.Compare{Var: idx, Op: m[2], Value: v})
	}
	return c
}

func (p *parser) start(s *scenario.Scenario, f map[string]strictyaml.Field) {
	fl, ok := f["start"]
	if !ok {
		return
	}
	t, ok := p.target(strictyaml.Resolve(fl.Value))
	if ok && t.End {
		p.d.Errorf(fl.Value, "start must name a step, not an end")
		return
	}
	s.Start = t.Index
}

func (p *parser) declared() string {
	if len(p.vars) == 0 {
		return "none is declared"
	}
	names := make([]string, 0, len(p.vars))
	for n := range p.vars {
		names = append(names, n)
	}
	slices.Sort(names)
	return "declared: " + strings.Join(names, ", ")
}

func (p *parser) known() string {
	names := make([]string, 0, len(p.targets))
	for n := range p.targets {
		names = append(names, n)
	}
	slices.Sort(names)
	if len(names) > 8 {
		return fmt.Sprintf("ids: %s, ...", strings.Join(names[:8], ", "))
	}
	return "ids: " + strings.Join(names, ", ")
}
