// Package check is the third stage of the pipeline: with every page rendered, it checks what
// no single page can: links to anchors of other pages, the lesson sections that materials
// and frameworks point at, the frameworks' practice, the translations' structure and the
// lessons' timings. It only reports; it changes nothing.
package check

import (
	"strings"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/lessonref"
	"playbook/site/markdown"
	"playbook/site/material"
	"playbook/site/pipeline/plan"
)

// Input is what the checks read: the course, where its pages went, and the converted
// Markdown of every page by source path.
type Input struct {
	Course *course.Course
	Plan   *plan.Plan
	Docs   map[string]*markdown.Document
}

// All runs every check.
func All(in Input, diags *diag.List) {
	Fragments(in, diags)
	Sources(in, diags)
	Coverage(in, diags)
	Structure(in, diags)
	Durations(in, diags)
	Materials(in, diags)
	DayLength(in, diags)
}

// Fragments reports links whose #anchor names no heading of the target page.
func Fragments(in Input, diags *diag.List) {
	for _, doc := range in.Docs {
		for _, l := range doc.Links {
			target, ok := in.Docs[l.Target]
			if !ok {
				target, ok = in.Docs[l.Target+"/_index.md"]
			}
			if !ok {
				continue // an asset, or a page whose own errors are already reported
			}
			if !target.Anchors[l.Fragment] {
				diags.Errorf(l.Pos, "link to #%s: %s has no heading with that anchor; anchors are the heading text in lower case with hyphens, e.g. #%s", l.Fragment, l.Target, suggestAnchor(target))
			}
		}
	}
}

func suggestAnchor(d *markdown.Document) string {
	if len(d.Headings) > 0 {
		return d.Headings[0].ID
	}
	return "section-title"
}

// Sources reports material sources that name no lesson, or an anchor the lesson lacks, in
// any language, and warns where a source is wanted but missing (scored questions).
func Sources(in Input, diags *diag.List) {
	for _, m := range in.Course.Materials {
		r, ok := m.(material.Referrer)
		if !ok {
			continue
		}
		for _, ref := range r.Refs() {
			if ref.Ref == nil && ref.Want != "" {
				diags.Warnf(ref.Pos, "%s", ref.Want)
			}
			checkRef(in, ref.Ref, diags)
		}
	}
}

// checkRef checks one lesson section reference in every language.
func checkRef(in Input, s *lessonref.Ref, diags *diag.List) {
	if s == nil {
		return
	}
	for _, lang := range in.Course.Config.Languages {
		target := course.ContentDir + "/" + lang + "/" + s.Path[lang]
		if _, ok := in.Plan.URLs.Title(target); !ok {
			diags.Errorf(s.Pos, "source %q: there is no lesson %s; check the path (inside content/%s/)", s.Path[lang], target, lang)
			continue
		}
		frag := s.Fragment[lang]
		if doc, ok := in.Docs[target]; ok && frag != "" && !doc.Anchors[frag] {
			diags.Errorf(s.Pos, "source %q: %s has no heading #%s; give the section's heading the id in every language, e.g. \"## Title {#%s}\"", s.Path[lang]+"#"+frag, target, frag, frag)
		}
	}
}

// Coverage reports framework sections and practice files that do not exist, and frameworks
// that should be practised but have no question, checklist or worksheet.
func Coverage(in Input, diags *diag.List) {
	c := in.Course
	if len(c.Frameworks) == 0 || len(c.Languages) == 0 {
		return
	}
	lang := c.Languages[0].Code
	var nouns []string
	for _, k := range c.Kinds.Kinds() {
		if k.Practice {
			nouns = append(nouns, k.Name)
		}
	}
	for _, fw := range c.Frameworks {
		for _, s := range fw.Sections {
			checkRef(in, s, diags)
		}
		practised := false
		for _, p := range fw.Practice {
			m := c.Material(p)
			if m == nil || !m.Meta().Kind.Practice {
				diags.Errorf(fw.Pos, "framework %s: %s is not a %s of the course", fw.ID, p, strings.Join(nouns, " or "))
				continue
			}
			practised = true
		}
		for _, q := range in.Plan.Quizzes {
			for _, x := range q.Questions {
				practised = practised || (x.Source != nil && fw.Teaches(lang, x.Source))
			}
		}
		if fw.MustPractise && !practised {
			diags.Errorf(fw.Pos, "framework %s should be practised (practised: true) but no quiz question points at its sections and it lists no checklist or worksheet", fw.ID)
		}
	}
}
