package checklist

import (
	"strings"

	"playbook/site/material"
)

// kind is the checklist material kind; MaterialKind returns it.
var kind = &material.Kind{
	Name: "checklist", Dir: Dir, Practice: true,
	Scripts: []string{"assets/page.js", "assets/checklist-core.js", "assets/checklist.js"},
	Strings: []string{"ck_"},
}

// MaterialKind is the material kind of checklists.
func MaterialKind() *material.Kind { return kind }

// Meta implements material.Material.
func (c *Checklist) Meta() material.Meta {
	return material.Meta{Kind: kind, ID: c.ID, Day: c.Day, Title: c.Title, Path: c.Path}
}

// View implements material.Material. The trainer's pack leaves checklists out: they are in
// the participants' pack, blank.
func (c *Checklist) View(ctx material.Context) material.View {
	if ctx.Pack && ctx.Trainer {
		return nil
	}
	return NewView(c, ctx.Lang, ctx.Render)
}

// Refs implements material.Referrer: the lesson of every item that names one.
func (c *Checklist) Refs() []material.Ref {
	var out []material.Ref
	for _, it := range c.Items() {
		out = append(out, material.Ref{Ref: it.Source})
	}
	return out
}

// Search implements material.View: the whole checklist is one section.
func (v *View) Search() []material.Section { return v.search }

// searchSections is the text of checklist c in lang, taken from the model through r.
func searchSections(c *Checklist, lang string, r Renderer) []material.Section {
	body := []string{r.Text(c.Description)}
	for _, s := range c.Sections {
		title := ""
		if !s.Title.IsZero() {
			title = s.Title.Get(lang)
		}
		body = append(body, title)
		for _, it := range s.Items {
			body = append(body, r.Text(it.Text), r.Text(it.Hint))
		}
	}
	return []material.Section{{Text: strings.Join(body, " ")}}
}
