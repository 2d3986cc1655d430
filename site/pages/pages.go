package pages

import (
	"html/template"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/markdown"
	"playbook/site/material"
	"playbook/site/pipeline/plan"
	"playbook/site/pipeline/render"
	"playbook/site/quiz"
	"playbook/site/scenario"
)

// tocMinimum is how many headings a lesson needs before it gets a table of contents.
const tocMinimum = 3

func fillHome(r *render.Renderer, pg *plan.Page, p *render.Page, diags *diag.List) *markdown.Document {
	code := pg.Lang.Code
	var doc *markdown.Document
	v := &HomeView{Summary: r.Course().Config.Description[code]}
	if h := pg.Text; h != nil {
		doc = r.Convert(code, markdown.Source{Path: h.Path, Body: h.Body, LineOffset: h.BodyLine}, pg.Out, diags)
		v.Intro = template.HTML(doc.HTML)
		if h.Summary != "" {
			v.Summary = h.Summary
		}
	}
	for _, d := range pg.Lang.Days {
		card := DayCard{Number: d.Number, Title: render.DayTitle(d), URL: plan.RelURL(pg.Out, plan.DayPath(code, d)), Minutes: d.Duration(), Lessons: lessonCards(pg.Out, code, d), Materials: materialLinks(r, pg.Out, code, d.Number)}
		if d.Info != nil {
			card.Summary = d.Info.Summary
		}
		v.Days = append(v.Days, card)
		v.Minutes += card.Minutes
	}
	p.View = v
	return doc
}

func fillDay(r *render.Renderer, pg *plan.Page, p *render.Page, diags *diag.List) *markdown.Document {
	code, d := pg.Lang.Code, pg.Day
	var doc *markdown.Document
	p.Title = render.DayTitle(d)
	v := &DayView{Number: d.Number, Title: render.DayTitle(d), Minutes: d.Duration(), Lessons: lessonCards(pg.Out, code, d), Materials: materialLinks(r, pg.Out, code, d.Number)}
	v.Packs = []render.Link{{Title: p.T("participant_pack"), URL: plan.RelURL(pg.Out, plan.PackPath(code, d.Number, false))}}
	if r.Trainer() {
		v.Packs = append(v.Packs, render.Link{Title: p.T("trainer_pack"), URL: plan.RelURL(pg.Out, plan.PackPath(code, d.Number, true))})
	}
	if d.Info != nil {
		v.Summary = d.Info.Summary
		p.Description = d.Info.Summary
		doc = r.Convert(code, markdown.Source{Path: d.Info.Path, Body: d.Info.Body, LineOffset: d.Info.BodyLine}, pg.Out, diags)
		v.Intro = template.HTML(doc.HTML)
	}
	p.View = v
	p.Breadcrumbs = []render.Link{{Title: p.T("home"), URL: plan.RelURL(pg.Out, plan.HomePath(code))}}
	return doc
}

func fillLesson(r *render.Renderer, pg *plan.Page, p *render.Page, diags *diag.List) *markdown.Document {
	code, l := pg.Lang.Code, pg.Lesson
	doc := lessonDoc(r, pg, diags)
	p.Title = l.Title
	p.Description = l.Summary
	v := &LessonView{
		Day: pg.Day.Number, Number: pg.Number, Title: l.Title, Summary: l.Summary,
		Minutes: l.Duration, Objectives: l.Objectives, HTML: template.HTML(doc.HTML),
		SlidesURL: plan.RelURL(pg.Out, plan.SlidesPath(code, pg.Day, l)),
	}
	if len(doc.Headings) >= tocMinimum {
		v.TOC = doc.Headings
	}
	p.View = v
	p.Breadcrumbs = r.Crumbs(pg)
	return doc
}

func fillStandalone(r *render.Renderer, pg *plan.Page, p *render.Page, diags *diag.List) *markdown.Document {
	t := pg.Text
	doc := r.Convert(pg.Lang.Code, markdown.Source{Path: t.Path, Body: t.Body, LineOffset: t.BodyLine}, pg.Out, diags)
	p.Title = t.Title
	p.Description = t.Summary
	p.View = &StandaloneView{Title: t.Title, Summary: t.Summary, HTML: template.HTML(doc.HTML)}
	p.Breadcrumbs = r.Crumbs(pg)
	return doc
}

// progressScripts are the scripts of the progress page: the quiz scripts' shared parts
// (the progress store, the learner's name) and its own.
var progressScripts = []string{"assets/page.js", "assets/quiz-core.js", "assets/learner.js", "assets/progress.js"}

func fillProgress(r *render.Renderer, pg *plan.Page, p *render.Page, _ *diag.List) *markdown.Document {
	code := pg.Lang.Code
	p.Title = p.T("progress")
	v := &ProgressView{}
	var exams []*quiz.Quiz
	for _, q := range r.Plan().Quizzes {
		if q.Mode == quiz.Exam {
			exams = append(exams, q)
		}
		v.Quizzes = append(v.Quizzes, QuizCard{
			ID: q.ID, Day: q.Day, Title: q.Title.Get(code), URL: plan.RelURL(pg.Out, plan.MaterialPath(code, q)),
			Version: q.Version(), PassMark: q.PassMark, Mode: q.Mode,
		})
	}
	if r.Trainer() && len(exams) > 0 {
		v.Keys = quiz.Keys(exams)
	}
	for _, s := range material.Of[*scenario.Scenario](r.Course().Materials) {
		v.Scenarios = append(v.Scenarios, MaterialCard{ID: s.ID, Day: s.Day, Title: s.Title.Get(code), URL: plan.RelURL(pg.Out, plan.MaterialPath(code, s))})
	}
	p.View = v
	p.Scripts = append([]string{}, progressScripts...)
	p.StringGroups = append([]string{}, quiz.MaterialKind().Strings...)
	p.Breadcrumbs = r.Crumbs(pg)
	return nil
}

func fillSearch(r *render.Renderer, pg *plan.Page, p *render.Page, _ *diag.List) *markdown.Document {
	p.Title = p.T("search_results")
	p.Breadcrumbs = r.Crumbs(pg)
	return nil
}

func fillCoverage(r *render.Renderer, pg *plan.Page, p *render.Page, _ *diag.List) *markdown.Document {
	p.Title = p.T("coverage")
	p.View = coverageView(r, pg.Lang.Code, pg.Out)
	p.Breadcrumbs = r.Crumbs(pg)
	return nil
}

func lessonCards(from, code string, d *course.Day) []LessonCard {
	cards := make([]LessonCard, 0, len(d.Lessons))
	for _, l := range d.Lessons {
		cards = append(cards, LessonCard{Title: l.Title, Summary: l.Summary, URL: plan.RelURL(from, plan.LessonPath(code, d, l)), Minutes: l.Duration})
	}
	return cards
}

// materialLinks lists the materials of a day by kind, linked from the page at from; kinds
// the day has none of are left out.
func materialLinks(r *render.Renderer, from, code string, day int) []MaterialLinks {
	var out []MaterialLinks
	for _, m := range r.Course().MaterialsOfDay(day) {
		meta := m.Meta()
		if len(out) == 0 || out[len(out)-1].Name != meta.Kind.Name {
			out = append(out, MaterialLinks{Name: meta.Kind.Name, Dir: meta.Kind.Dir})
		}
		group := &out[len(out)-1]
		group.Links = append(group.Links, LessonCard{Title: meta.Title.Get(code), URL: plan.RelURL(from, plan.MaterialPath(code, m))})
	}
	return out
}

// fillRedirect makes the site's root page, which sends visitors to the default language's
// home page and lists the others: a bare frame.
func fillRedirect(r *render.Renderer, pg *plan.Page, p *render.Page, _ *diag.List) *markdown.Document {
	cfg, def := r.Course().Config, pg.Lang.Code
	*p = *r.BarePage(pg.Kind, def)
	p.SiteTitle, p.HomeURL, p.RedirectURL, p.NoIndex = cfg.Title[def], plan.HomePath(def), plan.HomePath(def), r.Trainer()
	p.Alternates = r.Alternates(pg.Out, "", "")
	return nil
}

// fillNotFound makes 404.html, which the host serves at any depth: its links are absolute,
// from the base URL.
func fillNotFound(r *render.Renderer, pg *plan.Page, p *render.Page, _ *diag.List) *markdown.Document {
	cfg, def := r.Course().Config, pg.Lang.Code
	*p = *r.BarePage(pg.Kind, def)
	p.Title, p.SiteTitle, p.Root = r.Theme().String(def, "not_found_title"), cfg.Title[def], cfg.BaseURL
	p.HomeURL, p.NoIndex = cfg.BaseURL+plan.HomePath(def), true
	for _, lang := range r.Course().Languages {
		p.Alternates = append(p.Alternates, render.Alternate{Lang: lang.Code, Name: r.Theme().String(lang.Code, "language_name"), URL: cfg.BaseURL + plan.HomePath(lang.Code)})
	}
	return nil
}
