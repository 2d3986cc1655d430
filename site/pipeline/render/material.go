package render

import (
	"html/template"

	"go.yaml.in/yaml/v3"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/lessonref"
	"playbook/site/markdown"
	"playbook/site/material"
	"playbook/site/pipeline/plan"
	"playbook/site/strictyaml"
)

// MaterialRenderer renders the texts of the material in the file path for the page at
// from, in lang, reporting problems to diags.
func (r *Renderer) MaterialRenderer(lang, from, path string, diags *diag.List) material.Renderer {
	return &materialRenderer{r: r, lang: lang, from: from, path: path, diags: diags, texts: map[string]string{}}
}

// materialRenderer renders the texts of a material for one page.
type materialRenderer struct {
	r     *Renderer
	lang  string
	from  string
	path  string
	diags *diag.List
	// texts holds the plain text of each Markdown source converted, for Text.
	texts map[string]string
}

// Markdown implements material.Renderer.
func (m *materialRenderer) Markdown(t strictyaml.Text, inline bool) template.HTML {
	node := t.Node(m.lang)
	offset := 0
	if node != nil {
		offset = node.Line - 1
		if node.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			offset = node.Line
		}
	}
	src := t.Get(m.lang)
	doc := m.r.convert(m.lang, markdown.Source{Path: m.path, Body: []byte(src), LineOffset: offset}, m.from, m.diags)
	m.texts[src] = doc.Text()
	html := doc.HTML
	if inline {
		html = markdown.UnwrapParagraph(html)
	}
	return template.HTML(html)
}

// SourceLink implements material.Renderer.
func (m *materialRenderer) SourceLink(s *lessonref.Ref) (string, string) {
	target := course.ContentDir + "/" + m.lang + "/" + s.Path[m.lang]
	out, ok := m.r.plan.URLs.Of(target)
	if !ok {
		return "", ""
	}
	url := plan.RelURL(m.from, out)
	if f := s.Fragment[m.lang]; f != "" {
		url += "#" + f
	}
	title, _ := m.r.plan.URLs.Title(target)
	return url, title
}

// Text implements material.Renderer: the text of the Markdown the page shows, taken from
// its syntax tree (converted once, with Markdown).
func (m *materialRenderer) Text(t strictyaml.Text) string {
	if t.IsZero() {
		return ""
	}
	src := t.Get(m.lang)
	if text, ok := m.texts[src]; ok {
		return text
	}
	var quiet diag.List // problems are reported where the text is shown
	doc := m.r.convert(m.lang, markdown.Source{Path: m.path, Body: []byte(src)}, m.from, &quiet)
	m.texts[src] = doc.Text()
	return m.texts[src]
}
