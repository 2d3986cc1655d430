package pages

import (
	"playbook/site/markdown"
	"playbook/site/pipeline/plan"
	"playbook/site/pipeline/render"
	"playbook/site/search"
)

// sectionDocs are the search documents of a page of Markdown: one per section (the page
// itself when it has none).
func sectionDocs(pg *plan.Page, p *render.Page, doc *markdown.Document) []search.Doc {
	day := 0
	if pg.Day != nil {
		day = pg.Day.Number
	}
	newDoc := func(anchor, heading, body string) search.Doc {
		url := pg.Out
		if anchor != "" {
			url += "#" + anchor
		}
		return search.Doc{URL: url, Title: p.Title, Heading: heading, Body: body, Type: pg.Kind, Day: day}
	}
	if doc == nil || len(doc.Sections) == 0 {
		return []search.Doc{newDoc("", "", "")}
	}
	docs := make([]search.Doc, 0, len(doc.Sections))
	for _, s := range doc.Sections {
		docs = append(docs, newDoc(s.ID, s.Heading, s.Text))
	}
	return docs
}
