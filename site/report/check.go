package report

import (
	"slices"
	"strings"

	"playbook/site/checklist"
	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/material"
	"playbook/site/quiz"
	"playbook/site/scenario"
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
