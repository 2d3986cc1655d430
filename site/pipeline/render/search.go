package render

import (
	"html/template"
	"slices"

	"playbook/site/diag"
	"playbook/site/pipeline/plan"
)

// searchScripts are loaded by every page when search is on; a script the page already loads
// (the shared page script) is not loaded twice.
var searchScripts = []string{"assets/page.js", "assets/search-core.js", "assets/search.js"}

// SearchBox tells the page where the index and the results page are.
type SearchBox struct {
	// Index is the folder of the page language's index files, relative to the page.
	Index string
	// Results is the results page, for searches submitted with Enter or ?q= links.
	Results string
	// Label, Placeholder and ResultsLabel are the form's texts in the page language.
	Label, Placeholder, ResultsLabel string
	// Form is the theme's "search-form" template rendered with the fields above.
	Form template.HTML
}

// AddSearchBox gives the page p at out the search box, its scripts and their strings.
func (r *Renderer) AddSearchBox(p *Page, out string, diags *diag.List) {
	p.Search = r.searchBox(p.Lang, p.Root+"search/"+p.Lang+"/", plan.RelURL(out, plan.SearchPath(p.Lang)), diags)
	scripts := append([]string{}, p.Scripts...)
	for _, s := range searchScripts {
		if !slices.Contains(scripts, s) {
			scripts = append(scripts, s)
		}
	}
	p.Scripts = scripts
	p.StringGroups = append(p.StringGroups, "sr_")
}

// searchBox returns the search box of a page in lang whose index folder and results page
// are at the given relative addresses. Those are the same for every page of a language at
// one folder depth, so the form is rendered once for them all (each value through the
// template's escapers costs more than the rest of a page's header).
func (r *Renderer) searchBox(lang, index, results string, diags *diag.List) *SearchBox {
	key := lang + "\x00" + index + "\x00" + results
	if v, ok := r.searchForms.Load(key); ok {
		return v.(*SearchBox)
	}
	box := &SearchBox{
		Index: index, Results: results, Label: r.theme.String(lang, "search"),
		Placeholder: r.theme.String(lang, "search_placeholder"), ResultsLabel: r.theme.String(lang, "search_results"),
	}
	form, err := r.theme.RenderPart("search-form", box)
	if err != nil {
		diags.Errorf(diag.Pos{Path: "theme"}, "the search form of the embedded theme is broken: %v", err)
	}
	box.Form = form
	v, _ := r.searchForms.LoadOrStore(key, box)
	return v.(*SearchBox)
}
