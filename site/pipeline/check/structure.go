package check

import (
	"fmt"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/lesson"
	"playbook/site/markdown"
	"playbook/site/material"
	"playbook/site/pipeline/plan"
)

// Structure reports lessons whose translations do not carry the same structure as the
// default language: the same sections (headings of level 2 and 3, with the same timings and
// the same explicit anchors), the same duration and the same number of objectives.
func Structure(in Input, diags *diag.List) {
	docs := in.Docs
	def := in.Course.Lang(in.Course.Config.DefaultLanguage)
	if def == nil {
		return
	}
	for _, other := range in.Course.Languages {
		if other == def {
			continue
		}
		lessons := map[string]*lesson.Lesson{}
		for _, d := range other.Days {
			for _, l := range d.Lessons {
				lessons[l.Path] = l
			}
		}
		for _, d := range def.Days {
			for _, l := range d.Lessons {
				rel := course.RelPath(def.Code, l.Path)
				twin := course.ContentDir + "/" + other.Code + "/" + rel
				a, b2 := docs[l.Path], docs[twin]
				if a == nil || b2 == nil {
					continue // a missing translation is reported elsewhere
				}
				if msg := compareSections(a.Headings, b2.Headings); msg != "" {
					diags.Errorf(diag.Pos{Path: twin}, "the sections differ from %s: %s; both languages must carry the same structure", l.Path, msg)
				}
				if tl := lessons[twin]; tl != nil {
					if tl.Duration != l.Duration {
						diags.Errorf(diag.Pos{Path: twin, Line: 2}, "duration is %d but %s says %d; both languages must carry the same structure", tl.Duration, l.Path, l.Duration)
					}
					if len(tl.Objectives) != len(l.Objectives) {
						diags.Errorf(diag.Pos{Path: twin, Line: 2}, "%d objectives but %s has %d; both languages must carry the same structure", len(tl.Objectives), l.Path, len(l.Objectives))
					}
				}
			}
		}
	}
}

// compareSections describes the first difference between two lists of headings, or "".
func compareSections(a, b []markdown.Heading) string {
	if len(a) != len(b) {
		return fmt.Sprintf("%d headings here, %d there", len(b), len(a))
	}
	for i := range a {
		x, y := a[i], b[i]
		switch {
		case x.Level != y.Level:
			return fmt.Sprintf("heading %d is level %d here, %d there", i+1, y.Level, x.Level)
		case x.Minutes != y.Minutes:
			return fmt.Sprintf("heading %d (%q) has {minutes=%d} here, %d there", i+1, y.Text, y.Minutes, x.Minutes)
		case (x.Explicit || y.Explicit) && x.ID != y.ID:
			// A hand-written anchor in one language must be the anchor of the other too.
			return fmt.Sprintf("heading %d has the anchor %s here, %s there", i+1, anchor(y), anchor(x))
		}
	}
	return ""
}

func anchor(h markdown.Heading) string { return "#" + h.ID }

// Durations warns, in the trainer edition, when a lesson's section timings do not add up to
// its duration.
func Durations(in Input, diags *diag.List) {
	if in.Plan.Edition != plan.Trainer {
		return
	}
	for _, pg := range in.Plan.Pages {
		if pg.Kind != plan.Lesson {
			continue
		}
		l, doc := pg.Lesson, in.Docs[pg.Source]
		if doc == nil {
			continue
		}
		if sum := doc.Minutes(); sum != 0 && l.Duration != 0 && sum != l.Duration {
			diags.Warnf(diag.Pos{Path: l.Path, Line: 2}, "the section timings add up to %d minutes but duration is %d; adjust one of them", sum, l.Duration)
		}
	}
}

// Materials reports a section that spends its time on a material ({material=...}) the course
// does not have, or names ambiguously.
func Materials(in Input, diags *diag.List) {
	for _, pg := range in.Plan.Pages {
		if pg.Kind != plan.Lesson {
			continue
		}
		doc := in.Docs[pg.Source]
		if doc == nil {
			continue
		}
		for _, h := range doc.Headings {
			if h.Material == "" {
				continue
			}
			if _, err := in.Course.MaterialNamed(h.Material); err != nil {
				diags.Errorf(h.Pos, "section %q: %v", h.Text, err)
			}
		}
	}
}

// DayLength warns, for every day of every language (trainer edition) of a course whose
// playbook.yaml sets the schedule, about a material without time that no section places
// (the schedule has no slot for it), and when a day's plan does not fill the configured day: more planned minutes than the day holds between its start
// and end without the breaks, or more than DaySlack of it left unplanned. The plan is what
// the timetable lays out: each lesson's timed sections (its duration when none is timed)
// and the timed materials of the day that no section places.
func DayLength(in Input, diags *diag.List) {
	sched := in.Course.Config.Schedule
	if in.Plan.Edition != plan.Trainer || !sched.Configured {
		return
	}
	room := sched.Teaching()
	used := map[material.Material]bool{} // placed by a section of some day, in some language
	defer func() {
		for _, m := range in.Course.Materials {
			if meta := m.Meta(); !used[m] && meta.Minutes == 0 {
				diags.Warnf(diag.Pos{Path: meta.Path, Line: 1, Col: 1}, "%s %q has no time in any day's plan; give the section where it is done {minutes=N material=%s}", meta.Kind.Name, meta.ID, meta.ID)
			}
		}
	}()
	for _, lang := range in.Course.Languages {
		for _, d := range lang.Days {
			planned, placed := 0, map[material.Material]bool{}
			for _, l := range d.Lessons {
				timed := 0
				if doc := in.Docs[l.Path]; doc != nil {
					for _, h := range doc.Headings {
						if h.Level == 2 && h.Minutes > 0 {
							timed += h.Minutes
							if m, err := in.Course.MaterialNamed(h.Material); h.Material != "" && err == nil {
								placed[m] = true
							}
						}
					}
				}
				if timed == 0 {
					timed = l.Duration
				}
				planned += timed
			}
			for _, m := range in.Course.MaterialsOfDay(d.Number) {
				if !placed[m] {
					planned += m.Meta().Minutes
				}
			}
			for m := range placed {
				used[m] = true
			}
			pos := diag.Pos{Path: course.ContentDir + "/" + lang.Code + "/" + d.Folder, Line: 1, Col: 1}
			if d.Info != nil {
				pos.Path = d.Info.Path
			}
			switch {
			case planned > room:
				diags.Warnf(pos, "day %d plans %s, %s more than the %s between %s and %s without the breaks; shorten sections or move one to another day",
					d.Number, hm(planned), hm(planned-room), hm(room), clock(sched.Start), clock(sched.End))
			case planned < room-DaySlack:
				diags.Warnf(pos, "day %d plans %s of the %s between %s and %s without the breaks: %s are unplanned; add practice (a workshop lesson, a section that uses a material) or end the day earlier (schedule.end)",
					d.Number, hm(planned), hm(room), clock(sched.Start), clock(sched.End), hm(room-planned))
			}
		}
	}
}

// DaySlack is how many minutes of a day may stay unplanned (a morning welcome, a late start).
const DaySlack = 30

// hm writes minutes as "6 h 15 min".
func hm(m int) string {
	switch {
	case m%60 == 0:
		return fmt.Sprintf("%d h", m/60)
	case m < 60:
		return fmt.Sprintf("%d min", m)
	}
	return fmt.Sprintf("%d h %d min", m/60, m%60)
}

// clock writes minutes after midnight as HH:MM.
func clock(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }
