package check

import (
	"fmt"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/lesson"
	"playbook/site/markdown"
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
