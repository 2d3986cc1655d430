package build

import (
	"html/template"
	"slices"
	"strings"
	"sync"

	"playbook/site/diag"
	"playbook/site/markdown"
	"playbook/site/quiz"
	"playbook/site/search"
)

// searchScripts are loaded by every page when search is on; a script the page already loads
// (the shared page script) is not loaded twice.
var searchScripts = []string{"assets/page.js", "assets/search-core.js", "assets/search.js"}

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
// day pages, one per question for quizzes, one for a checklist or a worksheet.
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
	case "quiz":
		if p.Quiz == nil {
			break
		}
		day = p.Quiz.Day
		for _, q := range p.Quiz.Questions {
			var body []string
			for _, o := range q.Options {
				body = append(body, quiz.PlainText(o.Text))
			}
			for _, it := range q.Items {
				body = append(body, quiz.PlainText(it.Text))
			}
			for _, l := range q.Lefts {
				body = append(body, quiz.PlainText(l.Text))
			}
			body = append(body, quiz.PlainText(q.Explanation), quiz.PlainText(q.ModelAnswer))
			add("q-"+q.ID, quiz.PlainText(q.Prompt), strings.Join(body, " "), "quiz")
		}
	case "checklist":
		if p.Checklist == nil {
			break
		}
		day = p.Checklist.Day
		var body []string
		body = append(body, quiz.PlainText(p.Checklist.Description))
		for _, s := range p.Checklist.Sections {
			body = append(body, s.Title)
			for _, it := range s.Items {
				body = append(body, quiz.PlainText(it.Text), quiz.PlainText(it.Hint))
			}
		}
		add("", "", strings.Join(body, " "), "checklist")
	case "worksheet":
		if p.Worksheet == nil {
			break
		}
		w := p.Worksheet
		day = w.Day
		body := []string{quiz.PlainText(w.Description), w.ValueLabel}
		for _, c := range w.Criteria {
			body = append(body, quiz.PlainText(c.Label))
		}
		for _, b := range w.Bands {
			body = append(body, b.Label, quiz.PlainText(b.Treatment))
		}
		for _, q := range w.Quadrants {
			body = append(body, q.Label, quiz.PlainText(q.Treatment))
		}
		for _, o := range w.Outcomes {
			body = append(body, o.Label, quiz.PlainText(o.Action))
		}
		for _, in := range w.Inputs {
			body = append(body, in.Label)
		}
		for _, o := range w.Outputs {
			body = append(body, o.Label)
		}
		add("", "", strings.Join(body, " "), "worksheet")
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
