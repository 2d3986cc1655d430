package report

import (
	"html/template"
	"path"
	"strings"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/markdown"
	"playbook/site/material"
	"playbook/site/quiz"
	"playbook/site/scenario"
	"playbook/site/strictyaml"
)

// texts gives the course's texts in the report's language as plain text.
type texts struct {
	course *course.Course
	lang   string
	conv   *markdown.Converter
}

func newTexts(c *course.Course, lang string) *texts {
	return &texts{course: c, lang: lang, conv: markdown.New(markdown.Options{})}
}

// get returns t in the report's language, or in the course's default language when it has
// no translation.
func (x *texts) get(t strictyaml.Text) string {
	if s := t.Get(x.lang); s != "" {
		return s
	}
	return t.Get(x.course.Config.DefaultLanguage)
}

// prompt returns a question's prompt as plain text on one line: Markdown rendered, tags
// dropped (material.PlainText), white space collapsed.
func (x *texts) prompt(q *quiz.Quiz, question *quiz.Question) string {
	return x.inline(q, question.Prompt)
}

// inline returns a text of quiz q as plain text on one line (see prompt).
func (x *texts) inline(q *quiz.Quiz, t strictyaml.Text) string { return x.plain(q.Path, t) }

// scenario returns a text of scenario s as plain text on one line (see prompt).
func (x *texts) scenario(s *scenario.Scenario, t strictyaml.Text) string { return x.plain(s.Path, t) }

// plain returns a text of the file at path as plain text on one line.
func (x *texts) plain(path string, t strictyaml.Text) string {
	var diags diag.List // the course was checked; a text that renders badly still has words
	doc := x.conv.Convert(markdown.Source{Path: path, Body: []byte(x.get(t))}, &diags)
	return strings.Join(strings.Fields(material.PlainText(template.HTML(doc.HTML))), " ")
}

// reference names the lesson section that teaches question id of q, without a link:
// "Day 1 › What CRM means › The two meanings". It falls back to the source path as
// written when the lesson is not found, and is "" for a question without source.
func (x *texts) reference(q *quiz.Quiz, id string) string {
	var question *quiz.Question
	for _, qq := range q.Questions {
		if qq.ID == id {
			question = qq
		}
	}
	if question == nil || question.Source == nil {
		return ""
	}
	lang := x.lang
	if _, ok := question.Source.Path[lang]; !ok {
		lang = x.course.Config.DefaultLanguage
	}
	rel, frag := question.Source.Path[lang], question.Source.Fragment[lang]
	written := rel
	if frag != "" {
		written += "#" + frag
	}
	l := x.course.Lang(lang)
	if l == nil {
		return written
	}
	full := path.Join(course.ContentDir, lang, rel)
	for _, d := range l.Days {
		for _, les := range d.Lessons {
			if les.Path != full {
				continue
			}
			parts := []string{les.Title}
			if frag != "" {
				var diags diag.List
				doc := x.conv.Convert(markdown.Source{Path: les.Path, Body: les.Body, LineOffset: les.BodyLine}, &diags)
				for _, h := range doc.Headings {
					if h.ID == frag {
						parts = append(parts, h.Text)
					}
				}
			}
			return strings.Join(parts, " › ")
		}
	}
	return written
}
