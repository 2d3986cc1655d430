package progress

import (
	"fmt"
	"strconv"
	"time"

	"playbook/site/quiz"
)

// checker validates decoded JSON; it keeps the first problem found.
type checker struct {
	data []byte
	err  *ParseError
}

func (c *checker) fail(v *value, format string, args ...any) {
	if c.err != nil {
		return
	}
	e := &ParseError{Msg: fmt.Sprintf(format, args...)}
	if v != nil {
		e.Line, e.Col = lineCol(c.data, v.off)
	}
	c.err = e
}

func (c *checker) failed() bool { return c.err != nil }

// describe names a value for a message: its type, and its text when short.
func describe(v *value) string {
	switch v.kind {
	case jsonNull:
		return "null"
	case jsonBool:
		return strconv.FormatBool(v.b)
	case jsonNumber:
		return v.lit
	case jsonString:
		if len(v.str) <= 40 {
			return strconv.Quote(v.str)
		}
		return "a string"
	}
	return v.kind.String()
}

func (c *checker) progress(root *value) *Progress {
	if root.kind != jsonObject {
		c.fail(root, "not a progress file: the file holds %s, not an object", root.kind)
		return nil
	}
	switch f := root.get("format"); {
	case f == nil:
		c.fail(root, `not a progress file: "format" is missing`)
	case f.kind != jsonString || f.str != Format:
		c.fail(f, "not a progress file: format is %s, not %q", describe(f), Format)
	}
	if c.failed() {
		return nil
	}
	switch v := root.get("version"); {
	case v == nil:
		c.fail(root, `"version" is missing`)
	case v.kind != jsonNumber || !v.finite() || v.num != float64(int64(v.num)):
		c.fail(v, "version must be a whole number, not %s", describe(v))
	case v.num != Version:
		c.fail(v, "unknown version %s of the progress file; this reader knows version %d", v.lit, Version)
	}
	p := &Progress{Quizzes: map[string]*QuizProgress{}}
	p.Site = c.text(root, "site", true)
	if p.Site == "" && !c.failed() {
		c.fail(root.get("site"), "site must not be empty")
	}
	if v := root.get("exported"); v != nil {
		p.Exported = c.date(v, "exported")
	}
	p.Learner = c.text(root, "learner", false)
	p.Class = c.text(root, "class", false)
	quizzes := root.get("quizzes")
	if quizzes == nil {
		c.fail(root, `"quizzes" is missing`)
		return nil
	}
	if !c.object(quizzes, "quizzes") {
		return nil
	}
	for _, id := range quizzes.keys {
		e := c.quiz(quizzes.field[id], fmt.Sprintf("quizzes[%q]", id))
		if c.failed() {
			return nil
		}
		p.Quizzes[id] = e
	}
	if c.failed() {
		return nil
	}
	return p
}

// text reads the string field key of obj; required says whether it may be absent.
func (c *checker) text(obj *value, key string, required bool) string {
	v := obj.get(key)
	if v == nil {
		if required {
			c.fail(obj, "%q is missing", key)
		}
		return ""
	}
	if v.kind != jsonString {
		c.fail(v, "%s must be a string, not %s", key, describe(v))
		return ""
	}
	return v.str
}

// object checks that v is an object whose keys are safe: not empty, not __proto__ (the
// page refuses both).
func (c *checker) object(v *value, name string) bool {
	if v.kind != jsonObject {
		c.fail(v, "%s must be an object, not %s", name, describe(v))
		return false
	}
	for _, k := range v.keys {
		if k == "" || k == "__proto__" {
			c.fail(v.field[k], "%s has the key %q, which is not allowed", name, k)
			return false
		}
	}
	return true
}

// count reads the field key of obj (named name in messages) as a whole number >= 0.
func (c *checker) count(obj *value, key, name string) int {
	v := obj.get(key)
	if v == nil {
		c.fail(obj, "%s.%s is missing", name, key)
		return 0
	}
	if v.kind != jsonNumber || !v.finite() || v.num < 0 || v.num != float64(int64(v.num)) || v.num > maxCount {
		c.fail(v, "%s.%s must be a whole number, 0 or more, not %s", name, key, describe(v))
		return 0
	}
	return int(v.num)
}

// number reads a finite number; parent is where a missing one is reported.
func (c *checker) number(v, parent *value, name string) float64 {
	if v == nil || v.kind != jsonNumber || !v.finite() {
		what := "missing"
		if v != nil {
			what = describe(v)
			if v.kind == jsonNumber {
				what += " (not finite)"
			}
		}
		c.fail(orValue(v, parent), "%s must be a finite number, not %s", name, what)
		return 0
	}
	return v.num
}

// date reads an ISO 8601 time as Date.toISOString writes it (any RFC 3339 time), or a
// plain date.
func (c *checker) date(v *value, name string) time.Time {
	if v.kind != jsonString {
		c.fail(v, "%s must be a date string, not %s", name, describe(v))
		return time.Time{}
	}
	if t, err := time.Parse(time.RFC3339Nano, v.str); err == nil {
		return t.UTC()
	}
	if t, err := time.Parse(time.DateOnly, v.str); err == nil {
		return t
	}
	c.fail(v, "%s %s is not a date such as 2026-11-25T10:00:00.000Z", name, describe(v))
	return time.Time{}
}

func (c *checker) quiz(v *value, name string) *QuizProgress {
	if v.kind != jsonObject {
		c.fail(v, "%s must be an object, not %s", name, describe(v))
		return nil
	}
	e := &QuizProgress{Questions: map[string]QuestionCounts{}}
	e.Line, e.Col = lineCol(c.data, v.off)
	if ver := v.get("version"); ver == nil {
		c.fail(v, "%s.version is missing", name)
	} else if ver.kind != jsonString {
		c.fail(ver, "%s.version must be a string, not %s", name, describe(ver))
	} else {
		e.Version = ver.str
	}
	e.Attempts = c.count(v, "attempts", name)
	if b := v.get("best"); b != nil && b.kind != jsonNull {
		if s := b.get("scored"); s != nil && !(s.kind == jsonBool && s.b) {
			c.fail(s, "%s.best.scored must be true when present, not %s", name, describe(s))
		}
		e.Best = c.attempt(b, name+".best", false)
	}
	if l := v.get("last"); l != nil && l.kind != jsonNull {
		e.Last = c.attempt(l, name+".last", true)
	}
	if q := v.get("questions"); q != nil && c.object(q, name+".questions") {
		for _, id := range q.keys {
			e.Questions[id] = c.question(q.field[id], fmt.Sprintf("%s.questions[%q]", name, id))
		}
	}
	return e
}

var results = []Result{Right, Wrong, Partly, Unanswered}

func (c *checker) question(v *value, name string) QuestionCounts {
	var q QuestionCounts
	if v.kind != jsonObject {
		c.fail(v, "%s must be an object, not %s", name, describe(v))
		return q
	}
	q.Right = c.count(v, "right", name)
	q.Wrong = c.count(v, "wrong", name)
	if v.get("partly") != nil {
		q.Partly = c.count(v, "partly", name)
	}
	last := v.get("last")
	if last == nil || last.kind != jsonString {
		c.fail(orValue(last, v), `%s.last must be "right", "wrong", "partly" or "unanswered"`, name)
		return q
	}
	for _, r := range results {
		if Result(last.str) == r {
			q.Last = r
		}
	}
	if q.Last == "" {
		c.fail(last, `%s.last is %s, not "right", "wrong", "partly" or "unanswered"`, name, describe(last))
	}
	return q
}

func (c *checker) attempt(v *value, name string, full bool) *Attempt {
	if v.kind != jsonObject {
		c.fail(v, "%s must be an object or null, not %s", name, describe(v))
		return nil
	}
	a := &Attempt{Scored: true}
	if d := v.get("date"); d == nil {
		c.fail(v, "%s.date is missing", name)
	} else {
		a.Date = c.date(d, name+".date")
	}
	if ver := v.get("version"); ver == nil {
		c.fail(v, "%s.version is missing", name)
	} else if ver.kind != jsonString {
		c.fail(ver, "%s.version must be a string, not %s", name, describe(ver))
	} else {
		a.Version = ver.str
	}
	if s := v.get("scored"); s != nil {
		if s.kind != jsonBool {
			c.fail(s, "%s.scored must be true or false, not %s", name, describe(s))
		}
		a.Scored = s.b
	}
	if a.Scored {
		a.Earned = c.number(v.get("earned"), v, name+".earned")
		a.Max = c.number(v.get("max"), v, name+".max")
		a.Percent = c.number(v.get("percent"), v, name+".percent")
		if p := v.get("passed"); p == nil {
			c.fail(v, "%s.passed is missing", name)
		} else if p.kind != jsonBool {
			c.fail(p, "%s.passed must be true or false, not %s", name, describe(p))
		} else {
			a.Passed = p.b
		}
	} else {
		for _, k := range []string{"earned", "max", "percent", "passed"} {
			if f := v.get(k); f == nil || f.kind != jsonNull {
				c.fail(orValue(f, v), "%s.%s must be null in an attempt that was not scored", name, k)
			}
		}
	}
	if !full {
		return a
	}
	a.Responses = map[string]quiz.Response{}
	if r := v.get("responses"); r == nil {
		c.fail(v, "%s.responses is missing", name)
	} else if c.object(r, name+".responses") {
		for _, id := range r.keys {
			a.Responses[id] = c.response(r.field[id], fmt.Sprintf("%s.responses[%q]", name, id))
		}
	}
	a.Points = map[string]float64{}
	if p := v.get("points"); p == nil {
		c.fail(v, "%s.points is missing", name)
	} else if c.object(p, name+".points") {
		for _, id := range p.keys {
			a.Points[id] = c.number(p.field[id], p, fmt.Sprintf("%s.points[%q]", name, id))
		}
	}
	return a
}

func orValue(v, parent *value) *value {
	if v != nil {
		return v
	}
	return parent
}

func (c *checker) response(v *value, name string) quiz.Response {
	var r quiz.Response
	if v.kind != jsonObject {
		c.fail(v, "%s must be an object, not %s", name, describe(v))
		return r
	}
	if x := v.get("choices"); x != nil {
		r.Choices = c.strings(x, name+".choices")
	}
	if x := v.get("order"); x != nil {
		r.Order = c.strings(x, name+".order")
	}
	if x := v.get("matches"); x != nil && c.object(x, name+".matches") {
		r.Matches = map[string]string{}
		for _, k := range x.keys {
			if s := x.field[k]; s.kind != jsonString {
				c.fail(s, "%s.matches[%q] must be a string, not %s", name, k, describe(s))
			} else {
				r.Matches[k] = s.str
			}
		}
	}
	if x := v.get("text"); x != nil {
		if x.kind != jsonString {
			c.fail(x, "%s.text must be a string, not %s", name, describe(x))
		}
		r.Text = x.str
	}
	return r
}

func (c *checker) strings(v *value, name string) []string {
	if v.kind != jsonArray {
		c.fail(v, "%s must be a list of strings, not %s", name, describe(v))
		return nil
	}
	out := make([]string, 0, len(v.items))
	for _, s := range v.items {
		if s.kind != jsonString {
			c.fail(s, "%s must be a list of strings; it holds %s", name, describe(s))
			return nil
		}
		out = append(out, s.str)
	}
	return out
}
