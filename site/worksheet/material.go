package worksheet

import (
	"strings"

	"playbook/site/material"
)

// kind is the worksheet material kind; MaterialKind returns it.
var kind = &material.Kind{
	Name: "worksheet", Dir: Dir, Practice: true,
	Scripts: []string{"assets/page.js", "assets/worksheet-core.js", "assets/worksheet.js"},
	Styles:  []string{"assets/worksheet.css"},
	Strings: []string{"ws_"},
}

// MaterialKind is the material kind of worksheets.
func MaterialKind() *material.Kind { return kind }

// Meta implements material.Material.
func (w *Worksheet) Meta() material.Meta {
	return material.Meta{Kind: kind, ID: w.ID, Day: w.Day, Title: w.Title, Path: w.Path}
}

// View implements material.Material. The trainer's pack shows a worksheet's worked example,
// so a worksheet without one is left out of it.
func (w *Worksheet) View(c material.Context) material.View {
	v := NewView(w, c.Lang, c.Render, c.Trainer)
	if c.Pack && c.Trainer && v.Example == "" {
		return nil
	}
	return v
}

// Search implements material.View: the whole worksheet is one section.
func (v *View) Search() []material.Section { return v.search }

// searchSections is the text of worksheet w as its view v shows it, taken from the model
// through r (v holds the labels that are plain text already).
func searchSections(w *Worksheet, v *View, r Renderer) []material.Section {
	body := []string{r.Text(w.Description), v.ValueLabel}
	for _, c := range w.Criteria {
		body = append(body, r.Text(c.Label))
	}
	for i, b := range v.Bands {
		body = append(body, b.Label, r.Text(w.Bands[i].Treatment))
	}
	for i, q := range v.Quadrants {
		body = append(body, q.Label, r.Text(w.Quadrants[i].Treatment))
	}
	for i, o := range v.Outcomes {
		body = append(body, o.Label, r.Text(w.Outcomes[i].Action))
	}
	for _, in := range v.Inputs {
		body = append(body, in.Label)
	}
	for _, o := range v.Outputs {
		body = append(body, o.Label)
	}
	return []material.Section{{Text: strings.Join(body, " ")}}
}
