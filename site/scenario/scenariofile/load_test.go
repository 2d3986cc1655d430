package scenariofile

import (
	"os"
	"strings"
	"testing"

	"playbook/site/diag"
	"playbook/site/scenario/graph"
)

var langs = []string{"en", "zh-CN"}

func good(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestGoodScenario(t *testing.T) {
	var diags diag.List
	s := Parse("scenarios/good.yaml", []byte(good(t)), langs, &diags)
	if len(diags) > 0 || s == nil {
		t.Fatalf("diagnostics for a good file:\n%v", diags)
	}
	if s.ID != "double-charge" || s.Day != 1 || s.Minutes != 20 || len(s.Steps) != 4 || len(s.Ends) != 4 || len(s.Variables) != 1 {
		t.Fatalf("parsed %+v", s)
	}
	if got := s.Steps[0].Choices[1].ID; got != "defend" {
		t.Errorf("named choice id %q", got)
	}
	if got := s.Steps[1].Choices[1].ID; got != "b" {
		t.Errorf("unnamed second choice id %q, want b", got)
	}
	w := s.WalkAll()
	var best []string
	for _, m := range w.Best {
		best = append(best, s.Steps[m.Step].ID+"/"+s.Steps[m.Step].Choices[m.Choice].ID)
	}
	if got := strings.Join(best, " "); got != "opening/listen facts/a offer/a" || w.Points != 7 || s.Ends[w.End].ID != "won" {
		t.Errorf("best path %s (%d points, end %d)", got, w.Points, w.End)
	}
	// Paths: listen->facts(a|b)->offer(a|b) = 4; defend->second-chance(a->facts: 4 | b->lost: 1)
	// = 5. Recovering (a poor choice, then won or recovered): facts/b then offer/a; defend then
	// second-chance/a, facts/a or b, offer/a (offer/a needs trust >= 0: -2 + 2 = 0).
	if w.Paths != 9 || w.Recovering != 3 {
		t.Errorf("%d paths, %d recovering; want 9 and 3", w.Paths, w.Recovering)
	}
}

// TestBadScenarios changes the good file one way at a time; each change must give one
// error (or warning) at its line, with a message that says what to do.
func TestBadScenarios(t *testing.T) {
	cases := []struct {
		name, old, new string
		line           int
		want           string
		more           []string // further old, new pairs
	}{
		{"unknown key", "    says: {en: \"It was on the 3rd.\"", "    sayz: x\n    says: {en: \"It was on the 3rd.\"", 50, `unknown key "sayz" in a step; did you mean "says"?`, nil},
		{"goto nowhere", "        goto: offer\n      - text: {en: \"Promise", "        goto: ofer\n      - text: {en: \"Promise", 55, `goto "ofer" leads nowhere`, nil},
		{"missing translation", `title: {en: "The double charge", zh-CN: 重复扣款}`, `title: {en: "The double charge"}`, 4, "title has no zh-CN translation", nil},
		{"one choice", "      - text: {en: \"Give her the billing number.\", zh-CN: 把账单部门的电话给她。}\n        feedback: {en: \"She is gone.\", zh-CN: 她走了。}\n        goto: lost\n", "", 41, "step second-chance has 1 choice(s); give it 2 to 4", nil},
		{"end without debrief", "    debrief: {en: \"Too slow.\", zh-CN: 太慢了。}\n", "", 79, "end partial has no debrief", nil},
		{"undefined variable", "if: trust >= 0", "if: mood >= 0", 64, "reads mood, which is not a variable; declare it", nil},
		{"set undefined", "set: {trust: 1}", "set: {mood: 1}", 29, "set names mood, which is not a variable", nil},
		{"bad condition", "if: trust >= 0", "if: trust is high", 64, `condition "trust is high" does not read as`, nil},
		{"last branch with if", "          - {to: facts}", "          - {if: trust > 5, to: facts}", 37, "the last branch of goto has a condition", nil},
		{"duplicate id", "  - id: facts\n", "  - id: offer\n", 60, `step id "offer" is already used`, nil},
		{"bad outcome", "outcome: partial", "outcome: meh", 80, `outcome "meh" is not one of won, recovered, partial, lost, escalated`, nil},
		{"too many variables", "  trust: 0\n", "  trust: 0\n  a: 0\n  b: 0\n  c: 0\n", 11, "at most 3 variables; c is one too many", nil},
		{"unreachable step", "ends:\n", "  - id: orphan\n    says: {en: Hi, zh-CN: 你好}\n    choices:\n      - {text: {en: A, zh-CN: 甲}, feedback: {en: F, zh-CN: 乙}, goto: won}\n      - {text: {en: B, zh-CN: 丙}, feedback: {en: F, zh-CN: 丁}, goto: lost}\nends:\n", 74, "step orphan is never reached", nil},
		{"stuck step", "if: trust >= 0", "if: trust >= 5", 60, "step offer offers no choice when trust = 1", []string{"        points: 1\n        feedback: {en: \"Slow.\"", "        points: 1\n        if: trust < 0\n        feedback: {en: \"Slow.\""}},
		{"loop with no exit", "        goto: won\n", "        goto: facts\n", 49, "from step facts no path leads to an end", []string{"        goto:\n          - {if: trust >= 1, to: partial}\n          - {to: escalated}", "        goto: facts"}},
	}
	src := good(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(src, c.old) {
				t.Fatalf("the good file has no %q", c.old)
			}
			bad := strings.Replace(src, c.old, c.new, 1)
			for i := 0; i+1 < len(c.more); i += 2 {
				if !strings.Contains(bad, c.more[i]) {
					t.Fatalf("the good file has no %q", c.more[i])
				}
				bad = strings.Replace(bad, c.more[i], c.more[i+1], 1)
			}
			var diags diag.List
			Parse("scenarios/bad.yaml", []byte(bad), langs, &diags)
			found := false
			for _, d := range diags {
				if strings.Contains(d.Message, c.want) && d.Pos.Line == c.line {
					found = true
				}
			}
			if !found {
				t.Errorf("want %q at line %d, got:\n%v", c.want, c.line, diags)
			}
		})
	}
}

// TestQuizInDisguiseWarns: a scenario with two ends and no way back from a poor choice
// builds, with warnings.
func TestQuizInDisguiseWarns(t *testing.T) {
	src := `id: straight
day: 1
title: T
rep: {situation: S, goal: G}
customer: {role: R, motives: M}
steps:
  - id: one
    says: Hello
    choices:
      - {text: Good, points: 2, feedback: F, goto: won}
      - {text: Bad, feedback: F, goto: lost}
ends:
  - {id: won, outcome: won, title: W, debrief: D}
  - {id: lost, outcome: lost, title: L, debrief: D}
`
	var diags diag.List
	s := Parse("scenarios/straight.yaml", []byte(src), langs, &diags)
	if s == nil || diags.HasErrors() {
		t.Fatalf("refused: %v", diags)
	}
	text := diags.Error()
	for _, want := range []string{"has 2 end(s); give it at least three", "0 path(s) that recover from a poor choice"} {
		if !strings.Contains(text, want) {
			t.Errorf("no warning %q in:\n%s", want, text)
		}
	}
}

// TestVariablesStayInRange: a loop that adds to a variable ends at MaxValue, so the walk
// ends.
func TestVariablesStayInRange(t *testing.T) {
	src := `id: loop
day: 1
title: T
variables: {n: 0}
rep: {situation: S, goal: G}
customer: {role: R, motives: M}
steps:
  - id: one
    says: Again?
    choices:
      - {text: Again, points: 1, feedback: F, set: {n: 5}, goto: one}
      - {text: Stop, feedback: F, goto: [{if: n >= 9, to: won}, {if: n > 0, to: partial}, {to: lost}]}
ends:
  - {id: won, outcome: won, title: W, debrief: D}
  - {id: partial, outcome: partial, title: P, debrief: D}
  - {id: lost, outcome: lost, title: L, debrief: D}
`
	var diags diag.List
	s := Parse("scenarios/loop.yaml", []byte(src), langs, &diags)
	if s == nil || diags.HasErrors() {
		t.Fatalf("refused: %v", diags)
	}
	w := s.WalkAll()
	// States: n = 0, 5, 9 (clamped); the best path goes round twice, then stops at won.
	if w.Points != 2 || s.Ends[w.End].ID != "won" || w.Truncated {
		t.Errorf("best %d points to %d (truncated %t)", w.Points, w.End, w.Truncated)
	}
	if got := (&graph.Choice{Set: []graph.Change{{Var: 0, Delta: 5}}}).Apply([]int{8}); got[0] != graph.MaxValue {
		t.Errorf("8 + 5 = %d, want %d", got[0], graph.MaxValue)
	}
}

func FuzzLoadScenario(f *testing.F) {
	f.Add(good(f))
	f.Add("id: x\nsteps: [{id: a, says: s, choices: [{text: t, feedback: f, goto: a}, {text: u, feedback: f, goto: [{if: v > 1, to: a}, {to: e}]}]}]\nends: [{id: e, outcome: won}]\n")
	f.Fuzz(func(t *testing.T, src string) {
		var diags diag.List
		s := Parse("scenarios/f.yaml", []byte(src), langs, &diags)
		if s == nil {
			if !diags.HasErrors() {
				t.Fatalf("refused without an error:\n%s", src)
			}
			return
		}
		for _, d := range diags {
			if d.Pos.Line < 1 {
				t.Errorf("diagnostic without a line: %v", d)
			}
		}
		s.WalkAll()
	})
}

// TestPoorDependsOnWhatIsOffered: a choice is poor when a choice worth more is offered beside
// it wherever it is offered; the best choice available when the better one is not is not
// poor, and a path through it still counts as recovering only for its poor moves.
func TestPoorDependsOnWhatIsOffered(t *testing.T) {
	src := `id: offered
day: 1
title: T
variables: {mood: 0}
rep: {situation: S, goal: G}
customer: {role: R, motives: M}
steps:
  - id: one
    says: Hello
    choices:
      - {id: warm, text: Warm, points: 2, feedback: F, goto: two}
      - {id: cold, text: Cold, feedback: F, set: {mood: -1}, goto: two}
  - id: two
    says: Well?
    choices:
      - {id: best, text: Best, points: 3, feedback: F, if: mood >= 0, goto: won}
      - {id: calm, text: Calm, points: 2, feedback: F, if: mood < 0, goto: won}
      - {id: rush, text: Rush, feedback: F, goto: lost}
ends:
  - {id: won, outcome: won, title: W, debrief: D}
  - {id: lost, outcome: lost, title: L, debrief: D}
  - {id: never, outcome: partial, title: P, debrief: D}
`
	var diags diag.List
	s := Parse("scenarios/offered.yaml", []byte(src), langs, &diags)
	// "never" is an end no path reaches: an error. Without it the scenario is good.
	if !strings.Contains(diags.Error(), "end never is never reached") {
		t.Fatalf("want the unreached end reported, got %v", diags)
	}
	diags = nil
	s = Parse("scenarios/offered.yaml", []byte(strings.Replace(src, "  - {id: never, outcome: partial, title: P, debrief: D}\n", "", 1)), langs, &diags)
	if s == nil {
		t.Fatalf("refused: %v", diags)
	}
	w := s.WalkAll()
	for _, c := range []struct {
		step, choice int
		poor         bool
	}{{0, 0, false}, {0, 1, true}, {1, 0, false}, {1, 1, false}, {1, 2, true}} {
		if got := w.Poor(&s.Graph, graph.Move{Step: c.step, Choice: c.choice}); got != c.poor {
			t.Errorf("%s/%s poor = %t, want %t", s.Steps[c.step].ID, s.Steps[c.step].Choices[c.choice].ID, got, c.poor)
		}
	}
	// Recovering: cold (poor) then calm (the best on offer) to won. Cold then rush is lost.
	if w.Recovering != 1 {
		t.Errorf("%d recovering paths, want 1", w.Recovering)
	}
}
