// Package export writes the course's material in the formats of other systems, from the
// loaded course: today its quizzes, for an LMS, in Moodle's GIFT and XML formats.
package export

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/export/moodle"
	"playbook/site/lessonref"
	"playbook/site/markdown"
	"playbook/site/material"
	"playbook/site/quiz"
	"playbook/site/strictyaml"
)

// Quizzes loads the course in fsys and writes its quizzes (all, or those named in ids)
// in format, with texts in lang ("" for the default language).
func Quizzes(fsys fs.FS, format, lang string, ids []string) ([]byte, diag.List) {
	var diags diag.List
	c := course.Load(fsys, &diags)
	if lang == "" {
		lang = c.Config.DefaultLanguage
	}
	if c.Lang(lang) == nil {
		diags.Errorf(diag.Pos{Path: "--lang"}, "language %q is not one of the course's languages", lang)
	}
	all := material.Of[*quiz.Quiz](c.Materials)
	quizzes := all
	if len(ids) > 0 {
		quizzes = nil
		for _, id := range ids {
			found := false
			for _, q := range all {
				if q.ID == id {
					quizzes, found = append(quizzes, q), true
				}
			}
			if !found {
				diags.Errorf(diag.Pos{Path: "--quiz"}, "no quiz has the id %q", id)
			}
		}
	}
	if len(quizzes) == 0 && !diags.HasErrors() {
		diags.Errorf(diag.Pos{Path: quiz.Dir}, "the course has no quizzes to export")
	}
	if diags.HasErrors() {
		diags.Sort()
		return nil, diags
	}
	r := exportRenderer{conv: markdown.New(markdown.Options{}), lang: lang, diags: &diags}
	var buf bytes.Buffer
	var err error
	switch format {
	case "gift":
		err = moodle.WriteGIFT(&buf, quizzes, lang, r)
	case "moodle-xml":
		err = moodle.WriteMoodleXML(&buf, quizzes, lang, r)
	default:
		err = fmt.Errorf("unknown format %q; use gift or moodle-xml", format)
	}
	if err != nil {
		diags.Errorf(diag.Pos{Path: "--format"}, "%v", err)
	}
	diags.Sort()
	return buf.Bytes(), diags
}

// exportRenderer renders quiz texts for an LMS: Markdown to HTML, links left as written.
type exportRenderer struct {
	conv  *markdown.Converter
	lang  string
	diags *diag.List
}

// Markdown implements quiz.Renderer.
func (r exportRenderer) Markdown(t strictyaml.Text, inline bool) template.HTML {
	doc := r.conv.Convert(markdown.Source{Path: "export", Body: []byte(t.Get(r.lang))}, r.diags)
	out := doc.HTML
	if inline {
		out = markdown.UnwrapParagraph(out)
	}
	return template.HTML(bytes.TrimSpace(out))
}

// SourceLink implements quiz.Renderer; exports carry no links to the site.
func (r exportRenderer) SourceLink(*lessonref.Ref) (string, string) { return "", "" }

// Text implements quiz.Renderer: the text of the Markdown, without markup.
func (r exportRenderer) Text(t strictyaml.Text) string {
	if t.IsZero() {
		return ""
	}
	var quiet diag.List
	return r.conv.Convert(markdown.Source{Path: "export", Body: []byte(t.Get(r.lang))}, &quiet).Text()
}
