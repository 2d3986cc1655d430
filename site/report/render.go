package report

import (
	"path/filepath"
	"slices"
	"strings"

	"playbook/site/checklist"
	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/material"
	"playbook/site/output"
	"playbook/site/quiz"
	"playbook/site/report/team/teamview"
	"playbook/site/scenario"
	"playbook/site/theme"
)

// CheckCourse reports into diags why the course c, loaded from the folder src, cannot take a
// report in lang: lang is not one of its languages, or (when nothing else is wrong) the
// course has no quizzes, checklists or scenarios.
func CheckCourse(c *course.Course, src, lang string, diags *diag.List) {
	if !slices.Contains(c.Config.Languages, lang) {
		diags.Errorf(diag.Pos{Path: "--lang"}, "language %q is not one of the course's languages (%s)", lang, strings.Join(c.Config.Languages, ", "))
	}
	if len(material.Of[*quiz.Quiz](c.Materials)) == 0 && len(material.Of[*checklist.Checklist](c.Materials)) == 0 &&
		len(material.Of[*scenario.Scenario](c.Materials)) == 0 && !diags.HasErrors() {
		diags.Errorf(diag.Pos{Path: src}, "the course has no quizzes, checklists or scenarios, so there is nothing to report")
	}
}

// Render renders r as format ("html" or "csv") for the file out: one HTML file, or the
// learners CSV file and the questions CSV file beside it (NAME-questions.csv), and when
// checklist exports were used, the checklist copies and items CSV files
// (NAME-checklists.csv, NAME-checklist-items.csv), and when the course has scenarios, the
// role-plays CSV file (NAME-roleplays.csv).
func (r *Report) Render(format, out string) ([]output.File, error) {
	if format == "html" {
		data, err := r.HTML()
		return []output.File{{Path: out, Data: data}}, err
	}
	learners, questions, err := r.CSV()
	if err != nil {
		return nil, err
	}
	ext := filepath.Ext(out)
	base := strings.TrimSuffix(out, ext)
	files := []output.File{{Path: out, Data: learners}, {Path: base + "-questions" + ext, Data: questions}}
	if len(r.RolePlays) > 0 {
		rp, err := r.RolePlayCSV()
		if err != nil {
			return nil, err
		}
		files = append(files, output.File{Path: base + "-roleplays" + ext, Data: rp})
	}
	if len(r.Team.Checklists) == 0 {
		return files, nil
	}
	th, err := theme.Load()
	if err != nil {
		return nil, err
	}
	copyRows, itemRows := teamview.CSV(r.Team, r.Lang, th)
	copies, err := writeCSV(copyRows)
	if err != nil {
		return nil, err
	}
	items, err := writeCSV(itemRows)
	return append(files, output.File{Path: base + "-checklists" + ext, Data: copies}, output.File{Path: base + "-checklist-items" + ext, Data: items}), err
}
