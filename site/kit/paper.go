package kit

import (
	"fmt"
	"html/template"
	"strings"

	"playbook/site/diag"
	"playbook/site/markdown"
	"playbook/site/material"
	"playbook/site/pipeline/plan"
	"playbook/site/pipeline/render"
	"playbook/site/quiz"
)

// fillPaper renders a printed version of an exam (trainer edition): the exam's questions in
// the version's order, blank, with the answer-sheet header; the keys of every version are in
// the trainer's pack of the exam's day.
func fillPaper(r *render.Renderer, pg *plan.Page, p *render.Page, diags *diag.List) *markdown.Document {
	code := pg.Lang.Code
	q := pg.Material.(*quiz.Quiz)
	th := r.Theme()
	version := strings.ToUpper(pg.Version)
	p.Title = q.Title.Get(code) + " · " + fmt.Sprintf(th.String(code, "paper_version"), version)
	p.Breadcrumbs = r.Crumbs(pg)
	p.Styles = packStyles(r.Course())
	view := &PackView{Day: q.Day, Title: q.Title.Get(code), Paper: version}
	for _, v := range quiz.PaperVersions {
		if v != pg.Version {
			view.Other = &render.Link{Title: fmt.Sprintf(th.String(code, "paper_version"), strings.ToUpper(v)), URL: plan.RelURL(pg.Out, plan.PaperPath(code, q.ID, v))}
		}
	}
	if pg.Day != nil {
		view.KeyIn = &render.Link{Title: fmt.Sprintf(th.String(code, "day_n"), pg.Day.Number) + " · " + th.String(code, "trainer_pack"),
			URL: plan.RelURL(pg.Out, plan.PackPath(code, pg.Day.Number, true))}
	}
	var quiet diag.List // the exam's own page reports its problems
	paper := quiz.Paper(q, pg.Version)
	v := paper.View(material.Context{Lang: code, Pack: true, Render: r.MaterialRenderer(code, pg.Out, q.Path, &quiet)})
	html, err := th.RenderPartOf(plan.Pack, "quiz-pack", r.NestedPage(p, p.Title, false, v))
	if err != nil {
		diags.Errorf(diag.Pos{Path: "theme/quiz.html"}, "rendering %s in %s failed: %v", q.Path, pg.Out, err)
	}
	view.Items = []template.HTML{html}
	p.View = view
	return nil
}
