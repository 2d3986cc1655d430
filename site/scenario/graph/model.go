// Package graph is the conversation of a role-play scenario as a graph: steps with what the
// customer says and the rep's choices, the ends, the variables the choices change and the
// conditions that read them; and the walk over every path with the variables' values: what
// check reports (steps never reached, loops with no exit...), the best path and which
// choices are poor. Package scenario makes it a kind of material.
package graph

import (
	"playbook/site/diag"
	"playbook/site/lessonref"
	"playbook/site/strictyaml"
)

// Limits of a scenario file.
const (
	// MaxVariables is how many variables a scenario may declare.
	MaxVariables = 3
	// MinValue and MaxValue bound every variable: a change that would leave them stops there.
	MinValue, MaxValue = -9, 9
	// MaxSteps is how many steps and ends a scenario may have together.
	MaxSteps = 60
)

// Outcome is the kind of an end.
type Outcome string

// The outcomes, from best to worst.
const (
	Won       Outcome = "won"
	Recovered Outcome = "recovered"
	Partial   Outcome = "partial"
	Lost      Outcome = "lost"
	Escalated Outcome = "escalated"
)

// Outcomes returns every outcome, from best to worst.
func Outcomes() []Outcome { return []Outcome{Won, Recovered, Partial, Lost, Escalated} }

// Good reports whether an end of this outcome means the customer was kept or won.
func (o Outcome) Good() bool { return o == Won || o == Recovered }

// Variable is a number the conversation keeps (the customer's trust).
type Variable struct {
	Name  string
	Start int
	Pos   diag.Pos
}

// Step is one turn of the conversation: what the customer says, and the rep's choices.
type Step struct {
	ID        string
	Situation strictyaml.Text
	Says      strictyaml.Text
	Choices   []*Choice
	Pos       diag.Pos
}

// Choice is one thing the rep can say or do.
type Choice struct {
	ID       string
	Text     strictyaml.Text
	Points   int
	Feedback strictyaml.Text
	Source   *lessonref.Ref
	// If is the condition under which the choice is offered; nil offers it always.
	If *Cond
	// Set adds to variables, in the order of Graph.Variables.
	Set []Change
	// Goto is where the choice leads: the first branch whose condition holds.
	Goto []Branch
	Pos  diag.Pos
}

// Change adds Delta to the variable of index Var.
type Change struct {
	Var   int
	Delta int
}

// Branch leads to a step or an end when its condition holds (nil: always).
type Branch struct {
	If *Cond
	To Target
}

// Target is a step or an end.
type Target struct {
	// End is true when Index is an end's.
	End   bool
	Index int
}

// End is where a conversation stops.
type End struct {
	ID      string
	Outcome Outcome
	Title   strictyaml.Text
	Debrief strictyaml.Text
	Pos     diag.Pos
}

// Cond is a condition on variables: every comparison holds.
type Cond struct {
	// Source is the condition as written.
	Source string
	All    []Compare
}

// Compare compares a variable with a number.
type Compare struct {
	Var   int
	Op    string
	Value int
}

// Holds reports whether the condition holds for the variables' values.
func (c *Cond) Holds(vals []int) bool {
	if c == nil {
		return true
	}
	for _, x := range c.All {
		v := vals[x.Var]
		ok := false
		switch x.Op {
		case "<":
			ok = v < x.Value
		case "<=":
			ok = v <= x.Value
		case ">":
			ok = v > x.Value
		case ">=":
			ok = v >= x.Value
		case "==":
			ok = v == x.Value
		case "!=":
			ok = v != x.Value
		}
		if !ok {
			return false
		}
	}
	return true
}

// Apply returns the variables after choice c: each change added, the sums kept within
// MinValue and MaxValue.
func (c *Choice) Apply(vals []int) []int {
	out := append([]int(nil), vals...)
	for _, ch := range c.Set {
		out[ch.Var] = min(MaxValue, max(MinValue, out[ch.Var]+ch.Delta))
	}
	return out
}

// Next returns where choice c leads with the variables' values after it.
func (c *Choice) Next(vals []int) (Target, bool) {
	for _, b := range c.Goto {
		if b.If.Holds(vals) {
			return b.To, true
		}
	}
	return Target{}, false
}

// Graph is a scenario's conversation: its variables, steps and ends.
type Graph struct {
	// ID names the scenario in messages.
	ID string
	// Variables are declared in order, with their values at the start.
	Variables []Variable
	// Steps are in file order; Steps[Start] is where the conversation starts.
	Steps []*Step
	Start int
	Ends  []*End
	// Pos is where the scenario's mapping starts.
	Pos diag.Pos
}

// StartValues returns the variables' values at the start.
func (s *Graph) StartValues() []int {
	out := make([]int, len(s.Variables))
	for i, v := range s.Variables {
		out[i] = v.Start
	}
	return out
}
