package build

import (
	"strings"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/lessonref"
	"playbook/site/markdown"
)

func coveragePath(lang string) string { return lang + "/coverage.html" }

// CoverageView is the trainer edition's table: each framework with where it is taught and
// practised.
type CoverageView struct {
	Rows []CoverageRow
}

// CoverageRow is one framework.
type CoverageRow struct {
	Name       string
	Lessons    []Link
	Questions  []Link
	Checklists []Link
	Worksheets []Link
	Missing    bool
}

// sameSection reports whether a question's source points at a framework's section: the same
// lesson and, when the framework names one, the same anchor.
func sameSection(lang string, section, source *lessonref.Ref) bool {
	if section.Path[lang] != source.Path[lang] {
		return false
	}
	return section.Fragment[lang] == "" || section.Fragment[lang] == source.Fragment[lang]
}

// coverageView builds the table for one language and page.
func (b *builder) coverageView(lang, from string) *CoverageView {
	v := &CoverageView{}
	for _, fw := range b.course.Frameworks {
		row := CoverageRow{Name: fw.Name.Get(lang)}
		for _, s := range fw.Sections {
			target := course.ContentDir + "/" + lang + "/" + s.Path[lang]
			if out, ok := b.urls.bySource[target]; ok {
				url := relURL(from, out)
				if f := s.Fragment[lang]; f != "" {
					url += "#" + f
				}
				row.Lessons = append(row.Lessons, Link{Title: b.urls.titles[target], URL: url})
			}
		}
		for _, q := range b.quizzes {
			for _, x := range q.Questions {
				if x.Source == nil {
					continue
				}
				for _, s := range fw.Sections {
					if sameSection(lang, s, x.Source) {
						row.Questions = append(row.Questions, Link{Title: q.Title.Get(lang) + " · " + x.ID, URL: relURL(from, materialPath(lang, q)) + "#q-" + x.ID})
						break
					}
				}
			}
		}
		for _, p := range fw.Practice {
			out, ok := b.urls.perLang[p][lang]
			if !ok {
				continue
			}
			link := Link{Title: b.dataTitle(p, lang), URL: relURL(from, out)}
			if strings.HasPrefix(p, "checklists/") {
				row.Checklists = append(row.Checklists, link)
			} else {
				row.Worksheets = append(row.Worksheets, link)
			}
		}
		row.Missing = fw.MustPractise && len(row.Questions)+len(row.Checklists)+len(row.Worksheets) == 0
		v.Rows = append(v.Rows, row)
	}
	return v
}

func (b *builder) dataTitle(p, lang string) string {
	if m := b.course.Material(p); m != nil {
		return m.Meta().Title.Get(lang)
	}
	return p
}

// checkCoverage reports framework sections and practice files that do not exist, and
// frameworks that should be practised but have no question, checklist or worksheet.
func (b *builder) checkCoverage(docs map[string]*markdown.Document, diags *diag.List) {
	if len(b.course.Frameworks) == 0 || len(b.course.Languages) == 0 {
		return
	}
	lang := b.course.Languages[0].Code
	view := b.coverageView(lang, coveragePath(lang))
	for i, fw := range b.course.Frameworks {
		for _, s := range fw.Sections {
			b.checkRef(s, docs, diags)
		}
		for _, p := range fw.Practice {
			if _, ok := b.urls.perLang[p]; !ok {
				diags.Errorf(fw.Pos, "framework %s: %s is not a checklist or worksheet of the course", fw.ID, p)
			}
		}
		if view.Rows[i].Missing {
			diags.Errorf(fw.Pos, "framework %s should be practised (practised: true) but no quiz question points at its sections and it lists no checklist or worksheet", fw.ID)
		}
	}
}
