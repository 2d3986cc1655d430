package build

import (
	"fmt"
	"html/template"
	"path"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/markdown"
	"playbook/site/material"
	"playbook/site/output"
	"playbook/site/schedule"
)

// The trainer's kit: the course schedule (trainer edition) and each day's handout packs
// (the participants' pack in both editions, the trainer's pack in the trainer edition).
// These pages are drawn from every lesson of a day, so they are rendered after the lessons,
// from their converted documents, and are not part of the search index.

func schedulePath(lang string) string { return lang + "/schedule.html" }

func packPath(lang string, day int, trainer bool) string {
	if trainer {
		return fmt.Sprintf("%s/packs/day-%02d-trainer.html", lang, day)
	}
	return fmt.Sprintf("%s/packs/day-%02d.html", lang, day)
}

// ScheduleView is the course at a glance: every day's timetable, what to print, the
// exercises.
type ScheduleView struct {
	Days []ScheduleDay
	// Minutes is the teaching time of the whole course.
	Minutes int
}

// ScheduleDay is one day of the schedule.
type ScheduleDay struct {
	Number              int
	Title, Summary, URL string
	// Start and End are the day's first and last times, HH:MM.
	Start, End string
	// Minutes is the day's teaching time (breaks left out).
	Minutes   int
	Lessons   int
	Slots     []SlotView
	Print     []Link
	Exercises []ExerciseLink
}

// SlotView is one row of a timetable.
type SlotView struct {
	Start, End string
	Minutes    int
	Break      bool
	Title      string
	// Lesson is the lesson's title on the first row of each lesson, "" on the others.
	Lesson string
	URL    string
}

// ExerciseLink is a checklist, worksheet or quiz of a day, with what kind it is.
type ExerciseLink struct {
	Kind, Title, URL string
}

// PackView is a day's handout pack.
type PackView struct {
	Day            int
	Title, Summary string
	Minutes        int
	// Trainer is true for the trainer's pack: timetable, section timings, notes, answer keys
	// and worked examples, instead of the blank material.
	Trainer    bool
	Start, End string
	Slots      []SlotView
	Lessons    []PackLesson
	// Items are the checklists, worksheets and quizzes printed after the lessons, each as its
	// kind's template shows it in a pack.
	Items []template.HTML
	// Other links the other pack of the same day (trainer edition).
	Other *Link
}

// PackLesson is a lesson's summary in a pack.
type PackLesson struct {
	Number         int
	Title, Summary string
	Minutes        int
	Objectives     []string
	Sections       []PackSection
	// Notes are the trainer notes written before the first section.
	Notes template.HTML
}

// PackSection is one level-2 section of a lesson in a pack.
type PackSection struct {
	Title   string
	Minutes int
	Notes   template.HTML
}

// registerKit adds the kit pages to the URL map, so that language switchers find them.
func (b *builder) registerKit() {
	trainer := b.opts.Edition == Trainer
	for _, lang := range b.course.Languages {
		keys := b.urls.byKey[lang.Code]
		if trainer {
			keys["schedule"] = schedulePath(lang.Code)
		}
		for _, d := range lang.Days {
			keys[fmt.Sprintf("packs/%d", d.Number)] = packPath(lang.Code, d.Number, false)
			if trainer {
				keys[fmt.Sprintf("packs/%d/trainer", d.Number)] = packPath(lang.Code, d.Number, true)
			}
		}
	}
}

// kitPages renders the schedule and the packs of every language, on every core, and
// returns how many.
func (b *builder) kitPages(docs map[string]*markdown.Document, diags *diag.List) int {
	trainer := b.opts.Edition == Trainer
	var tasks []func(*diag.List)
	for _, lang := range b.course.Languages {
		if trainer {
			tasks = append(tasks, func(d *diag.List) { b.renderSchedule(lang, docs, d) })
		}
		for _, day := range lang.Days {
			tasks = append(tasks, func(d *diag.List) { b.renderPack(lang, day, docs, false, d) })
			if trainer {
				tasks = append(tasks, func(d *diag.List) { b.renderPack(lang, day, docs, true, d) })
			}
		}
	}
	next := make(chan func(*diag.List), len(tasks))
	for _, t := range tasks {
		next <- t
	}
	close(next)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range min(len(tasks), runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			var local diag.List
			for t := range next {
				t(&local)
			}
			mu.Lock()
			diags.Add(local...)
			mu.Unlock()
		})
	}
	wg.Wait()
	return len(tasks)
}

// kitPage starts a kit page at out: the common page fields, the search box, breadcrumbs.
func (b *builder) kitPage(lang *course.Language, kind, out, key, title string, diags *diag.List) *Page {
	code := lang.Code
	p := b.newPage(pageJob{kind: kind, lang: lang, out: out})
	p.Alternates = b.alternates(out, code, key)
	p.Title = title
	p.Breadcrumbs = []Link{{Title: p.T("home"), URL: relURL(out, homePath(code))}}
	if b.course.Config.Features.Search {
		b.addSearchBox(p, out, diags)
	}
	return p
}

func (b *builder) renderSchedule(lang *course.Language, docs map[string]*markdown.Document, diags *diag.List) {
	code, out := lang.Code, schedulePath(lang.Code)
	p := b.kitPage(lang, "schedule", out, "schedule", b.theme.String(code, "schedule"), diags)
	view := &ScheduleView{}
	for _, d := range lang.Days {
		day := ScheduleDay{Number: d.Number, Title: dayTitle(d), URL: relURL(out, dayPath(code, d)), Lessons: len(d.Lessons)}
		if d.Info != nil {
			day.Summary = d.Info.Summary
		}
		day.Slots, day.Minutes = b.timetable(code, d, docs, out)
		if len(day.Slots) > 0 {
			day.Start, day.End = day.Slots[0].Start, day.Slots[len(day.Slots)-1].End
		}
		day.Print = []Link{
			{Title: b.theme.String(code, "participant_pack"), URL: relURL(out, packPath(code, d.Number, false))},
			{Title: b.theme.String(code, "trainer_pack"), URL: relURL(out, packPath(code, d.Number, true))},
		}
		day.Exercises = b.exercises(code, d.Number, out)
		for _, e := range day.Exercises {
			day.Print = append(day.Print, Link{Title: e.Title, URL: e.URL})
		}
		view.Minutes += day.Minutes
		view.Days = append(view.Days, day)
	}
	p.Schedule = view
	b.write(out, "schedule", p, diags)
}

// timetable lays day d out on the clock of the configuration and returns its rows, with
// links relative to the page at from, and its teaching minutes.
func (b *builder) timetable(code string, d *course.Day, docs map[string]*markdown.Document, from string) ([]SlotView, int) {
	var blocks []schedule.Block
	urls := map[int]string{}
	titles := map[int]string{}
	for i, l := range d.Lessons {
		number := i + 1
		urls[number] = relURL(from, lessonPath(code, d, l))
		titles[number] = l.Title
		timed := false
		if doc := docs[l.Path]; doc != nil {
			for _, h := range doc.Headings {
				if h.Level == 2 && h.Minutes > 0 {
					blocks = append(blocks, schedule.Block{Lesson: number, Title: h.Text, Anchor: h.ID, Minutes: h.Minutes})
					timed = true
				}
			}
		}
		if !timed && l.Duration > 0 {
			blocks = append(blocks, schedule.Block{Lesson: number, Title: l.Title, Minutes: l.Duration})
		}
	}
	// Timed material (the final assessment) takes its time at the end of the day.
	for _, m := range b.course.MaterialsOfDay(d.Number) {
		if meta := m.Meta(); meta.Minutes > 0 {
			blocks = append(blocks, schedule.Block{Title: meta.Title.Get(code), Anchor: relURL(from, materialPath(code, m)), Minutes: meta.Minutes})
		}
	}
	var breaks []schedule.Break
	for _, br := range b.course.Config.Schedule.Breaks {
		title := br.Title[code]
		if title == "" {
			title = b.theme.String(code, "break")
			if br.Minutes >= 45 {
				title = b.theme.String(code, "lunch")
			}
		}
		breaks = append(breaks, schedule.Break{At: br.At, Minutes: br.Minutes, Title: title})
	}
	var rows []SlotView
	teaching, last := 0, -1
	for _, s := range schedule.Day(b.course.Config.Schedule.Start, blocks, breaks) {
		row := SlotView{Start: schedule.Clock(s.Start), End: schedule.Clock(s.End), Minutes: s.End - s.Start, Break: s.Break, Title: s.Title}
		if !s.Break {
			teaching += row.Minutes
			switch {
			case s.Block.Lesson == 0:
				row.URL = s.Block.Anchor
			case s.Block.Anchor != "":
				row.URL = urls[s.Block.Lesson] + "#" + s.Block.Anchor
			default:
				row.URL = urls[s.Block.Lesson]
			}
			if s.Block.Lesson != 0 && s.Block.Lesson != last && s.Block.Title != titles[s.Block.Lesson] {
				row.Lesson = titles[s.Block.Lesson]
			}
			last = s.Block.Lesson
		}
		rows = append(rows, row)
	}
	return rows, teaching
}

// exercises lists the checklists, worksheets and quizzes of a day, linked from the page at from.
func (b *builder) exercises(code string, day int, from string) []ExerciseLink {
	var out []ExerciseLink
	for _, m := range b.course.MaterialsOfDay(day) {
		meta := m.Meta()
		out = append(out, ExerciseLink{Kind: b.theme.String(code, meta.Kind.Name), Title: meta.Title.Get(code), URL: relURL(from, materialPath(code, m))})
	}
	return out
}

func (b *builder) renderPack(lang *course.Language, d *course.Day, docs map[string]*markdown.Document, trainer bool, diags *diag.List) {
	code, out := lang.Code, packPath(lang.Code, d.Number, trainer)
	key := fmt.Sprintf("packs/%d", d.Number)
	what := "participant_pack"
	if trainer {
		key += "/trainer"
		what = "trainer_pack"
	}
	p := b.kitPage(lang, "pack", out, key, fmt.Sprintf(b.theme.String(code, "day_n"), d.Number)+" · "+b.theme.String(code, what), diags)
	p.Breadcrumbs = append(p.Breadcrumbs, Link{Title: fmt.Sprintf(b.theme.String(code, "day_n"), d.Number) + " · " + dayTitle(d), URL: relURL(out, dayPath(code, d))})
	p.Styles = []string{"assets/worksheet.css"}
	view := &PackView{Day: d.Number, Title: dayTitle(d), Minutes: d.Duration(), Trainer: trainer}
	if d.Info != nil {
		view.Summary = d.Info.Summary
	}
	if b.opts.Edition == Trainer {
		other := packPath(code, d.Number, !trainer)
		title := "trainer_pack"
		if trainer {
			title = "participant_pack"
		}
		view.Other = &Link{Title: b.theme.String(code, title), URL: relURL(out, other)}
	}
	if trainer {
		view.Slots, _ = b.timetable(code, d, docs, out)
		if len(view.Slots) > 0 {
			view.Start, view.End = view.Slots[0].Start, view.Slots[len(view.Slots)-1].End
		}
	}
	for i, l := range d.Lessons {
		pl := PackLesson{Number: i + 1, Title: l.Title, Summary: l.Summary, Minutes: l.Duration, Objectives: l.Objectives}
		doc := docs[l.Path]
		if doc != nil {
			// A section's notes are those of its slides (several when breaks split it).
			notes := map[string][]byte{}
			for _, sl := range doc.Slides {
				notes[sl.ID] = append(notes[sl.ID], sl.Notes...)
			}
			note := func(id string) template.HTML { return rebase(notes[id], lessonPath(code, d, l), out) }
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
		}
		view.Lessons = append(view.Lessons, pl)
	}
	// The material is rendered again for the pack; its problems were reported by its own page.
	var quiet diag.List
	for _, m := range b.course.MaterialsOfDay(d.Number) {
		meta := m.Meta()
		v := m.View(material.Context{
			Lang: code, Trainer: trainer, Pack: true,
			Render: dataRenderer{b: b, lang: code, from: out, path: meta.Path, diags: &quiet},
		})
		if v == nil {
			continue
		}
		ip := &Page{Kind: "pack", Lang: code, Title: meta.Title.Get(code), Root: p.Root, Trainer: trainer, theme: b.theme, SiteKey: p.SiteKey, Nested: true, Material: v}
		html, err := b.theme.RenderPartOf("pack", meta.Kind.Name+"-pack", ip)
		if err != nil {
			diags.Errorf(diag.Pos{Path: "theme/" + meta.Kind.Name + ".html"}, "rendering %s in %s failed: %v", meta.Path, out, err)
			continue
		}
		view.Items = append(view.Items, html)
	}
	p.Pack = view
	b.write(out, "pack", p, diags)
}

// linkAttr finds the link and image addresses of rendered Markdown.
var linkAttr = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)

// rebase rewrites the relative addresses in html, rendered for the page at from, so that
// they work from the page at to (both relative to the site root); links within the page
// (#anchor) point back to it.
func rebase(html []byte, from, to string) template.HTML {
	out := linkAttr.ReplaceAllFunc(html, func(m []byte) []byte {
		sub := linkAttr.FindSubmatchIndex(m)
		u := string(m[sub[2]:sub[3]])
		var fixed string
		switch {
		case strings.HasPrefix(u, "#"):
			fixed = relURL(to, from) + u
		case u == "" || strings.HasPrefix(u, "/") || strings.Contains(strings.SplitN(u, "/", 2)[0], ":"):
			return m // absolute, or with a scheme
		default:
			target, rest := u, ""
			if i := strings.IndexAny(u, "?#"); i >= 0 {
				target, rest = u[:i], u[i:]
			}
			fixed = relURL(to, path.Join(path.Dir(from), target)) + rest
		}
		return append(append(append([]byte{}, m[:sub[2]]...), fixed...), m[sub[3]:]...)
	})
	return template.HTML(out)
}

// Pack is a day's handout pack in a built site.
type Pack struct {
	Lang string
	Day  int
	// Path is the page, relative to the site root.
	Path string
}

// packName matches the file of a pack: <lang>/packs/day-NN.html or day-NN-trainer.html.
var packName = regexp.MustCompile(`^([^/]+)/packs/day-(\d+)(-trainer)?\.html$`)

// Packs lists the participants' packs (or the trainer's, when trainer is true) of a built
// site, by language and day.
func Packs(site *output.Site, trainer bool) []Pack {
	var out []Pack
	for _, p := range site.Paths() {
		m := packName.FindStringSubmatch(p)
		if m == nil || (m[3] != "") != trainer {
			continue
		}
		day, _ := strconv.Atoi(m[2])
		out = append(out, Pack{Lang: m[1], Day: day, Path: p})
	}
	slices.SortFunc(out, func(a, b Pack) int {
		if a.Lang != b.Lang {
			return strings.Compare(a.Lang, b.Lang)
		}
		return a.Day - b.Day
	})
	return out
}
