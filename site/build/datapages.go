package build

import (
	"bytes"
	"html/template"
	"slices"

	"go.yaml.in/yaml/v3"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/lessonref"
	"playbook/site/markdown"
	"playbook/site/material"
	"playbook/site/strictyaml"
)

// renderMaterial fills p with the material of job j, as its kind declares.
func (b *builder) renderMaterial(j pageJob, p *Page, diags *diag.List) {
	meta := j.mat.Meta()
	p.Title = meta.Title.Get(j.lang.Code)
	p.Material = j.mat.View(material.Context{
		Lang: j.lang.Code, Trainer: b.opts.Edition == Trainer,
		Render: dataRenderer{b: b, lang: j.lang.Code, from: j.out, path: meta.Path, diags: diags},
	})
	// Copies: the page appends to them (the search box's script and strings).
	p.Scripts = slices.Clone(meta.Kind.Scripts)
	p.Styles = slices.Clone(meta.Kind.Styles)
	p.StringGroups = slices.Clone(meta.Kind.Strings)
	p.Breadcrumbs = b.dayCrumbs(j, p)
}

// dayCrumbs are the breadcrumbs of a page that belongs to a day: home, then the day.
func (b *builder) dayCrumbs(j pageJob, p *Page) []Link {
	code := j.lang.Code
	crumbs := []Link{{Title: p.T("home"), URL: relURL(j.out, homePath(code))}}
	if j.day != nil {
		crumbs = append(crumbs, Link{Title: p.Tf("day_n", j.day.Number) + " · " + dayTitle(j.day), URL: relURL(j.out, dayPath(code, j.day))})
	}
	return crumbs
}

// dataRenderer renders the texts of a material for one page.
type dataRenderer struct {
	b     *builder
	lang  string
	from  string
	path  string
	diags *diag.List
}

// Markdown implements material.Renderer.
func (r dataRenderer) Markdown(t strictyaml.Text, inline bool) template.HTML {
	node := t.Node(r.lang)
	offset := 0
	if node != nil {
		offset = node.Line - 1
		if node.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			offset = node.Line
		}
	}
	doc := r.b.converters[r.lang].Convert(markdown.Source{
		Path: r.path, Body: []byte(t.Get(r.lang)), LineOffset: offset,
		Resolver: pageResolver{urls: r.b.urls, lang: r.lang, from: r.from},
	}, r.diags)
	html := doc.HTML
	if inline {
		html = unwrapParagraph(html)
	}
	return template.HTML(html)
}

// SourceLink implements material.Renderer.
func (r dataRenderer) SourceLink(s *lessonref.Ref) (string, string) {
	target := course.ContentDir + "/" + r.lang + "/" + s.Path[r.lang]
	out, ok := r.b.urls.bySource[target]
	if !ok {
		return "", ""
	}
	url := relURL(r.from, out)
	if f := s.Fragment[r.lang]; f != "" {
		url += "#" + f
	}
	return url, r.b.urls.titles[target]
}

// unwrapParagraph drops the <p> around HTML that is exactly one paragraph.
func unwrapParagraph(html []byte) []byte {
	trimmed := bytes.TrimSpace(html)
	if bytes.HasPrefix(trimmed, []byte("<p>")) && bytes.HasSuffix(trimmed, []byte("</p>")) &&
		bytes.Count(trimmed, []byte("<p>")) == 1 {
		return trimmed[3 : len(trimmed)-4]
	}
	return html
}

// checkSources reports material sources that name no lesson, or an anchor the lesson
// lacks, in any language, and warns where a source is wanted but missing (scored questions).
func (b *builder) checkSources(docs map[string]*markdown.Document, diags *diag.List) {
	for _, m := range b.course.Materials {
		r, ok := m.(material.Referrer)
		if !ok {
			continue
		}
		for _, ref := range r.Refs() {
			if ref.Ref == nil && ref.Want != "" {
				diags.Warnf(ref.Pos, "%s", ref.Want)
			}
			b.checkRef(ref.Ref, docs, diags)
		}
	}
}

func (b *builder) checkRef(s *lessonref.Ref, docs map[string]*markdown.Document, diags *diag.List) {
	if s == nil {
		return
	}
	for _, lang := range b.course.Config.Languages {
		target := course.ContentDir + "/" + lang + "/" + s.Path[lang]
		if _, ok := b.urls.titles[target]; !ok {
			diags.Errorf(s.Pos, "source %q: there is no lesson %s; check the path (inside content/%s/)", s.Path[lang], target, lang)
			continue
		}
		frag := s.Fragment[lang]
		if doc, ok := docs[target]; ok && frag != "" && !doc.Anchors[frag] {
			diags.Errorf(s.Pos, "source %q: %s has no heading #%s; give the section's heading the id in every language, e.g. \"## Title {#%s}\"", s.Path[lang]+"#"+frag, target, frag, frag)
		}
	}
}
