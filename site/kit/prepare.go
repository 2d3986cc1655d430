package kit

import (
	"fmt"
	"strings"

	"playbook/site/course"
	"playbook/site/material"
	"playbook/site/pipeline/plan"
	"playbook/site/pipeline/render"
	"playbook/site/quiz"
)

// PrintItem is one thing to print for a day, and how many copies.
type PrintItem struct {
	Title  string
	URL    string
	Copies int
	// Note says what the copies are for, "" when the title says it.
	Note string
}

// PrepareView is what a trainer readies for a day: what to print (computed from the day's
// plan and the class size) and which slides to try on the room's projector.
type PrepareView struct {
	ClassSize int
	Print     []PrintItem
	Slides    []render.Link
}

// prepare lists what the trainer prints and checks before day d: the participants' pack
// for everyone; the materials the day's sections use from other days (its own are in the
// pack); each exam of the day in its paper versions, half the class each; the day's
// evaluation form, and the course's on the last day; the trainer's own pack.
func prepare(r *render.Renderer, code string, d *course.Day, from string) *PrepareView {
	c, th := r.Course(), r.Theme()
	n := c.Config.Schedule.ClassSize
	v := &PrepareView{ClassSize: n}
	t := func(key string) string { return th.String(code, key) }
	v.Print = append(v.Print, PrintItem{Title: fmt.Sprintf(t("day_n"), d.Number) + " · " + t("participant_pack"),
		URL: plan.RelURL(from, plan.PackPath(code, d.Number, false)), Copies: n})
	own := map[material.Material]bool{}
	for _, m := range c.MaterialsOfDay(d.Number) {
		own[m] = true
	}
	seen := map[material.Material]bool{}
	for _, l := range d.Lessons {
		if doc := r.Doc(l.Path); doc != nil {
			for _, h := range doc.Headings {
				m, err := c.MaterialNamed(h.Material)
				if h.Material == "" || err != nil || own[m] || seen[m] {
					continue
				}
				seen[m] = true
				meta := m.Meta()
				v.Print = append(v.Print, PrintItem{Title: meta.Title.Get(code), URL: plan.RelURL(from, plan.MaterialPath(code, m)),
					Copies: n, Note: fmt.Sprintf(t("print_from_day"), meta.Day)})
			}
		}
	}
	for _, m := range c.MaterialsOfDay(d.Number) {
		q, ok := m.(*quiz.Quiz)
		if !ok || q.Mode != quiz.Exam {
			continue
		}
		for i, version := range quiz.PaperVersions {
			copies := n / len(quiz.PaperVersions)
			if i < n%len(quiz.PaperVersions) {
				copies++
			}
			v.Print = append(v.Print, PrintItem{Title: q.Title.Get(code) + " · " + fmt.Sprintf(t("paper_version"), strings.ToUpper(version)),
				URL: plan.RelURL(from, plan.PaperPath(code, q.ID, version)), Copies: copies})
		}
	}
	evaluation := plan.RelURL(from, plan.EvaluationPath(code))
	v.Print = append(v.Print, PrintItem{Title: t("eval_day_title"), URL: evaluation, Copies: n})
	if days := c.Lang(code).Days; days[len(days)-1] == d {
		v.Print = append(v.Print, PrintItem{Title: t("eval_course_title"), URL: evaluation, Copies: n})
	}
	v.Print = append(v.Print, PrintItem{Title: fmt.Sprintf(t("day_n"), d.Number) + " · " + t("trainer_pack"),
		URL: plan.RelURL(from, plan.PackPath(code, d.Number, true)), Copies: 1})
	for _, l := range d.Lessons {
		v.Slides = append(v.Slides, render.Link{Title: l.Title, URL: plan.RelURL(from, plan.SlidesPath(code, d, l))})
	}
	return v
}
