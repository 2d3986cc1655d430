package kit

import (
	"fmt"
	"html/template"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/lesson"
	"playbook/site/markdown"
	"playbook/site/material"
	"playbook/site/pipeline/plan"
	"playbook/site/pipeline/render"
)

func fillPack(r *render.Renderer, pg *plan.Page, p *render.Page, diags *diag.List) *markdown.Document {
	code, out, d, trainer := pg.Lang.Code, pg.Out, pg.Day, pg.Trainer
	th := r.Theme()
	what := "participant_pack"
	if trainer {
		what = "trainer_pack"
	}
	p.Title = fmt.Sprintf(th.String(code, "day_n"), d.Number) + " · " + th.String(code, what)
	p.Breadcrumbs = r.Crumbs(pg)
	p.Styles = packStyles(r.Course())
	view := &PackView{Day: d.Number, Title: render.DayTitle(d), Minutes: d.Duration(), Trainer: trainer}
	if d.Info != nil {
		view.Summary = d.Info.Summary
	}
	if r.Trainer() {
		title := "trainer_pack"
		if trainer {
			title = "participant_pack"
		}
		view.Other = &render.Link{Title: th.String(code, title), URL: plan.RelURL(out, plan.PackPath(code, d.Number, !trainer))}
	}
	if trainer {
		view.Prepare = prepare(r, code, d, out)
		view.Slots, _ = timetable(r, code, d, out)
		if len(view.Slots) > 0 {
			view.Start, view.End = view.Slots[0].Start, view.Slots[len(view.Slots)-1].End
		}
	}
	for i, l := range d.Lessons {
		view.Lessons = append(view.Lessons, packLesson(r.Doc(l.Path), i+1, l, trainer))
	}
	view.Items = packItems(r, p, pg, diags)
	p.View = view
	return nil
}

// packStyles are the styles of every kind of material, which a pack may print.
func packStyles(c *course.Course) []string {
	var out []string
	for _, k := range c.Kinds.Kinds() {
		out = append(out, k.Styles...)
	}
	return out
}

// packLesson is lesson l, number n of its day, in a pack: its summary, objectives and
// outline; with the trainer's timings and notes in the trainer's pack.
func packLesson(doc *markdown.Document, n int, l *lesson.Lesson, trainer bool) PackLesson {
	pl := PackLesson{Number: n, Title: l.Title, Summary: l.Summary, Minutes: l.Duration, Objectives: l.Objectives}
	if doc == nil {
		return pl
	}
	// A section's notes are those of its slides (several when breaks split it), with their
	// links made for the trainer's pack.
	notes := map[string][]byte{}
	for _, sl := range doc.Slides {
		notes[sl.ID] = append(notes[sl.ID], sl.NotesElsewhere...)
	}
	note := func(id string) template.HTML { return template.HTML(notes[id]) }
	if trainer {
		pl.Notes = note("")
	}
	for _, h := range doc.Headings {
		if h.Level != 2 {
			continue
		}
		s := PackSection{Title: h.Text}
		if trainer {
			s.Minutes, s.Notes = h.Minutes, note(h.ID)
		}
		pl.Sections = append(pl.Sections, s)
	}
	return pl
}

// packItems renders the materials of the pack's day as their kinds show them in a pack.
func packItems(r *render.Renderer, p *render.Page, pg *plan.Page, diags *diag.List) []template.HTML {
	code := pg.Lang.Code
	// The material is rendered again for the pack; its problems were reported by its own page.
	var quiet diag.List
	var items []template.HTML
	for _, m := range r.Course().MaterialsOfDay(pg.Day.Number) {
		meta := m.Meta()
		v := m.View(material.Context{Lang: code, Trainer: pg.Trainer, Pack: true, Render: r.MaterialRenderer(code, pg.Out, meta.Path, &quiet)})
		if v == nil {
			continue
		}
		html, err := r.Theme().RenderPartOf(plan.Pack, meta.Kind.Name+"-pack", r.NestedPage(p, meta.Title.Get(code), pg.Trainer, v))
		if err != nil {
			diags.Errorf(diag.Pos{Path: "theme/" + meta.Kind.Name + ".html"}, "rendering %s in %s failed: %v", meta.Path, pg.Out, err)
			continue
		}
		items = append(items, html)
	}
	return items
}
