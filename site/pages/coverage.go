package pages

import (
	"playbook/site/course"
	"playbook/site/pipeline/plan"
	"playbook/site/pipeline/render"
)

// CoverageView is the trainer edition's table: each framework with where it is taught and
// practised.
type CoverageView struct {
	// Kinds are the folders (and plural nouns) of the kinds of material a framework can list
	// as practice: the table's last columns.
	Kinds []string
	Rows  []CoverageRow
}

// CoverageRow is one framework.
type CoverageRow struct {
	Name      string
	Lessons   []render.Link
	Questions []render.Link
	// Practice holds the row's material of each of CoverageView.Kinds.
	Practice [][]render.Link
	Missing  bool
}

// coverageView builds the table for one language and page.
func coverageView(r *render.Renderer, lang, from string) *CoverageView {
	v := &CoverageView{}
	column := map[string]int{}
	for _, k := range r.Course().Kinds.Kinds() {
		if k.Practice {
			column[k.Name] = len(v.Kinds)
			v.Kinds = append(v.Kinds, k.Dir)
		}
	}
	urls := r.Plan().URLs
	for _, fw := range r.Course().Frameworks {
		row := CoverageRow{Name: fw.Name.Get(lang), Practice: make([][]render.Link, len(v.Kinds))}
		for _, s := range fw.Sections {
			target := course.ContentDir + "/" + lang + "/" + s.Path[lang]
			if out, ok := urls.Of(target); ok {
				url := plan.RelURL(from, out)
				if f := s.Fragment[lang]; f != "" {
					url += "#" + f
				}
				title, _ := urls.Title(target)
				row.Lessons = append(row.Lessons, render.Link{Title: title, URL: url})
			}
		}
		for _, q := range r.Plan().Quizzes {
			for _, x := range q.Questions {
				if x.Source != nil && fw.Teaches(lang, x.Source) {
					row.Questions = append(row.Questions, render.Link{Title: q.Title.Get(lang) + " · " + x.ID, URL: plan.RelURL(from, plan.MaterialPath(lang, q)) + "#q-" + x.ID})
				}
			}
		}
		practised := 0
		for _, p := range fw.Practice {
			m := r.Course().Material(p)
			out, ok := urls.OfMaterial(p, lang)
			if m == nil || !ok {
				continue
			}
			col, ok := column[m.Meta().Kind.Name]
			if !ok {
				continue
			}
			row.Practice[col] = append(row.Practice[col], render.Link{Title: m.Meta().Title.Get(lang), URL: plan.RelURL(from, out)})
			practised++
		}
		row.Missing = fw.MustPractise && len(row.Questions)+practised == 0
		v.Rows = append(v.Rows, row)
	}
	return v
}
