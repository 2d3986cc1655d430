// Package plan is the first stage of the pipeline: from the loaded course it decides every
// page of one edition, where each goes, which source it shows and its neighbours in reading
// order, and it knows where every source file ends up (URLs). It renders nothing.
package plan

import (
	"errors"
	"maps"
	"slices"

	"playbook/site/course"
	"playbook/site/lesson"
	"playbook/site/material"
	"playbook/site/quiz"
)

// Edition selects who the site is for.
type Edition string

const (
	// Learner is the default edition: no facilitator notes, timings or answer keys.
	Learner Edition = "learner"
	// Trainer adds facilitator notes, section timings and answer keys.
	Trainer Edition = "trainer"
)

// ParseEdition checks an edition name.
func ParseEdition(s string) (Edition, error) {
	switch Edition(s) {
	case Learner, Trainer:
		return Edition(s), nil
	}
	return "", errors.New("edition must be learner or trainer")
}

// The page kinds the plan makes, beside one per kind of material (named after it).
const (
	Home       = "home"
	Day        = "day"
	Lesson     = "lesson"
	Slides     = "slides"
	Standalone = "page"
	Progress   = "progress"
	Search     = "search"
	Coverage   = "coverage"
	Schedule   = "schedule"
	Pack       = "pack"
	// Paper is an exam printed in one of its versions (quiz.PaperVersions), trainer edition.
	Paper = "paper"
	// Evaluation holds the printable evaluation forms, of a day and of the course (trainer
	// edition).
	Evaluation = "evaluation"
	// Redirect (the site's root page, which sends visitors to the default language) and
	// NotFound (404.html, with a base URL) are pages of the site rather than of the course.
	Redirect = "redirect"
	NotFound = "notfound"
)

// Page is one page to render.
type Page struct {
	// Kind names the page kind that renders it (see the constants; a material's page has its
	// kind's name).
	Kind string
	Lang *course.Language
	// Day is the day the page belongs to; nil for pages of no day (and for material whose
	// day has no folder in this language).
	Day *course.Day
	// Lesson is the lesson of a lesson or slides page, Number its place in its day (from 1).
	Lesson *lesson.Lesson
	Number int
	// Text is the Markdown page a home or standalone page shows (nil for a home page without
	// an introduction).
	Text *lesson.Day
	// Material is the material a material page shows (or an exam paper prints).
	Material material.Material
	// Trainer is true for the trainer's handout pack.
	Trainer bool
	// Version is the version of an exam paper ("a", "b"), "" for other pages.
	Version string
	// Out is the page's output path, relative to the site root.
	Out string
	// Source is the Markdown file the page converts, "" when it has none.
	Source string
	// Key names the page the same in every language, for the language switcher.
	Key string
	// Listed is true when the language switcher and the sitemap know the page by its Key.
	Listed bool
	// Order is the page's place in its language's reading order, from 1; 0 for pages outside
	// it (home, slides, progress, search, the kit).
	Order int
	// Index is the page's place in Plan.Pages; Prev and Next are those of its neighbours in
	// reading order, -1 when it has none.
	Index, Prev, Next int
}

// OfCourse reports whether the page is one of the course's, not of the site's frame
// (Redirect, NotFound).
func (pg *Page) OfCourse() bool { return pg.Kind != Redirect && pg.Kind != NotFound }

// Plan is every page of one edition, in a stable order: per language the home page, each
// day with its lessons and materials, the slides, the standalone pages, the progress,
// search and coverage pages; then, for every language, the trainer's kit (schedule and
// packs).
type Plan struct {
	Edition Edition
	Pages   []*Page
	URLs    *URLs
	// Quizzes are the course's quizzes (the progress page lists them).
	Quizzes []*quiz.Quiz
}

// Make plans the site of course c in edition ed.
func Make(c *course.Course, ed Edition) *Plan {
	p := &Plan{Edition: ed, URLs: newURLs()}
	p.Quizzes = material.Of[*quiz.Quiz](c.Materials)
	for _, lang := range c.Languages {
		p.language(c, lang)
	}
	p.kit(c)
	p.site(c)
	for _, a := range c.Assets {
		p.URLs.addAsset(a)
	}
	for _, pg := range p.Pages {
		if pg.Kind == Lesson {
			p.URLs.titles[pg.Lesson.Path] = pg.Lesson.Title
		}
		if pg.Kind == Standalone {
			p.URLs.titles[pg.Text.Path] = pg.Text.Title
		}
	}
	return p
}

// add appends a page; register records its key for the language switcher and its source
// for links (slides leave both to their lesson page).
func (p *Plan) add(pg *Page, register bool) {
	pg.Index, pg.Prev, pg.Next, pg.Listed = len(p.Pages), -1, -1, register
	p.Pages = append(p.Pages, pg)
	if register {
		p.URLs.addPage(pg.Lang.Code, pg.Key, pg.Source, pg.Out)
	}
	if pg.Material != nil && pg.Version == "" { // a paper version is not where its exam lives
		p.URLs.addMaterial(pg.Lang.Code, pg.Material, pg.Out)
	}
}

// language plans the pages of one language.
func (p *Plan) language(c *course.Course, lang *course.Language) {
	code := lang.Code
	root := course.ContentDir + "/" + code
	home := &Page{Kind: Home, Lang: lang, Text: lang.Home, Out: HomePath(code)}
	if lang.Home != nil {
		home.Source = lang.Home.Path
	}
	p.add(home, true)
	p.URLs.bySource[root] = home.Out
	p.URLs.bySource[root+"/"+lesson.DayFile] = home.Out
	first := len(p.Pages)
	for _, d := range lang.Days {
		day := &Page{Kind: Day, Lang: lang, Day: d, Out: DayPath(code, d), Key: d.Folder + "/"}
		if d.Info != nil {
			day.Source = d.Info.Path
		}
		p.add(day, true)
		p.URLs.bySource[root+"/"+d.Folder] = day.Out
		p.URLs.bySource[root+"/"+d.Folder+"/"+lesson.DayFile] = day.Out
		for i, l := range d.Lessons {
			p.add(&Page{Kind: Lesson, Lang: lang, Day: d, Lesson: l, Number: i + 1, Out: LessonPath(code, d, l), Source: l.Path, Key: course.RelPath(code, l.Path)}, true)
		}
		for _, m := range c.MaterialsOfDay(d.Number) {
			p.material(lang, d, m)
		}
	}
	// Material of a day that has no folder in this language still gets its page.
	for _, m := range c.Materials {
		if !slices.ContainsFunc(lang.Days, func(d *course.Day) bool { return d.Number == m.Meta().Day }) {
			p.material(lang, nil, m)
		}
	}
	p.link(p.Pages[first:])
	// Slides are not in the reading order: each is reached from its lesson.
	for _, d := range lang.Days {
		for i, l := range d.Lessons {
			p.add(&Page{Kind: Slides, Lang: lang, Day: d, Lesson: l, Number: i + 1, Out: SlidesPath(code, d, l), Source: l.Path}, false)
		}
	}
	for _, pg := range lang.Pages {
		p.add(&Page{Kind: Standalone, Lang: lang, Text: pg, Out: StandalonePath(code, pg), Source: pg.Path, Key: course.RelPath(code, pg.Path)}, true)
	}
	if len(p.Quizzes) > 0 {
		p.add(&Page{Kind: Progress, Lang: lang, Out: ProgressPath(code), Key: "progress"}, true)
	}
	if c.Config.Features.Search {
		p.add(&Page{Kind: Search, Lang: lang, Out: SearchPath(code), Key: "search"}, true)
	}
	if p.Edition == Trainer && len(c.Frameworks) > 0 {
		p.add(&Page{Kind: Coverage, Lang: lang, Out: CoveragePath(code), Key: "coverage"}, true)
	}
}

// material plans the page of material m in lang; d is its day, nil when lang has no
// folder for that day.
func (p *Plan) material(lang *course.Language, d *course.Day, m material.Material) {
	p.add(&Page{Kind: m.Meta().Kind.Name, Lang: lang, Day: d, Material: m, Out: MaterialPath(lang.Code, m), Key: MaterialKey(m)}, true)
}

// link sets the reading-order neighbours of pages, in order.
func (p *Plan) link(pages []*Page) {
	for k, pg := range pages {
		pg.Order = k + 1
		if k > 0 {
			pg.Prev = pages[k-1].Index
		}
		if k+1 < len(pages) {
			pg.Next = pages[k+1].Index
		}
	}
}

// kit plans the trainer's kit, drawn from every lesson of a day and so rendered after the
// other pages: the schedule (trainer edition) and each day's handout packs (the
// participants' pack in both editions, the trainer's pack in the trainer edition).
func (p *Plan) kit(c *course.Course) {
	trainer := p.Edition == Trainer
	for _, lang := range c.Languages {
		if trainer {
			p.add(&Page{Kind: Schedule, Lang: lang, Out: SchedulePath(lang.Code), Key: "schedule"}, true)
			p.add(&Page{Kind: Evaluation, Lang: lang, Out: EvaluationPath(lang.Code), Key: "evaluation"}, true)
		}
		for _, d := range lang.Days {
			p.add(&Page{Kind: Pack, Lang: lang, Day: d, Out: PackPath(lang.Code, d.Number, false), Key: packKey(d.Number, false)}, true)
			if trainer {
				p.add(&Page{Kind: Pack, Lang: lang, Day: d, Trainer: true, Out: PackPath(lang.Code, d.Number, true), Key: packKey(d.Number, true)}, true)
			}
		}
		if trainer {
			p.papers(lang)
		}
	}
}

// papers plans the printed versions of every exam in lang (trainer edition).
func (p *Plan) papers(lang *course.Language) {
	for _, q := range p.Quizzes {
		if q.Mode != quiz.Exam {
			continue
		}
		var day *course.Day
		for _, d := range lang.Days {
			if d.Number == q.Day {
				day = d
			}
		}
		for _, v := range quiz.PaperVersions {
			p.add(&Page{Kind: Paper, Lang: lang, Day: day, Material: q, Version: v, Trainer: true,
				Out: PaperPath(lang.Code, q.ID, v), Key: "papers/" + q.ID + "/" + v}, true)
		}
	}
}

// site plans the pages of the site's frame: the root page and, with a base URL, 404.html.
func (p *Plan) site(c *course.Course) {
	def := c.Lang(c.Config.DefaultLanguage)
	if def == nil {
		def = &course.Language{Code: c.Config.DefaultLanguage}
	}
	p.add(&Page{Kind: Redirect, Lang: def, Out: "index.html"}, false)
	if c.Config.BaseURL != "" {
		p.add(&Page{Kind: NotFound, Lang: def, Out: "404.html"}, false)
	}
}

// sortedKeys returns the keys of m in ascending order.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
