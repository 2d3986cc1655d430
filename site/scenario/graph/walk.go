package graph

import (
	"fmt"
	"strings"

	"playbook/site/diag"
)

// maxStates and maxVisits bound the walk: a scenario whose paths exceed them is refused with
// a positioned error rather than walked for ever.
const (
	maxStates = 200_000
	maxVisits = 500_000
)

// state is a step with the variables' values on arrival.
type state struct {
	step int
	vals [MaxVariables]int
}

// Move is one choice made: Choices[Choice] of Steps[Step].
type Move struct {
	Step, Choice int
}

// Walk is what walking every path of a scenario found.
type Walk struct {
	// Best is the path with the most points (the first such, in choice order), Points its
	// points and End the end it reaches; Best is nil when no path reaches an end.
	Best   []Move
	Points int
	End    int
	// Paths counts the paths from the start to an end that visit no state twice; Recovering
	// those among them that make a poor choice and still end won or recovered.
	Paths, Recovering int
	// Truncated is true when the scenario had too many paths to walk them all.
	Truncated bool

	// offered counts, per choice, the states that offer it; worse those of them that also
	// offer a choice worth more.
	offered, worse map[Move]int

	reachedSteps, reachedEnds []bool
	stuck                     map[int]string // step -> the values with which no choice is offered
	dead                      map[int]bool   // steps from which, with some values, no end is reached
}

// Poor reports whether the choice m is a poor one: wherever the conversation offers it, a
// choice worth more is offered beside it. A choice the walk never offers is judged by its
// step (Step.Poor).
func (w *Walk) Poor(s *Graph, m Move) bool {
	if n := w.offered[m]; n > 0 {
		return w.worse[m] == n
	}
	st := s.Steps[m.Step]
	return st.Poor(st.Choices[m.Choice])
}

// Poor reports whether choice c of step s earns fewer points than the best choice there,
// whatever the conditions offer.
func (s *Step) Poor(c *Choice) bool {
	best := 0
	for _, x := range s.Choices {
		best = max(best, x.Points)
	}
	return c.Points < best
}

func (s *Graph) stateOf(step int, vals []int) state {
	st := state{step: step}
	copy(st.vals[:], vals)
	return st
}

// offered returns the choices of st's step that its values allow.
func (s *Graph) offered(st state) []int {
	var out []int
	vals := st.vals[:len(s.Variables)]
	for i, c := range s.Steps[st.step].Choices {
		if c.If.Holds(vals) {
			out = append(out, i)
		}
	}
	return out
}

// edge is where a choice leads from a state: another state or an end.
type edge struct {
	choice int
	to     Target
	next   state
}

func (s *Graph) edges(st state) []edge {
	var out []edge
	vals := st.vals[:len(s.Variables)]
	for _, i := range s.offered(st) {
		c := s.Steps[st.step].Choices[i]
		nv := c.Apply(vals)
		t, ok := c.Next(nv)
		if !ok {
			continue
		}
		e := edge{choice: i, to: t}
		if !t.End {
			e.next = s.stateOf(t.Index, nv)
		}
		out = append(out, e)
	}
	return out
}

// WalkAll walks every path of the scenario from its start. It needs a scenario whose
// targets all exist (the loader's checks).
func (s *Graph) WalkAll() *Walk {
	w := &Walk{End: -1, reachedSteps: make([]bool, len(s.Steps)), reachedEnds: make([]bool, len(s.Ends)),
		stuck: map[int]string{}, dead: map[int]bool{}, offered: map[Move]int{}, worse: map[Move]int{}}
	if len(s.Steps) == 0 {
		return w
	}
	start := s.stateOf(s.Start, s.StartValues())
	// Every reachable state, breadth first, with the states that lead to each.
	seen := map[state]bool{start: true}
	queue := []state{start}
	into := map[state][]state{}
	var finishing []state
	for len(queue) > 0 && len(seen) <= maxStates {
		st := queue[0]
		queue = queue[1:]
		w.reachedSteps[st.step] = true
		w.count(s, st)
		es := s.edges(st)
		if len(es) == 0 {
			if _, known := w.stuck[st.step]; !known {
				w.stuck[st.step] = s.describe(st.vals[:len(s.Variables)])
			}
		}
		ends := false
		for _, e := range es {
			if e.to.End {
				w.reachedEnds[e.to.Index], ends = true, true
				continue
			}
			into[e.next] = append(into[e.next], st)
			if !seen[e.next] {
				seen[e.next] = true
				queue = append(queue, e.next)
			}
		}
		if ends {
			finishing = append(finishing, st)
		}
	}
	if len(queue) > 0 {
		w.Truncated = true
		return w
	}
	// The states from which an end can be reached, walking the edges backwards.
	live := map[state]bool{}
	for _, st := range finishing {
		live[st] = true
	}
	for back := finishing; len(back) > 0; {
		st := back[len(back)-1]
		back = back[:len(back)-1]
		for _, from := range into[st] {
			if !live[from] {
				live[from] = true
				back = append(back, from)
			}
		}
	}
	for st := range seen {
		if !live[st] {
			w.dead[st.step] = true
		}
	}
	p := &pathWalk{s: s, w: w, onPath: map[state]bool{}}
	p.from(start, 0, false)
	w.Truncated = w.Truncated || p.visits > maxVisits
	return w
}

// Path is one way through a scenario: the choices made and the end reached.
type Path struct {
	Moves  []Move
	End    int
	Points int
}

// AllPaths returns the paths from the start to an end that visit no state twice, in choice
// order, at most limit of them.
func (s *Graph) AllPaths(limit int) []Path {
	w := &Walk{End: -1}
	if len(s.Steps) == 0 {
		return nil
	}
	p := &pathWalk{s: s, w: w, onPath: map[state]bool{}, limit: limit, keep: true}
	p.from(s.stateOf(s.Start, s.StartValues()), 0, false)
	return p.all
}

// count records which choices st offers, and which of them are worth less than another.
func (w *Walk) count(s *Graph, st state) {
	offered := s.offered(st)
	best := bestOffered(s, st.step, offered)
	for _, i := range offered {
		m := Move{Step: st.step, Choice: i}
		w.offered[m]++
		if s.Steps[st.step].Choices[i].Points < best {
			w.worse[m]++
		}
	}
}

// bestOffered is the most points among the choices offered of a step.
func bestOffered(s *Graph, step int, offered []int) int {
	best := 0
	for _, i := range offered {
		best = max(best, s.Steps[step].Choices[i].Points)
	}
	return best
}

// pathWalk enumerates the paths that visit no state twice, keeping the best one (and, when
// keep is set, every path up to limit).
type pathWalk struct {
	s      *Graph
	w      *Walk
	onPath map[state]bool
	path   []Move
	visits int
	keep   bool
	limit  int
	all    []Path
}

func (p *pathWalk) from(st state, points int, poor bool) {
	if p.visits++; p.visits > maxVisits {
		return
	}
	p.onPath[st] = true
	defer delete(p.onPath, st)
	step := p.s.Steps[st.step]
	best := bestOffered(p.s, st.step, p.s.offered(st))
	for _, e := range p.s.edges(st) {
		c := step.Choices[e.choice]
		pts, pr := points+c.Points, poor || c.Points < best
		p.path = append(p.path, Move{Step: st.step, Choice: e.choice})
		switch {
		case e.to.End:
			p.w.Paths++
			if pr && p.s.Ends[e.to.Index].Outcome.Good() {
				p.w.Recovering++
			}
			if p.keep && len(p.all) < p.limit {
				p.all = append(p.all, Path{Moves: append([]Move(nil), p.path...), End: e.to.Index, Points: pts})
			}
			if p.w.Best == nil || pts > p.w.Points {
				p.w.Best, p.w.Points, p.w.End = append([]Move(nil), p.path...), pts, e.to.Index
			}
		case !p.onPath[e.next]:
			p.from(e.next, pts, pr)
		}
		p.path = p.path[:len(p.path)-1]
	}
}

// Check reports what the walk found: steps and ends no path reaches, steps where no choice
// is offered, steps with no way to an end, and (as warnings) a scenario with fewer than
// three ends or two recovering paths, which is a quiz in disguise.
func (s *Graph) Check(w *Walk, diags *diag.List) {
	if w.Truncated {
		diags.Errorf(s.Pos, "scenario %s has too many paths to walk (more than %d states or %d steps of paths); split it into smaller scenarios or use fewer variables", s.ID, maxStates, maxVisits)
		return
	}
	for i, st := range s.Steps {
		switch {
		case !w.reachedSteps[i]:
			diags.Errorf(st.Pos, "step %s is never reached: no choice leads to it (with the values the variables can have); lead a choice to it or remove it", st.ID)
		case w.stuck[i] != "":
			diags.Errorf(st.Pos, "step %s offers no choice when %s; give one of its choices no \"if\", or widen a condition", st.ID, w.stuck[i])
		case w.dead[i]:
			diags.Errorf(st.Pos, "from step %s no path leads to an end (a loop with no exit); lead one of its choices, or a choice after it, to an end", st.ID)
		}
	}
	for i, e := range s.Ends {
		if !w.reachedEnds[i] {
			diags.Errorf(e.Pos, "end %s is never reached: no choice leads to it; lead a choice to it or remove it", e.ID)
		}
	}
	if len(s.Ends) < 3 {
		diags.Warnf(s.Pos, "scenario %s has %d end(s); give it at least three (won, recovered, lost...) so that choices matter", s.ID, len(s.Ends))
	}
	if w.Recovering < 2 {
		diags.Warnf(s.Pos, "scenario %s has %d path(s) that recover from a poor choice and still end won or recovered; give it at least two, or it is a quiz in disguise", s.ID, w.Recovering)
	}
}

// describe names the variables' values: "trust = -2, mood = 1".
func (s *Graph) describe(vals []int) string {
	if len(vals) == 0 {
		return "the conversation arrives there"
	}
	parts := make([]string, len(s.Variables))
	for i, v := range s.Variables {
		parts[i] = fmt.Sprintf("%s = %d", v.Name, vals[i])
	}
	return strings.Join(parts, ", ")
}
