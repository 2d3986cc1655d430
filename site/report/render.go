package report

import (
	"path/filepath"
	"slices"
	"strings"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/material"
	"playbook/site/output"
	"playbook/site/quiz"
)

// CheckCourse reports into diags why the course c, loaded from the folder src, cannot take a
// report in lang: lang is not one of its languages, or (when nothing else is wrong) the
// course has no quizzes.
func CheckCourse(c *course.Course, src, lang string, diags *diag.List) {
	if !slices.Contains(c.Config.Languages, lang) {
		diags.Errorf(diag.Pos{Path: "--lang"}, "language %q is not one of the course's languages (%s)", lang, strings.Join(c.Config.Languages, ", "))
	}
	if len(material.Of[*quiz.Quiz](c.Materials)) == 0 && !diags.HasErrors() {
		diags.Errorf(diag.Pos{Path: src}, "the course has no quizzes, so there is nothing to report")
	}
}

// Render renders r as format ("html" or "csv") for the file out: one HTML file, or the
// learners CSV file and the questions CSV file beside it (NAME-questions.csv).
func (r *Report) Render(format, out string) ([]output.File, error) {
	if format == "html" {
		data, err := r.HTML()
		return []output.File{{Path: out, Data: data}}, err
	}
	learners, questions, err := r.CSV()
	ext := filepath.Ext(out)
	return []output.File{{Path: out, Data: learners}, {Path: strings.TrimSuffix(out, ext) + "-questions" + ext, Data: questions}}, err
}
