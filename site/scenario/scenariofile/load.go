// Package scenariofile reads role-play scenarios from YAML (docs/scenarios.md): every key
// known, every text in every language, every id, target, variable and condition checked,
// every problem reported with its line and column in one pass; then the scenario's paths are
// walked for what no single line shows (steps never reached, loops with no exit).
package scenariofile

import (
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"

	"playbook/site/diag"
	"playbook/site/material"
	"playbook/site/scenario"
	"playbook/site/scenario/graph"
	"playbook/site/strictyaml"
)

var (
	scenarioKeys = []string{"id", "day", "title", "description", "minutes", "feedback", "variables",
		"rep", "customer", "observe", "facilitation", "start", "steps", "ends"}
	stepKeys     = []string{"id", "situation", "says", "choices"}
	choiceKeys   = []string{"id", "text", "points", "feedback", "source", "if", "set", "goto"}
	branchKeys   = []string{"if", "to"}
	endKeys      = []string{"id", "outcome", "title", "debrief"}
	repKeys      = []string{"situation", "goal"}
	customerKeys = []string{"role", "motives", "reactions"}
	reactionKeys = []string{"move", "reaction"}
	varName      = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	comparison   = regexp.MustCompile(`^\s*([a-z][a-z0-9_]*)\s*(<=|>=|==|!=|<|>)\s*(-?[0-9]{1,3})\s*$`)
)

// ParseMaterial is Parse as a material.Parser, for the scenario kind's registration.
func ParseMaterial(path string, src []byte, langs []string, diags *diag.List) material.Material {
	if s := Parse(path, src, langs, diags); s != nil {
		return s
	}
	return nil
}

// Parse reads one scenario from YAML text. Every problem goes to diags; the scenario is nil
// when the file cannot be used.
func Parse(path string, src []byte, langs []string, diags *diag.List) *scenario.Scenario {
	errorsBefore := diags.ErrorCount()
	d := &strictyaml.Decoder{Path: path, Diags: diags}
	root := d.Parse(src)
	if root == nil {
		if diags.ErrorCount() == errorsBefore {
			d.Errorf(nil, "scenario file is empty; see docs/scenarios.md for the format")
		}
		return nil
	}
	f := d.Mapping(root, "scenario", scenarioKeys...)
	if root.Kind != yaml.MappingNode {
		return nil
	}
	p := &parser{d: d, langs: langs, targets: map[string]graph.Target{}, vars: map[string]int{}}
	s := &scenario.Scenario{Path: path, Graph: graph.Graph{Pos: d.Pos(root)}}
	p.head(s, f, root)
	p.variables(s, f)
	p.cards(s, f, root)
	p.declare(s, f, root)
	for i, n := range p.stepNodes {
		p.step(s.Steps[i], n, p.stepFields[i])
	}
	p.start(s, f)
	if diags.ErrorCount() > errorsBefore {
		return nil
	}
	s.Check(s.WalkAll(), diags)
	if diags.ErrorCount() > errorsBefore {
		return nil
	}
	return s
}

type parser struct {
	d         *strictyaml.Decoder
	langs     []string
	targets   map[string]graph.Target
	vars      map[string]int
	stepNodes []*yaml.Node
	// stepFields are the keys of each step, read once by declare.
	stepFields []map[string]strictyaml.Field
}

func (p *parser) require(f map[string]strictyaml.Field, at *yaml.Node, key, example string) {
	if _, present := f[key]; !present {
		p.d.Errorf(at, "missing %s; add e.g. \"%s\"", key, example)
	}
}

// text reads a localized text that must be there.
func (p *parser) text(f map[string]strictyaml.Field, at *yaml.Node, key, example string) strictyaml.Text {
	t, _ := p.d.Localized(f, key, p.langs)
	p.require(f, at, key, example)
	return t
}

func (p *parser) head(s *scenario.Scenario, f map[string]strictyaml.Field, root *yaml.Node) {
	var ok bool
	if s.ID, ok = p.d.ID(f, "id"); !ok {
		p.require(f, root, "id", "id: complaint-call")
	}
	s.Title = p.text(f, root, "title", "title: {en: ..., zh-CN: ...}")
	s.Description, _ = p.d.Localized(f, "description", p.langs)
	if s.Day, ok = p.d.Int(f, "day", 1, 99); !ok {
		p.require(f, root, "day", "day: 9")
	}
	s.Minutes, _ = p.d.Int(f, "minutes", 0, 600)
	if mode, ok := p.d.String(f, "feedback"); ok {
		switch mode {
		case "each":
		case "end":
			s.FeedbackAtEnd = true
		default:
			p.d.Errorf(f["feedback"].Value, "feedback must be \"each\" (after every choice) or \"end\" (only in the debrief), found %q", mode)
		}
	}
	s.Facilitation, _ = p.d.Localized(f, "facilitation", p.langs)
}

func (p *parser) variables(s *scenario.Scenario, f map[string]strictyaml.Field) {
	fl, ok := f["variables"]
	if !ok {
		return
	}
	n := strictyaml.Resolve(fl.Value)
	if n == nil || n.Kind != yaml.MappingNode {
		p.d.Errorf(fl.Value, "variables must be a mapping of name: starting value, e.g. \"variables: {trust: 0}\"")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], strictyaml.Resolve(n.Content[i+1])
		switch {
		case !varName.MatchString(k.Value):
			p.d.Errorf(k, "variable %q must be a name of lower-case letters, digits and _ starting with a letter, e.g. trust", k.Value)
			continue
		case p.vars[k.Value] > 0:
			p.d.Errorf(k, "variable %s is declared twice; keep one", k.Value)
			continue
		case len(s.Variables) == graph.MaxVariables:
			p.d.Errorf(k, "a scenario has at most %d variables; %s is one too many", graph.MaxVariables, k.Value)
			continue
		}
		start, err := strconv.Atoi(v.Value)
		if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || err != nil || start < graph.MinValue || start > graph.MaxValue {
			p.d.Errorf(v, "variable %s must start at a whole number from %d to %d, found %q", k.Value, graph.MinValue, graph.MaxValue, v.Value)
			continue
		}
		s.Variables = append(s.Variables, graph.Variable{Name: k.Value, Start: start, Pos: p.d.Pos(k)})
		p.vars[k.Value] = len(s.Variables) // index + 1, so that 0 means unknown
	}
}

func (p *parser) cards(s *scenario.Scenario, f map[string]strictyaml.Field, root *yaml.Node) {
	if fl, ok := f["rep"]; ok {
		rf := p.d.Mapping(fl.Value, "rep", repKeys...)
		s.Rep.Situation = p.text(rf, fl.Value, "situation", "situation: {en: ..., zh-CN: ...}")
		s.Rep.Goal = p.text(rf, fl.Value, "goal", "goal: {en: ..., zh-CN: ...}")
	}
	p.require(f, root, "rep", "rep: {situation: ..., goal: ...}")
	if fl, ok := f["customer"]; ok {
		cf := p.d.Mapping(fl.Value, "customer", customerKeys...)
		s.Customer.Role = p.text(cf, fl.Value, "role", "role: {en: ..., zh-CN: ...}")
		s.Customer.Motives = p.text(cf, fl.Value, "motives", "motives: {en: ..., zh-CN: ...}")
		items, _ := p.d.Seq(cf, "reactions")
		for _, it := range items {
			rf := p.d.Mapping(it, "a reaction", reactionKeys...)
			s.Customer.Reactions = append(s.Customer.Reactions, scenario.Reaction{
				Move:     p.text(rf, it, "move", "move: {en: ..., zh-CN: ...}"),
				Reaction: p.text(rf, it, "reaction", "reaction: {en: ..., zh-CN: ...}"),
			})
		}
	}
	p.require(f, root, "customer", "customer: {role: ..., motives: ..., reactions: [...]}")
	items, _ := p.d.Seq(f, "observe")
	for _, it := range items {
		if t, ok := p.d.LocalizedNode(it, "an observer's point", p.langs); ok {
			s.Observe = append(s.Observe, t)
		}
	}
}
