package render

import (
	"playbook/site/diag"
	"playbook/site/markdown"
	"playbook/site/pipeline/plan"
	"playbook/site/search"
)

// Kind is a kind of page: everything about rendering one is declared here, in one place.
type Kind struct {
	// Template is the theme's page template; "" means the one named after the page's kind.
	Template string
	// Fill sets the page's title, its view and what it loads, from its planned page, and
	// returns the Markdown it converted, if any (the checks and the late kinds use it).
	Fill func(r *Renderer, pg *plan.Page, p *Page, diags *diag.List) *markdown.Document
	// Search turns the rendered page into search documents; nil leaves it out of the index.
	Search func(pg *plan.Page, p *Page, doc *markdown.Document) []search.Doc
	// Late kinds are rendered after all others, from the documents those converted (the
	// trainer's kit); they are not cached.
	Late bool
	// Bare pages have no search box and no search documents (slides fill the screen).
	Bare bool
}

// Kinds are the page kinds a site is rendered with, by name (plan.Page.Kind).
type Kinds map[string]Kind

// With returns the kinds with more added (the trainer's kit).
func (k Kinds) With(more Kinds) Kinds {
	out := Kinds{}
	for name, kind := range k {
		out[name] = kind
	}
	for name, kind := range more {
		out[name] = kind
	}
	return out
}
