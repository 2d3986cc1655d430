package build

import (
	"html/template"
	"sync"

	"playbook/site/diag"
	"playbook/site/markdown"
	"playbook/site/search"
)

// searchScripts are loaded by every page when search is on.
var searchScripts = []string{"assets/search-core.js", "assets/search.js"}

func searchPath(lang string) string { return lang + "/search.html" }

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

// addSearchBox gives the page p at out the search box, its scripts and their strings.
func (b *builder) addSearchBox(p *Page, out string, diags *diag.List) {
	p.Search = b.searchBox(p.Lang, p.Root+"search/"+p.Lang+"/", relURL(out, searchPath(p.Lang)), diags)
	p.Scripts = append(append([]string{}, p.Scripts...), searchScripts...)
	p.StringGroups = append(p.StringGroups, "sr_")
}

// searchBox returns the search box of a page in lang whose index folder and results page
// are at the given relative addresses. Those are the same for every page of a language at
// one folder depth, so the form is rendered once for them all (each value through the
// template's escapers costs more than the rest of a page's header).
func (b *builder) searchBox(lang, index, results string, diags *diag.List) *SearchBox {
	key := lang + "\x00" + index + "\x00" + results
	if v, ok := b.searchForms.Load(key); ok {
		return v.(*SearchBox)
	}
	box := &SearchBox{
		Index: index, Results: results, Label: b.theme.String(lang, "search"),
		Placeholder: b.theme.String(lang, "search_placeholder"), ResultsLabel: b.theme.String(lang, "search_results"),
	}
	form, err := b.theme.RenderPart("search-form", box)
	if err != nil {
		diags.Errorf(diag.Pos{Path: "theme"}, "the search form of the embedded theme is broken: %v", err)
	}
	box.Form = form
	v, _ := b.searchForms.LoadOrStore(key, box)
	return v.(*SearchBox)
}

// searchDocsOf turns a rendered page into search documents: one per section for lessons and
// day pages, and those its material's view gives for a material page.
func searchDocsOf(j pageJob, p *Page, doc *markdown.Document) []search.Doc {
	day := 0
	if j.day != nil {
		day = j.day.Number
	}
	var docs []search.Doc
	add := func(anchor, heading, body, typ string) {
		url := j.out
		if anchor != "" {
			url += "#" + anchor
		}
		docs = append(docs, search.Doc{URL: url, Title: p.Title, Heading: heading, Body: body, Type: typ, Day: day})
	}
	if j.mat != nil {
		meta := j.mat.Meta()
		if p.Material != nil {
			for _, sec := range p.Material.Search() {
				add(sec.Anchor, sec.Heading, sec.Text, meta.Kind.Name)
			}
		}
		day = meta.Day
	}
	switch j.kind {
	case "search", "progress", "coverage", "slides":
		// Slides say again what their lesson says: a search finds the lesson.
		return nil
	case "lesson", "day", "page":
		typ := j.kind
		if doc == nil {
			add("", "", "", typ)
			break
		}
		for _, s := range doc.Sections {
			add(s.ID, s.Heading, s.Text, typ)
		}
		if len(doc.Sections) == 0 {
			add("", "", "", typ)
		}
	}
	for i := range docs {
		docs[i].Day = day
	}
	return docs
}

// searchIndex builds the index of each language from the documents of its pages, in plan
// order, so two builds write the same bytes. The languages are indexed side by side.
func (b *builder) searchIndex(jobs []pageJob) map[string][]byte {
	results := make([]map[string][]byte, len(b.course.Languages))
	var wg sync.WaitGroup
	for li, lang := range b.course.Languages {
		var docs []search.Doc
		for i, j := range jobs {
			if j.lang == lang {
				docs = append(docs, b.searchDocs[i]...)
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[li] = search.Build(lang.Code, "search/"+lang.Code, docs)
		}()
	}
	wg.Wait()
	files := map[string][]byte{}
	for _, r := range results {
		for p, data := range r {
			files[p] = data
		}
	}
	return files
}
