package scenario

import (
	"encoding/json"
	"html/template"
	"playbook/site/scenario/graph"
	"strings"

	"playbook/site/material"
)

// View is what the scenario templates show: its page, its role-play cards in the
// participants' pack, its facilitation note and map in the trainer's pack.
type View struct {
	ID          string
	Title       string
	Description template.HTML
	Day         int
	Minutes     int
	Trainer     bool
	Pack        bool
	Rep         struct{ Situation, Goal template.HTML }
	Customer    struct {
		Role, Motives template.HTML
		Reactions     []ReactionView
	}
	// Observe are the observer's points: the author's, then one per lesson section the
	// choices cite.
	Observe      []template.HTML
	Facilitation template.HTML
	Steps        []StepView
	Ends         []EndView
	// BestPoints is the score of the best path, the scenario's maximum.
	BestPoints int
	// Best is the best path, one line per choice, for the trainer.
	Best []BestMove
	// Map is the drawing of the whole graph (trainer edition).
	Map template.HTML
	// Version changes with the graph (see Scenario.Version).
	Version string

	data   pageData
	search []material.Section
}

// ReactionView is one line of the customer's card.
type ReactionView struct{ Move, Reaction template.HTML }

// StepView is a step as the trainer's script shows it.
type StepView struct {
	ID        string
	Situation template.HTML
	Says      template.HTML
	Choices   []ChoiceView
}

// ChoiceView is a choice as the trainer's script shows it.
type ChoiceView struct {
	ID          string
	Text        template.HTML
	Feedback    template.HTML
	Points      int
	Poor        bool
	If          string
	Set         string
	Goto        string
	SourceURL   string
	SourceTitle string
}

// EndView is an end.
type EndView struct {
	ID      string
	Outcome string
	Title   string
	Debrief template.HTML
}

// BestMove is one choice of the best path.
type BestMove struct {
	Step, Choice string
	Text         template.HTML
	Points       int
}

// NewView prepares s for a page or a pack in the language and edition of c.
func NewView(s *Scenario, c material.Context) *View {
	r := c.Render
	md := func(t interface{ IsZero() bool }) bool { return !t.IsZero() }
	v := &View{ID: s.ID, Title: s.Title.Get(c.Lang), Day: s.Day, Minutes: s.Minutes, Trainer: c.Trainer, Pack: c.Pack, Version: s.Version()}
	if md(s.Description) {
		v.Description = r.Markdown(s.Description, false)
	}
	v.Rep.Situation, v.Rep.Goal = r.Markdown(s.Rep.Situation, false), r.Markdown(s.Rep.Goal, false)
	v.Customer.Role, v.Customer.Motives = r.Markdown(s.Customer.Role, true), r.Markdown(s.Customer.Motives, false)
	for _, x := range s.Customer.Reactions {
		v.Customer.Reactions = append(v.Customer.Reactions, ReactionView{Move: r.Markdown(x.Move, true), Reaction: r.Markdown(x.Reaction, true)})
	}
	for _, o := range s.Observe {
		v.Observe = append(v.Observe, r.Markdown(o, true))
	}
	seen := map[string]bool{}
	for _, st := range s.Steps {
		for _, ch := range st.Choices {
			if ch.Source == nil {
				continue
			}
			if _, title := r.SourceLink(ch.Source); title != "" && !seen[title] {
				seen[title] = true
				v.Observe = append(v.Observe, template.HTML(template.HTMLEscapeString(title)))
			}
		}
	}
	if c.Trainer && md(s.Facilitation) {
		v.Facilitation = r.Markdown(s.Facilitation, false)
	}
	v.data = pageData{ID: s.ID, Version: v.Version, Feedback: "each", Steps: map[string]stepData{}, Ends: map[string]endData{}}
	if s.FeedbackAtEnd {
		v.data.Feedback = "end"
	}
	for _, x := range s.Variables {
		v.data.Vars = append(v.data.Vars, varData{Name: x.Name, Start: x.Start})
	}
	for _, e := range s.Ends {
		ev := EndView{ID: e.ID, Outcome: string(e.Outcome), Title: e.Title.Get(c.Lang), Debrief: r.Markdown(e.Debrief, false)}
		v.Ends = append(v.Ends, ev)
		v.data.Ends[e.ID] = endData{Outcome: ev.Outcome, Title: ev.Title, Debrief: string(ev.Debrief)}
	}
	w := s.WalkAll()
	for i, st := range s.Steps {
		v.addStep(s, w, i, st, c)
	}
	v.data.Start = s.Steps[s.Start].ID
	v.BestPoints, v.data.Max = w.Points, w.Points
	for _, m := range w.Best {
		st, ch := s.Steps[m.Step], s.Steps[m.Step].Choices[m.Choice]
		v.Best = append(v.Best, BestMove{Step: st.ID, Choice: ch.ID, Text: r.Markdown(ch.Text, true), Points: ch.Points})
		v.data.Best = append(v.data.Best, st.ID+"/"+ch.ID)
	}
	if c.Trainer {
		v.Map = Map(s, w, c.Lang)
	}
	v.search = []material.Section{{Text: strings.Join([]string{r.Text(s.Description), r.Text(s.Rep.Situation), r.Text(s.Rep.Goal)}, " ")}}
	return v
}

func (v *View) addStep(s *Scenario, w *graph.Walk, i int, st *graph.Step, c material.Context) {
	r := c.Render
	sv := StepView{ID: st.ID, Says: r.Markdown(st.Says, false)}
	if !st.Situation.IsZero() {
		sv.Situation = r.Markdown(st.Situation, false)
	}
	sd := stepData{Situation: string(sv.Situation), Says: string(sv.Says)}
	for j, ch := range st.Choices {
		cv := ChoiceView{ID: ch.ID, Text: r.Markdown(ch.Text, true), Feedback: r.Markdown(ch.Feedback, false), Points: ch.Points, Poor: w.Poor(&s.Graph, graph.Move{Step: i, Choice: j})}
		if ch.If != nil {
			cv.If = ch.If.Source
		}
		cd := choiceData{ID: ch.ID, Text: string(cv.Text), Feedback: string(cv.Feedback), Points: ch.Points, Poor: cv.Poor, If: condData(ch.If)}
		if ch.Source != nil {
			cv.SourceURL, cv.SourceTitle = r.SourceLink(ch.Source)
			cd.Source = &linkData{URL: cv.SourceURL, Title: cv.SourceTitle}
		}
		var sets []string
		for _, x := range ch.Set {
			sets = append(sets, s.Variables[x.Var].Name+signed(x.Delta))
			cd.Set = append(cd.Set, [2]any{x.Var, x.Delta})
		}
		cv.Set = strings.Join(sets, ", ")
		var gotos []string
		for _, b := range ch.Goto {
			to := s.targetID(b.To)
			cd.Goto = append(cd.Goto, branchData{If: condData(b.If), To: to})
			if b.If != nil {
				gotos = append(gotos, "if "+b.If.Source+": "+to)
			} else {
				gotos = append(gotos, to)
			}
		}
		cv.Goto = strings.Join(gotos, "; ")
		sv.Choices = append(sv.Choices, cv)
		sd.Choices = append(sd.Choices, cd)
	}
	v.Steps = append(v.Steps, sv)
	v.data.Steps[st.ID] = sd
}

func (s *Scenario) targetID(t graph.Target) string {
	if t.End {
		return s.Ends[t.Index].ID
	}
	return s.Steps[t.Index].ID
}

func signed(n int) string {
	if n >= 0 {
		return " +" + itoa(n)
	}
	return " " + itoa(n)
}

// Search implements material.View: the scenario is found by its description and the rep's
// card, not by its script, which would give the best choices away.
func (v *View) Search() []material.Section { return v.search }

// pageData is the JSON of the page's <script type="application/json" id="pb-data">: the
// graph scenario.js plays (docs/scripts.md). Texts are HTML rendered from the author's
// Markdown, which holds no raw HTML unless the course allows it.
type pageData struct {
	ID       string              `json:"id"`
	Version  string              `json:"version"`
	Feedback string              `json:"feedback"`
	Vars     []varData           `json:"vars"`
	Start    string              `json:"start"`
	Max      int                 `json:"max"`
	Best     []string            `json:"best"`
	Steps    map[string]stepData `json:"steps"`
	Ends     map[string]endData  `json:"ends"`
}

type varData struct {
	Name  string `json:"name"`
	Start int    `json:"start"`
}

type stepData struct {
	Situation string       `json:"situation,omitempty"`
	Says      string       `json:"says"`
	Choices   []choiceData `json:"choices"`
}

type choiceData struct {
	ID       string       `json:"id"`
	Text     string       `json:"text"`
	Feedback string       `json:"feedback"`
	Points   int          `json:"points"`
	Poor     bool         `json:"poor"`
	Source   *linkData    `json:"source,omitempty"`
	If       [][3]any     `json:"if,omitempty"`
	Set      [][2]any     `json:"set,omitempty"`
	Goto     []branchData `json:"goto"`
}

type linkData struct {
	URL   string `json:"url"`
	Title string `json:"title"`
}

type branchData struct {
	If [][3]any `json:"if,omitempty"`
	To string   `json:"to"`
}

type endData struct {
	Outcome string `json:"outcome"`
	Title   string `json:"title"`
	Debrief string `json:"debrief"`
}

// condData writes a condition as [variable index, operator, value] triples.
func condData(c *graph.Cond) [][3]any {
	if c == nil {
		return nil
	}
	out := make([][3]any, len(c.All))
	for i, x := range c.All {
		out[i] = [3]any{x.Var, x.Op, x.Value}
	}
	return out
}

// Data is the page data as JSON; the encoder escapes <, > and &, so no text can close the
// script element.
func (v *View) Data() template.JS {
	b, err := json.Marshal(v.data)
	if err != nil {
		return "null"
	}
	return template.JS(b)
}
