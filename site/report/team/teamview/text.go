package teamview

import (
	"html/template"
	"strconv"
	"strings"
	"time"

	"playbook/site/checklist"
	"playbook/site/diag"
	"playbook/site/markdown"
	"playbook/site/material"
	"playbook/site/strictyaml"
)

// texts words the roll-up in one language: the checklists' texts as plain text, dates,
// numbers.
type texts struct {
	lang string
	conv *markdown.Converter
}

func newTexts(lang string) *texts {
	return &texts{lang: lang, conv: markdown.New(markdown.Options{})}
}

// plain returns a checklist's Markdown text as plain text on one line.
func (x *texts) plain(c *checklist.Checklist, t strictyaml.Text) string {
	var diags diag.List // the course was checked; a text that renders badly still has words
	doc := x.conv.Convert(markdown.Source{Path: c.Path, Body: []byte(t.Get(x.lang))}, &diags)
	return strings.Join(strings.Fields(material.PlainText(template.HTML(doc.HTML))), " ")
}

// section is a section's title, "" for an untitled one.
func (x *texts) section(s *checklist.Section) string {
	if s == nil || s.Title.IsZero() {
		return ""
	}
	return s.Title.Get(x.lang)
}

// day formats a date in UTC: 2026-11-25; "" for none.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

// num formats a number the shortest way: 58.3, 5.
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// signed formats a change with its sign: +28, -3, 0.
func signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
