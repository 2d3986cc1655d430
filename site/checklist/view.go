package checklist

import (
	"fmt"
	"hash/fnv"
	"html/template"
	"strconv"

	"playbook/site/material"
)

// Renderer turns the texts into HTML for one language.
type Renderer = material.Renderer

// View is what the checklist template shows.
type View struct {
	ID          string
	Title       string
	Description template.HTML
	Day         int
	Audience    []string
	Scale       []LevelView
	Sections    []SectionView
	Bands       []BandView
	ItemCount   int
	// Version changes when items are added, removed or renamed, so saved copies can tell.
	Version string
}

// LevelView is a scale level.
type LevelView struct {
	ID            string
	Label         string
	Points        string
	NotApplicable bool
	Action        bool
}

// SectionView is a group of items; Title is empty for a checklist without sections.
type SectionView struct {
	ID    string
	Title string
	Items []ItemView
}

// ItemView is one item.
type ItemView struct {
	Number      int
	ID          string
	Text        template.HTML
	Hint        template.HTML
	Weight      string
	SourceURL   string
	SourceTitle string
}

// BandView is a score band.
type BandView struct {
	ID     string
	Min    int
	Max    int
	Label  string
	Advice template.HTML
}

// NewView prepares c for display in lang.
func NewView(c *Checklist, lang string, r Renderer) *View {
	v := &View{ID: c.ID, Title: c.Title.Get(lang), Day: c.Day, Audience: c.Audience, Version: c.Version()}
	if !c.Description.IsZero() {
		v.Description = r.Markdown(c.Description, false)
	}
	for _, l := range c.Scale {
		v.Scale = append(v.Scale, LevelView{ID: l.ID, Label: l.Label.Get(lang), Points: formatNumber(l.Points), NotApplicable: l.NotApplicable, Action: l.Action})
	}
	n := 0
	for _, s := range c.Sections {
		sv := SectionView{ID: s.ID}
		if !s.Title.IsZero() {
			sv.Title = s.Title.Get(lang)
		}
		for _, it := range s.Items {
			n++
			iv := ItemView{Number: n, ID: it.ID, Text: r.Markdown(it.Text, true), Weight: formatNumber(it.Weight)}
			if !it.Hint.IsZero() {
				iv.Hint = r.Markdown(it.Hint, true)
			}
			if it.Source != nil {
				iv.SourceURL, iv.SourceTitle = r.SourceLink(it.Source)
			}
			sv.Items = append(sv.Items, iv)
		}
		v.Sections = append(v.Sections, sv)
	}
	v.ItemCount = n
	for _, b := range c.Bands {
		v.Bands = append(v.Bands, BandView{ID: b.ID, Min: b.Min, Max: b.Max, Label: b.Label.Get(lang), Advice: r.Markdown(b.Advice, true)})
	}
	return v
}

// Version is a short hash of the checklist's item ids and scale.
func (c *Checklist) Version() string {
	h := fnv.New32a()
	for _, it := range c.Items() {
		fmt.Fprintf(h, "%s;", it.ID)
	}
	for _, l := range c.Scale {
		fmt.Fprintf(h, "%s=%g;", l.ID, l.Points)
	}
	return strconv.FormatUint(uint64(h.Sum32()), 36)
}

func formatNumber(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
