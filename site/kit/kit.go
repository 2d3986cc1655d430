// Package kit renders the trainer's kit: the course schedule (trainer edition) and each
// day's handout packs (the participants' pack in both editions, the trainer's pack in the
// trainer edition). These pages draw on every lesson of a day, so they are late page kinds:
// rendered after the lessons, from their converted documents. They are not searched.
package kit

import (
	"html/template"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/markdown"
	"playbook/site/material"
	"playbook/site/pipeline/plan"
	"playbook/site/pipeline/render"
	"playbook/site/schedule"
)

// Kinds are the page kinds of the kit.
func Kinds() render.Kinds {
	return render.Kinds{
		plan.Schedule:   {Fill: fillSchedule, Late: true},
		plan.Pack:       {Fill: fillPack, Late: true},
		plan.Paper:      {Fill: fillPaper, Late: true, Template: plan.Pack},
		plan.Evaluation: {Fill: fillEvaluation, Late: true},
	}
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
	Minutes int
	Lessons int
	Slots   []SlotView
	// Print is what to print for the day, with the copies for the class (see prepare).
	Print     []PrintItem
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
	// Material is the quiz, checklist or worksheet the slot's time is spent on, if any.
	Material *render.Link
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
	// Other links the other pack of the same day (trainer edition), or the other version of
	// an exam paper.
	Other *render.Link
	// Paper is the version of an exam paper ("A"), "" for a day's pack; KeyIn links the pack
	// that holds the paper's key.
	Paper string
	KeyIn *render.Link
	// Prepare is what the trainer prints and checks before the day (trainer's pack).
	Prepare *PrepareView
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

func fillSchedule(r *render.Renderer, pg *plan.Page, p *render.Page, diags *diag.List) *markdown.Document {
	lang, out := pg.Lang, pg.Out
	code := lang.Code
	th := r.Theme()
	p.Title = th.String(code, "schedule")
	p.Breadcrumbs = r.Crumbs(pg)
	view := &ScheduleView{}
	for _, d := range lang.Days {
		day := ScheduleDay{Number: d.Number, Title: render.DayTitle(d), URL: plan.RelURL(out, plan.DayPath(code, d)), Lessons: len(d.Lessons)}
		if d.Info != nil {
			day.Summary = d.Info.Summary
		}
		day.Slots, day.Minutes = timetable(r, code, d, out)
		if len(day.Slots) > 0 {
			day.Start, day.End = day.Slots[0].Start, day.Slots[len(day.Slots)-1].End
		}
		day.Print = prepare(r, code, d, out).Print
		day.Exercises = exercises(r, code, d.Number, out)
		view.Minutes += day.Minutes
		view.Days = append(view.Days, day)
	}
	p.View = view
	return nil
}

// timetable lays day d out on the clock of the configuration and returns its rows, with
// links relative to the page at from, and its teaching minutes.
func timetable(r *render.Renderer, code string, d *course.Day, from string) ([]SlotView, int) {
	c := r.Course()
	var blocks []schedule.Block
	urls := map[int]string{}
	titles := map[int]string{}
	used := map[schedule.Block]material.Material{} // the material a section's time is spent on
	placed := map[material.Material]bool{}
	for i, l := range d.Lessons {
		number := i + 1
		urls[number] = plan.RelURL(from, plan.LessonPath(code, d, l))
		titles[number] = l.Title
		timed := false
		if doc := r.Doc(l.Path); doc != nil {
			for _, h := range doc.Headings {
				if h.Level == 2 && h.Minutes > 0 {
					b := schedule.Block{Lesson: number, Title: h.Text, Anchor: h.ID, Minutes: h.Minutes}
					if m, err := c.MaterialNamed(h.Material); h.Material != "" && err == nil {
						used[b], placed[m] = m, true
					}
					blocks = append(blocks, b)
					timed = true
				}
			}
		}
		if !timed && l.Duration > 0 {
			blocks = append(blocks, schedule.Block{Lesson: number, Title: l.Title, Minutes: l.Duration})
		}
	}
	// Timed material (the final assessment) that no section places takes its time at the
	// end of the day.
	for _, m := range c.MaterialsOfDay(d.Number) {
		if meta := m.Meta(); meta.Minutes > 0 && !placed[m] {
			blocks = append(blocks, schedule.Block{Title: meta.Title.Get(code), Anchor: plan.RelURL(from, plan.MaterialPath(code, m)), Minutes: meta.Minutes})
		}
	}
	var rows []SlotView
	teaching, last := 0, -1
	for _, s := range schedule.Day(c.Config.Schedule.Start, blocks, breaks(r, code)) {
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
			if m := used[s.Block]; m != nil {
				row.Material = &render.Link{Title: m.Meta().Title.Get(code), URL: plan.RelURL(from, plan.MaterialPath(code, m))}
			}
			last = s.Block.Lesson
		}
		rows = append(rows, row)
	}
	return rows, teaching
}

// breaks are the configured breaks, titled in lang.
func breaks(r *render.Renderer, code string) []schedule.Break {
	th := r.Theme()
	var out []schedule.Break
	for _, br := range r.Course().Config.Schedule.Breaks {
		title := br.Title[code]
		if title == "" {
			title = th.String(code, "break")
			if br.Minutes >= 45 {
				title = th.String(code, "lunch")
			}
		}
		out = append(out, schedule.Break{At: br.At, Minutes: br.Minutes, Title: title})
	}
	return out
}

// exercises lists the materials of a day, linked from the page at from.
func exercises(r *render.Renderer, code string, day int, from string) []ExerciseLink {
	var out []ExerciseLink
	for _, m := range r.Course().MaterialsOfDay(day) {
		meta := m.Meta()
		out = append(out, ExerciseLink{Kind: r.Theme().String(code, meta.Kind.Name), Title: meta.Title.Get(code), URL: plan.RelURL(from, plan.MaterialPath(code, m))})
	}
	return out
}
