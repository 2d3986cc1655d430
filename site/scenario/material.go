package scenario

import (
	"fmt"
	"hash/fnv"
	"strconv"

	"playbook/site/material"
)

// kind is the scenario material kind; MaterialKind returns it.
var kind = &material.Kind{
	Name: "scenario", Dir: Dir, Practice: true,
	Scripts: []string{"assets/page.js", "assets/quiz-core.js", "assets/scenario-core.js", "assets/scenario.js"},
	Styles:  []string{"assets/scenario.css"},
	Strings: []string{"sc_"},
}

// MaterialKind is the material kind of scenarios.
func MaterialKind() *material.Kind { return kind }

// Meta implements material.Material. A scenario takes its minutes on the timetable.
func (s *Scenario) Meta() material.Meta {
	return material.Meta{Kind: kind, ID: s.ID, Day: s.Day, Title: s.Title, Path: s.Path, Minutes: s.Minutes}
}

// View implements material.Material: the conversation for its page (with the facilitation
// note, the map and the whole script in the trainer edition), the role-play cards for the
// participants' pack, the note and the map for the trainer's pack.
func (s *Scenario) View(c material.Context) material.View {
	return NewView(s, c)
}

// Refs implements material.Referrer: the lesson sections the choices cite.
func (s *Scenario) Refs() []material.Ref {
	var out []material.Ref
	for _, st := range s.Steps {
		for _, c := range st.Choices {
			if c.Source != nil {
				out = append(out, material.Ref{Ref: c.Source, Pos: c.Pos})
			}
		}
	}
	return out
}

// Version changes when steps, choices or ends are added, removed or renamed, so that a
// saved result can tell it was made on another scenario.
func (s *Scenario) Version() string {
	h := fnv.New32a()
	for _, st := range s.Steps {
		fmt.Fprintf(h, "%s:", st.ID)
		for _, c := range st.Choices {
			fmt.Fprintf(h, "%s/%d,", c.ID, c.Points)
		}
		fmt.Fprint(h, ";")
	}
	for _, e := range s.Ends {
		fmt.Fprintf(h, "%s=%s;", e.ID, e.Outcome)
	}
	return strconv.FormatUint(uint64(h.Sum32()), 36)
}
