package quizfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"playbook/internal/wanttest"
	"playbook/site/diag"
	"playbook/site/quiz"
	"playbook/site/quiz/score"
)

var langs = []string{"en", "zh-CN"}

// TestBadQuizzes parses every file in testdata/bad. Each starts with "# want line:col message"
// lines; the file must produce exactly those errors (each message as a substring).
func TestBadQuizzes(t *testing.T) {
	wanttest.Files(t, "testdata/bad/*.yaml", 20, func(src []byte, d *diag.List) { Parse("bad.yaml", src, langs, d) })
}

// goodQuiz is a quiz with one question of each type, shared with the view's tests.
var goodQuiz = func() string {
	data, err := os.ReadFile("../testdata/good.yaml")
	if err != nil {
		panic(err)
	}
	return string(data)
}()

func TestParseGoodQuiz(t *testing.T) {
	var d diag.List
	q := Parse("q.yaml", []byte(goodQuiz), langs, &d)
	if len(d) > 0 {
		t.Fatal(d)
	}
	if q.ID != "day-01" || q.Title.Get("zh-CN") != "第一天" || q.Description.Get("zh-CN") != "Ten questions." ||
		q.Mode != quiz.Exam || q.PassMark != 80 || !q.ShuffleQuestions || !q.ShuffleOptions || q.TimeLimit != 20 {
		t.Errorf("quiz fields: %+v", q)
	}
	if len(q.Questions) != 6 {
		t.Fatalf("%d questions", len(q.Questions))
	}
	s := q.Questions[0]
	if s.Points != 1.5 || s.Options[0].ID != "yes" || s.Options[1].ID != "b" || s.Options[0].Feedback.Get("en") != "Right" ||
		strings.Join(s.Answer, ",") != "yes" || s.Source.Path["zh-CN"] != "day-01-x/01-y.md" || s.Source.Fragment["en"] != "z" {
		t.Errorf("single: %+v %+v", s, s.Source)
	}
	if tf := q.Questions[2]; strings.Join(tf.Answer, ",") != "false" || tf.Options[0].Feedback.Get("en") != "Not quite" {
		t.Errorf("true-false: %+v", tf)
	}
	if o := q.Questions[3]; len(o.Items) != 3 || o.Items[0].ID != "a" || o.Items[1].ID != "second" || o.Items[2].ID != "c" {
		t.Errorf("ordering items: %+v", o.Items)
	}
	if m := q.Questions[4]; len(m.Pairs) != 2 || m.Pairs[1].ID != "b" || len(m.Distractors) != 1 {
		t.Errorf("matching: %+v", m)
	}
	if r := q.Questions[5]; r.Scored() || r.Points != 0 || r.ModelAnswer.Get("en") != "M" {
		t.Errorf("reflection: %+v", r)
	}
	if q.MaxPoints() != 1.5+1+1+1+1 {
		t.Errorf("max points %v", q.MaxPoints())
	}
}

func TestVersionFollowsQuestions(t *testing.T) {
	var d diag.List
	a := Parse("q.yaml", []byte(goodQuiz), langs, &d)
	b := Parse("q.yaml", []byte(strings.Replace(goodQuiz, "prompt: {en: Pick, zh-CN: 选}", "prompt: {en: Choose, zh-CN: 选择}", 1)), langs, &d)
	c := Parse("q.yaml", []byte(strings.Replace(goodQuiz, "id: think", "id: reflect", 1)), langs, &d)
	if a.Version() != b.Version() {
		t.Error("rewording a prompt changed the version")
	}
	if a.Version() == c.Version() {
		t.Error("renaming a question kept the version")
	}
}

// FuzzLoadQuiz parses arbitrary YAML: it must never panic, and whatever it returns must be
// consistent (answers name existing options).
func FuzzLoadQuiz(f *testing.F) {
	f.Add(goodQuiz)
	files, _ := filepath.Glob("testdata/bad/*.yaml")
	for _, file := range files {
		data, _ := os.ReadFile(file)
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, src string) {
		var d diag.List
		q := Parse("f.yaml", []byte(src), langs, &d)
		if q == nil {
			return
		}
		for _, x := range q.Questions {
			for _, a := range x.Answer {
				found := false
				for _, o := range x.Options {
					found = found || o.ID == a
				}
				if !found {
					t.Fatalf("answer %q names no option in %q", a, src)
				}
			}
		}
		_ = score.Score(q, nil)
	})
}
