package pages

import (
	"fmt"
	"html/template"

	"playbook/site/diag"
	"playbook/site/markdown"
	"playbook/site/pipeline/plan"
	"playbook/site/pipeline/render"
)

// slidesScripts are the scripts of slides pages: the shared page script, the pure logic,
// then the page code.
var slidesScripts = []string{"assets/page.js", "assets/slides-core.js", "assets/slides.js"}

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
	// HasScript is true when a slide has a script (its section's text beside slide text of
	// its own): the presenter view then has a notes pane in the learner edition too.
	HasScript bool
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
	// Script is the section's text when the slide shows its own "::: slide" text: what the
	// presenter speaks to, in the presenter view (both editions).
	Script template.HTML
}

// lessonDoc returns the converted body of the lesson of pg, a lesson or a slides page. The
// lesson page and its slides share a folder, so the body's links resolve alike for both and
// it is converted once for both. Only the lesson page reports the conversion's problems.
func lessonDoc(r *render.Renderer, pg *plan.Page, diags *diag.List) *markdown.Document {
	code, l := pg.Lang.Code, pg.Lesson
	src := markdown.Source{Path: l.Path, Body: l.Body, LineOffset: l.BodyLine, Slides: true, SlideBreaks: l.SlideBreaks}
	if r.Trainer() {
		// The trainer's pack of the day prints the notes: their links are made for it too.
		src.NotesElsewhere = r.Resolver(code, plan.PackPath(code, pg.Day.Number, true))
	}
	doc, found := r.ConvertShared(code, src, plan.LessonPath(code, pg.Day, l), 2)
	if pg.Kind == plan.Lesson {
		diags.Add(found...)
	}
	return doc
}

// fillSlides fills p with the slides of the lesson of pg. It hands on no document: the
// lesson page hands on the same one.
func fillSlides(r *render.Renderer, pg *plan.Page, p *render.Page, diags *diag.List) *markdown.Document {
	code, l := pg.Lang.Code, pg.Lesson
	doc := lessonDoc(r, pg, diags)
	v := &SlidesView{
		Day: pg.Day.Number, DayTitle: render.DayTitle(pg.Day), Number: pg.Number, Title: l.Title, Summary: l.Summary,
		Minutes: l.Duration, LessonURL: plan.RelURL(pg.Out, plan.LessonPath(code, pg.Day, l)),
	}
	for i, s := range doc.Slides {
		sv := SlideView{
			Number: i + 1, Heading: s.Heading, Continued: s.Continued, LabelID: s.ID,
			HeadingHTML: template.HTML(s.HeadingHTML), HTML: template.HTML(s.HTML), Script: template.HTML(s.Script),
		}
		if s.Continued || s.ID == "" {
			sv.LabelID = fmt.Sprintf("slide-%d-heading", i+1)
		}
		if r.Trainer() {
			// Timings and notes are trainer material: the learner edition has not a trace.
			sv.Minutes, sv.Notes = s.Minutes, template.HTML(s.Notes)
		}
		v.Slides = append(v.Slides, sv)
		v.HasScript = v.HasScript || sv.Script != ""
	}
	p.Title = l.Title
	p.Description = l.Summary
	p.NoIndex = true // the lesson page is the one to find
	p.View = v
	p.Scripts = append([]string{}, slidesScripts...)
	p.StringGroups = []string{"sl_"}
	if !r.Caching() {
		// The view holds copies; the lesson page does not need the slides, and the day packs
		// need only their notes: large builds stay small.
		for i := range doc.Slides {
			doc.Slides[i].HTML, doc.Slides[i].HeadingHTML = nil, nil
		}
	}
	return nil
}
