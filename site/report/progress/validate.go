package progress

import (
	"fmt"
	"playbook/site/report/jsonpos"
	"regexp"
	"time"

	"playbook/site/quiz"
)

// checker validates decoded JSON; it keeps the first problem found.
type checker struct {
	data []byte
	err  *ParseError
}

func (c *checker) fail(v *jsonpos.Value, format string, args ...any) {
	if c.err != nil {
		return
	}
	e := &ParseError{Msg: fmt.Sprintf(format, args...)}
	if v != nil {
		e.Line, e.Col = jsonpos.LineCol(c.data, v.Off)
	}
	c.err = e
}

func (c *checker) failed() bool { return c.err != nil }

func (c *checker) progress(root *jsonpos.Value) *Progress {
	if root.Kind != jsonpos.Object {
		c.fail(root, "not a progress file: the file holds %s, not an object", root.Kind)
		return nil
	}
	switch f := root.Get("format"); {
	case f == nil:
		c.fail(root, `not a progress file: "format" is missing`)
	case f.Kind != jsonpos.String || f.Str != Format:
		c.fail(f, "not a progress file: format is %s, not %q", f.Describe(), Format)
	}
	if c.failed() {
		return nil
	}
	switch v := root.Get("version"); {
	case v == nil:
		c.fail(root, `"version" is missing`)
	case v.Kind != jsonpos.Number || !v.Finite() || v.Num != float64(int64(v.Num)):
		c.fail(v, "version must be a whole number, not %s", v.Describe())
	case v.Num != Version:
		c.fail(v, "unknown version %s of the progress file; this reader knows version %d", v.Lit, Version)
	}
	p := &Progress{Quizzes: map[string]*QuizProgress{}}
	p.Site = c.text(root, "site", true)
	if p.Site == "" && !c.failed() {
		c.fail(root.Get("site"), "site must not be empty")
	}
	if v := root.Get("exported"); v != nil {
		p.Exported = c.date(v, "exported")
	}
	p.Learner = c.text(root, "learner", false)
	p.Class = c.text(root, "class", false)
	quizzes := root.Get("quizzes")
	if quizzes == nil {
		c.fail(root, `"quizzes" is missing`)
		return nil
	}
	if !c.object(quizzes, "quizzes") {
		return nil
	}
	for _, id := range quizzes.Keys {
		e := c.quiz(quizzes.Fields[id], fmt.Sprintf("quizzes[%q]", id))
		if c.failed() {
			return nil
		}
		p.Quizzes[id] = e
	}
	p.Scenarios = c.scenarios(root)
	if c.failed() {
		return nil
	}
	return p
}

// text reads the string field key of obj; required says whether it may be absent.
func (c *checker) text(obj *jsonpos.Value, key string, required bool) string {
	v := obj.Get(key)
	if v == nil {
		if required {
			c.fail(obj, "%q is missing", key)
		}
		return ""
	}
	if v.Kind != jsonpos.String {
		c.fail(v, "%s must be a string, not %s", key, v.Describe())
		return ""
	}
	return v.Str
}

// object checks that v is an object whose keys are safe: not empty, not __proto__ (the
// page refuses both).
func (c *checker) object(v *jsonpos.Value, name string) bool {
	if v.Kind != jsonpos.Object {
		c.fail(v, "%s must be an object, not %s", name, v.Describe())
		return false
	}
	for _, k := range v.Keys {
		if k == "" || k == "__proto__" {
			c.fail(v.Fields[k], "%s has the key %q, which is not allowed", name, k)
			return false
		}
	}
	return true
}

// count reads the field key of obj (named name in messages) as a whole number >= 0.
func (c *checker) count(obj *jsonpos.Value, key, name string) int {
	v := obj.Get(key)
	if v == nil {
		c.fail(obj, "%s.%s is missing", name, key)
		return 0
	}
	return c.countOf(v, name+"."+key)
}

// countOf reads v (named name in messages) as a whole number from 0 to MaxCount.
func (c *checker) countOf(v *jsonpos.Value, name string) int {
	if v.Kind != jsonpos.Number || !v.Finite() || v.Num < 0 || v.Num != float64(int64(v.Num)) || v.Num > MaxCount {
		c.fail(v, "%s must be a whole number, 0 or more, not %s", name, v.Describe())
		return 0
	}
	return int(v.Num)
}

// number reads a finite number; parent is where a missing one is reported.
func (c *checker) number(v, parent *jsonpos.Value, name string) float64 {
	if v == nil || v.Kind != jsonpos.Number || !v.Finite() {
		what := "missing"
		if v != nil {
			what = v.Describe()
			if v.Kind == jsonpos.Number {
				what += " (not finite)"
			}
		}
		c.fail(orValue(v, parent), "%s must be a finite number, not %s", name, what)
		return 0
	}
	return v.Num
}

// dateForm is the one form of date a progress file may hold (docs/progress.md, "Dates"):
// a day, or a time in seconds with an optional fraction and a zone. It is checked before
// time.Parse, which also takes one-digit hours, a comma before the fraction and a zone of
// +24:00, and the page checks the same pattern, so that both read the same dates.
var dateForm = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])` +
	`(T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))?$`)

// date reads an ISO 8601 time as Date.toISOString writes it (a time of dateForm), or a
// plain date.
func (c *checker) date(v *jsonpos.Value, name string) time.Time {
	if v.Kind != jsonpos.String {
		c.fail(v, "%s must be a date string, not %s", name, v.Describe())
		return time.Time{}
	}
	if dateForm.MatchString(v.Str) {
		if t, err := time.Parse(time.RFC3339Nano, v.Str); err == nil {
			return t.UTC()
		}
		if t, err := time.Parse(time.DateOnly, v.Str); err == nil {
			return t
		}
	}
	c.fail(v, "%s %s is not a date such as 2026-11-25T10:00:00.000Z", name, v.Describe())
	return time.Time{}
}

func (c *checker) quiz(v *jsonpos.Value, name string) *QuizProgress {
	if v.Kind != jsonpos.Object {
		c.fail(v, "%s must be an object, not %s", name, v.Describe())
		return nil
	}
	e := &QuizProgress{Questions: map[string]QuestionCounts{}}
	e.Line, e.Col = jsonpos.LineCol(c.data, v.Off)
	if ver := v.Get("version"); ver == nil {
		c.fail(v, "%s.version is missing", name)
	} else if ver.Kind != jsonpos.String {
		c.fail(ver, "%s.version must be a string, not %s", name, ver.Describe())
	} else {
		e.Version = ver.Str
	}
	e.Attempts = c.count(v, "attempts", name)
	if b := v.Get("best"); b != nil && b.Kind != jsonpos.Null {
		if s := b.Get("scored"); s != nil && !(s.Kind == jsonpos.Bool && s.Bool) {
			c.fail(s, "%s.best.scored must be true when present, not %s", name, s.Describe())
		}
		e.Best = c.attempt(b, name+".best", false)
	}
	if l := v.Get("last"); l != nil && l.Kind != jsonpos.Null {
		e.Last = c.attempt(l, name+".last", true)
	}
	if q := v.Get("questions"); q != nil && c.object(q, name+".questions") {
		for _, id := range q.Keys {
			e.Questions[id] = c.question(q.Fields[id], fmt.Sprintf("%s.questions[%q]", name, id))
		}
	}
	return e
}

var results = []Result{Right, Wrong, Partly, Unanswered}

func (c *checker) question(v *jsonpos.Value, name string) QuestionCounts {
	var q QuestionCounts
	if v.Kind != jsonpos.Object {
		c.fail(v, "%s must be an object, not %s", name, v.Describe())
		return q
	}
	q.Right = c.count(v, "right", name)
	q.Wrong = c.count(v, "wrong", name)
	if v.Get("partly") != nil {
		q.Partly = c.count(v, "partly", name)
	}
	last := v.Get("last")
	if last == nil || last.Kind != jsonpos.String {
		c.fail(orValue(last, v), `%s.last must be "right", "wrong", "partly" or "unanswered"`, name)
		return q
	}
	for _, r := range results {
		if Result(last.Str) == r {
			q.Last = r
		}
	}
	if q.Last == "" {
		c.fail(last, `%s.last is %s, not "right", "wrong", "partly" or "unanswered"`, name, last.Describe())
	}
	return q
}

func (c *checker) attempt(v *jsonpos.Value, name string, full bool) *Attempt {
	if v.Kind != jsonpos.Object {
		c.fail(v, "%s must be an object or null, not %s", name, v.Describe())
		return nil
	}
	a := &Attempt{Scored: true}
	if d := v.Get("date"); d == nil {
		c.fail(v, "%s.date is missing", name)
	} else {
		a.Date = c.date(d, name+".date")
	}
	if ver := v.Get("version"); ver == nil {
		c.fail(v, "%s.version is missing", name)
	} else if ver.Kind != jsonpos.String {
		c.fail(ver, "%s.version must be a string, not %s", name, ver.Describe())
	} else {
		a.Version = ver.Str
	}
	if s := v.Get("scored"); s != nil {
		if s.Kind != jsonpos.Bool {
			c.fail(s, "%s.scored must be true or false, not %s", name, s.Describe())
		}
		a.Scored = s.Bool
	}
	if a.Scored {
		a.Earned = c.number(v.Get("earned"), v, name+".earned")
		a.Max = c.number(v.Get("max"), v, name+".max")
		a.Percent = c.number(v.Get("percent"), v, name+".percent")
		if p := v.Get("passed"); p == nil {
			c.fail(v, "%s.passed is missing", name)
		} else if p.Kind != jsonpos.Bool {
			c.fail(p, "%s.passed must be true or false, not %s", name, p.Describe())
		} else {
			a.Passed = p.Bool
		}
	} else {
		for _, k := range []string{"earned", "max", "percent", "passed"} {
			if f := v.Get(k); f == nil || f.Kind != jsonpos.Null {
				c.fail(orValue(f, v), "%s.%s must be null in an attempt that was not scored", name, k)
			}
		}
	}
	if !full {
		return a
	}
	a.Responses = map[string]quiz.Response{}
	if r := v.Get("responses"); r == nil {
		c.fail(v, "%s.responses is missing", name)
	} else if c.object(r, name+".responses") {
		for _, id := range r.Keys {
			a.Responses[id] = c.response(r.Fields[id], fmt.Sprintf("%s.responses[%q]", name, id))
		}
	}
	a.Points = map[string]float64{}
	if p := v.Get("points"); p == nil {
		c.fail(v, "%s.points is missing", name)
	} else if c.object(p, name+".points") {
		for _, id := range p.Keys {
			a.Points[id] = c.number(p.Fields[id], p, fmt.Sprintf("%s.points[%q]", name, id))
		}
	}
	return a
}

func orValue(v, parent *jsonpos.Value) *jsonpos.Value {
	if v != nil {
		return v
	}
	return parent
}

func (c *checker) response(v *jsonpos.Value, name string) quiz.Response {
	var r quiz.Response
	if v.Kind != jsonpos.Object {
		c.fail(v, "%s must be an object, not %s", name, v.Describe())
		return r
	}
	if x := v.Get("choices"); x != nil {
		r.Choices = c.strings(x, name+".choices")
	}
	if x := v.Get("order"); x != nil {
		r.Order = c.strings(x, name+".order")
	}
	if x := v.Get("matches"); x != nil && c.object(x, name+".matches") {
		r.Matches = map[string]string{}
		for _, k := range x.Keys {
			if s := x.Fields[k]; s.Kind != jsonpos.String {
				c.fail(s, "%s.matches[%q] must be a string, not %s", name, k, s.Describe())
			} else {
				r.Matches[k] = s.Str
			}
		}
	}
	if x := v.Get("text"); x != nil {
		if x.Kind != jsonpos.String {
			c.fail(x, "%s.text must be a string, not %s", name, x.Describe())
		}
		r.Text = x.Str
	}
	return r
}

func (c *checker) strings(v *jsonpos.Value, name string) []string {
	if v.Kind != jsonpos.Array {
		c.fail(v, "%s must be a list of strings, not %s", name, v.Describe())
		return nil
	}
	out := make([]string, 0, len(v.Items))
	for _, s := range v.Items {
		if s.Kind != jsonpos.String {
			c.fail(s, "%s must be a list of strings; it holds %s", name, s.Describe())
			return nil
		}
		out = append(out, s.Str)
	}
	return out
}
