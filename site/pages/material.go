package pages

import (
	"slices"

	"playbook/site/diag"
	"playbook/site/markdown"
	"playbook/site/material"
	"playbook/site/pipeline/plan"
	"playbook/site/pipeline/render"
	"playbook/site/search"
)

// fillMaterial fills p with the material of pg, as its kind declares.
func fillMaterial(r *render.Renderer, pg *plan.Page, p *render.Page, diags *diag.List) *markdown.Document {
	meta := pg.Material.Meta()
	p.Title = meta.Title.Get(pg.Lang.Code)
	p.View = pg.Material.View(material.Context{
		Lang: pg.Lang.Code, Trainer: r.Trainer(),
		Render: r.MaterialRenderer(pg.Lang.Code, pg.Out, meta.Path, diags),
	})
	// Copies: the page appends to them (the search box's script and strings).
	p.Scripts = slices.Clone(meta.Kind.Scripts)
	p.Styles = slices.Clone(meta.Kind.Styles)
	p.StringGroups = slices.Clone(meta.Kind.Strings)
	p.Breadcrumbs = r.Crumbs(pg)
	return nil
}

// materialDocs are the search documents of a material page: the sections its view gives.
func materialDocs(pg *plan.Page, p *render.Page, _ *markdown.Document) []search.Doc {
	meta := pg.Material.Meta()
	v, ok := p.View.(material.View)
	if !ok {
		return nil
	}
	var docs []search.Doc
	for _, s := range v.Search() {
		url := pg.Out
		if s.Anchor != "" {
			url += "#" + s.Anchor
		}
		docs = append(docs, search.Doc{URL: url, Title: p.Title, Heading: s.Heading, Body: s.Text, Type: meta.Kind.Name, Day: meta.Day})
	}
	return docs
}
