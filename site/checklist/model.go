// Package checklist reads checklists from YAML (above all the 23-item prospect development
// checklist), checks them, scores responses and prepares them for the page. The format is
// described in docs/checklists.md.
package checklist

import (
	"playbook/site/diag"
	"playbook/site/lessonref"
	"playbook/site/strictyaml"
)

// Dir is the course folder that holds checklist files.
const Dir = "checklists"

// Audiences returns the people a checklist can be for.
func Audiences() []string { return []string{"rep", "manager", "team"} }

// Checklist is one checklist file.
type Checklist struct {
	Path        string
	ID          string
	Title       strictyaml.Text
	Description strictyaml.Text
	Day         int
	Audience    []string
	Scale       []*Level
	Sections    []*Section
	Bands       []*Band
}

// Level is one answer of the response scale, e.g. "yes: 2 points".
type Level struct {
	ID     string
	Label  strictyaml.Text
	Points float64
	// NotApplicable levels take the item out of the score.
	NotApplicable bool
	// Action levels put the item on the action list.
	Action bool
}

// Section groups items under a heading; a checklist without sections has one untitled section.
type Section struct {
	ID    string
	Title strictyaml.Text
	Items []*Item
}

// Item is one line of the checklist.
type Item struct {
	ID     string
	Text   strictyaml.Text
	Hint   strictyaml.Text
	Source *lessonref.Ref
	Weight float64
	Pos    diag.Pos
}

// Band turns a percentage into a verdict with advice.
type Band struct {
	ID     string
	Min    int
	Max    int
	Label  strictyaml.Text
	Advice strictyaml.Text
}

// Items returns every item in order.
func (c *Checklist) Items() []*Item {
	var out []*Item
	for _, s := range c.Sections {
		out = append(out, s.Items...)
	}
	return out
}

// MaxLevelPoints is the highest number of points a scored answer gives.
func (c *Checklist) MaxLevelPoints() float64 {
	max := 0.0
	for _, l := range c.Scale {
		if !l.NotApplicable && l.Points > max {
			max = l.Points
		}
	}
	return max
}

// Level returns the scale level with id, or nil.
func (c *Checklist) Level(id string) *Level {
	for _, l := range c.Scale {
		if l.ID == id {
			return l
		}
	}
	return nil
}
