package build

import (
	"bytes"
	"html/template"

	"gopkg.in/yaml.v3"

	"playbook/site/checklist"
	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/lessonref"
	"playbook/site/markdown"
	"playbook/site/quiz"
	"playbook/site/strictyaml"
	"playbook/site/worksheet"
)

// quizScripts are the scripts of quiz and progress pages: the shared page script, the pure
// logic, then the page code.
var quizScripts = []string{"assets/page.js", "assets/quiz-core.js", "assets/quiz.js"}

// renderQuiz fills p with the quiz of job j.
func (b *builder) renderQuiz(j pageJob, p *Page, diags *diag.List) {
	q, code := j.quiz, j.lang.Code
	trainer := b.opts.Edition == Trainer
	withKey := q.Mode == quiz.SelfCheck || trainer
	p.Title = q.Title.Get(code)
	p.Quiz = quiz.NewView(q, code, dataRenderer{b: b, lang: code, from: j.out, path: q.Path, diags: diags}, withKey, trainer)
	p.Scripts = quizScripts
	p.StringGroups = []string{""}
	p.Breadcrumbs = b.dayCrumbs(j, p)
}

// checklistScripts are the scripts of checklist pages.
var checklistScripts = []string{"assets/page.js", "assets/checklist-core.js", "assets/checklist.js"}

// renderChecklist fills p with the checklist of job j.
func (b *builder) renderChecklist(j pageJob, p *Page, diags *diag.List) {
	c, code := j.list, j.lang.Code
	p.Title = c.Title.Get(code)
	p.Checklist = checklist.NewView(c, code, dataRenderer{b: b, lang: code, from: j.out, path: c.Path, diags: diags})
	p.Scripts = checklistScripts
	p.StringGroups = []string{"ck_"}
	p.Breadcrumbs = b.dayCrumbs(j, p)
}

// worksheetScripts are the scripts of worksheet pages.
var worksheetScripts = []string{"assets/page.js", "assets/worksheet-core.js", "assets/worksheet.js"}

// renderWorksheet fills p with the worksheet of job j.
func (b *builder) renderWorksheet(j pageJob, p *Page, diags *diag.List) {
	w, code := j.sheet, j.lang.Code
	p.Title = w.Title.Get(code)
	p.Worksheet = worksheet.NewView(w, code, dataRenderer{b: b, lang: code, from: j.out, path: w.Path, diags: diags}, b.opts.Edition == Trainer)
	p.Scripts = worksheetScripts
	p.StringGroups = []string{"ws_"}
	p.Styles = []string{"assets/worksheet.css"}
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

// dataRenderer renders the texts of a YAML file (quiz, checklist) for one page.
type dataRenderer struct {
	b     *builder
	lang  string
	from  string
	path  string
	diags *diag.List
}

// Markdown implements quiz.Renderer and checklist.Renderer.
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

// SourceLink implements quiz.Renderer and checklist.Renderer.
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

// checkSources reports quiz and checklist sources that name no lesson, or an anchor the
// lesson lacks, in any language; scored questions without a source get a warning.
func (b *builder) checkSources(docs map[string]*markdown.Document, diags *diag.List) {
	for _, q := range b.course.Quizzes {
		for _, x := range q.Questions {
			if x.Source == nil && x.Scored() {
				diags.Warnf(x.Pos, "question %q has no source; add \"source: day-NN-topic/NN-lesson.md#section\" so learners can read up on it", x.ID)
			}
			b.checkRef(x.Source, docs, diags)
		}
	}
	for _, c := range b.course.Checklists {
		for _, it := range c.Items() {
			b.checkRef(it.Source, docs, diags)
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
