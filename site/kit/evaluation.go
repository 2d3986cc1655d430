package kit

import (
	"playbook/site/diag"
	"playbook/site/markdown"
	"playbook/site/pipeline/plan"
	"playbook/site/pipeline/render"
)

// EvaluationView is the page of the evaluation forms: one for the end of a day, one for the
// end of the course, each printed on a page of its own for every participant.
type EvaluationView struct {
	// Days are the course's day numbers, for the day form's tick boxes.
	Days []int
	// DayRatings and CourseRatings are the keys of the statements rated 1-5; DayQuestions
	// and CourseQuestions those of the open questions (interface strings).
	DayRatings, CourseRatings, DayQuestions, CourseQuestions []string
	// Copies is how many of each form to print: the class size.
	Copies int
}

// The statements and questions of the forms, as interface strings (strings.yaml, eval_*).
var (
	dayRatings      = []string{"eval_day_clear", "eval_day_useful", "eval_day_practice", "eval_day_pace", "eval_day_trainer"}
	dayQuestions    = []string{"eval_day_use", "eval_day_unclear", "eval_day_change"}
	courseRatings   = []string{"eval_course_goals", "eval_course_job", "eval_course_materials", "eval_course_trainer", "eval_course_length"}
	courseQuestions = []string{"eval_course_best", "eval_course_missing", "eval_course_first", "eval_course_other"}
)

// fillEvaluation fills the page of the evaluation forms.
func fillEvaluation(r *render.Renderer, pg *plan.Page, p *render.Page, _ *diag.List) *markdown.Document {
	p.Title = r.Theme().String(pg.Lang.Code, "evaluation_forms")
	p.Breadcrumbs = r.Crumbs(pg)
	v := &EvaluationView{DayRatings: dayRatings, DayQuestions: dayQuestions, CourseRatings: courseRatings,
		CourseQuestions: courseQuestions, Copies: r.Course().Config.Schedule.ClassSize}
	for _, d := range pg.Lang.Days {
		v.Days = append(v.Days, d.Number)
	}
	p.View = v
	return nil
}
