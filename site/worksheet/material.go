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
func (v *View) Search() []material.Section {
	body := []string{material.PlainText(v.Description), v.ValueLabel}
	for _, c := range v.Criteria {
		body = append(body, material.PlainText(c.Label))
	}
	for _, b := range v.Bands {
		body = append(body, b.Label, material.PlainText(b.Treatment))
	}
	for _, q := range v.Quadrants {
		body = append(body, q.Label, material.PlainText(q.Treatment))
	}
	for _, o := range v.Outcomes {
		body = append(body, o.Label, material.PlainText(o.Action))
	}
	for _, in := range v.Inputs {
		body = append(body, in.Label)
	}
	for _, o := range v.Outputs {
		body = append(body, o.Label)
	}
	return []material.Section{{Text: strings.Join(body, " ")}}
}
