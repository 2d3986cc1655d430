package build

import (
	"fmt"
	"html/template"
	"sync"
	"sync/atomic"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/lesson"
	"playbook/site/markdown"
)

// slidesScripts are the scripts of slides pages: the shared page script, the pure logic,
// then the page code.
var slidesScripts = []string{"assets/page.js", "assets/slides-core.js", "assets/slides.js"}

// slidesPath is where a lesson's slides go: beside the lesson page, so that the lesson's
// relative links and images resolve the same from both, and one conversion serves both.
func slidesPath(lang string, d *course.Day, l *lesson.Lesson) string {
	return lang + "/" + d.Folder + "/" + l.Slug + ".slides.html"
}

// SlidesView is a lesson presented as slides.
type SlidesView struct {
	Day      int
	DayTitle string
	Number   int
	Title    string
	Summary  string
	Minutes  int
	// LessonURL leads back to the lesson page.
	LessonURL string
	Slides    []SlideView
}

// SlideView is one slide. Minutes and Notes are empty in the learner edition.
type SlideView struct {
	Number int
	// Heading is the plain text of the section heading, repeated on a Continued slide.
	Heading   string
	Continued bool
	// LabelID is the id of the heading that names the slide.
	LabelID     string
	Minutes     int
	HeadingHTML template.HTML
	HTML        template.HTML
	Notes       template.HTML
}

// sharedDoc is a lesson body converted once for the two pages that show it.
type sharedDoc struct {
	once  sync.Once
	doc   *markdown.Document
	diags diag.List
	users atomic.Int32
}

// lessonDoc returns the converted body of the lesson of j, a lesson or a slides job. The
// lesson page and its slides share a folder, so the body's links resolve alike for both and
// it is converted once: through the cache when there is one, else through b.shared, which
// forgets it once both pages have it. Only the lesson page reports the conversion's problems.
func (b *builder) lessonDoc(j pageJob, diags *diag.List) *markdown.Document {
	code := j.lang.Code
	l := j.day.Lessons[j.index]
	out := lessonPath(code, j.day, l)
	convert := func(d *diag.List) *markdown.Document {
		return b.convertSource(code, markdown.Source{Path: l.Path, Body: l.Body, LineOffset: l.BodyLine, Slides: true, SlideBreaks: l.SlideBreaks}, out, d)
	}
	var doc *markdown.Document
	var found diag.List
	if b.opts.Cache != nil {
		doc = convert(&found)
	} else {
		v, _ := b.shared.LoadOrStore(l.Path, &sharedDoc{})
		s := v.(*sharedDoc)
		s.once.Do(func() { s.doc = convert(&s.diags) })
		if s.users.Add(1) == 2 {
			b.shared.Delete(l.Path)
		}
		doc, found = s.doc, s.diags
	}
	if j.kind == "lesson" {
		diags.Add(found...)
	}
	return doc
}

// renderSlides fills p with the slides of the lesson of j.
func (b *builder) renderSlides(j pageJob, p *Page, diags *diag.List) {
	code := j.lang.Code
	l := j.day.Lessons[j.index]
	doc := b.lessonDoc(j, diags)
	trainer := b.opts.Edition == Trainer
	v := &SlidesView{
		Day: j.day.Number, DayTitle: dayTitle(j.day), Number: j.index + 1, Title: l.Title, Summary: l.Summary,
		Minutes: l.Duration, LessonURL: relURL(j.out, lessonPath(code, j.day, l)),
	}
	for i, s := range doc.Slides {
		sv := SlideView{
			Number: i + 1, Heading: s.Heading, Continued: s.Continued, LabelID: s.ID,
			HeadingHTML: template.HTML(s.HeadingHTML), HTML: template.HTML(s.HTML),
		}
		if s.Continued || s.ID == "" {
			sv.LabelID = fmt.Sprintf("slide-%d-heading", i+1)
		}
		if trainer {
			// Timings and notes are trainer material: the learner edition has not a trace.
			sv.Minutes, sv.Notes = s.Minutes, template.HTML(s.Notes)
		}
		v.Slides = append(v.Slides, sv)
	}
	p.Title = l.Title
	p.Description = l.Summary
	p.NoIndex = true // the lesson page is the one to find
	p.Slides = v
	p.Scripts = slidesScripts
	p.StringGroups = []string{"sl_"}
	b.write(j.out, j.kind, p, diags)
	if b.opts.Cache == nil {
		// The lesson page does not need the slides, and the day packs need only their notes:
		// large builds stay small.
		for i := range doc.Slides {
			doc.Slides[i].HTML, doc.Slides[i].HeadingHTML = nil, nil
		}
	}
}
