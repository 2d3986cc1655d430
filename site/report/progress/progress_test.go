package progress

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"playbook/site/quiz"
)

func TestParseGoodFile(t *testing.T) {
	data, err := os.ReadFile("testdata/good/full.json")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if p.Site != "test-course" || p.Learner != "Gil" || p.Class != "CRM-2026-12" || !p.Exported.Equal(time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("top level: %+v", p)
	}
	e := p.Quizzes["basics-check"]
	if e == nil || len(p.Quizzes) != 1 {
		t.Fatalf("quizzes: %v", p.Quizzes)
	}
	if e.Version != "1ijw6hk" || e.Attempts != 2 || e.Line != 9 || e.Col != 21 {
		t.Errorf("entry: %+v", e)
	}
	if b := e.Best; b == nil || !b.Scored || b.Earned != 5 || b.Max != 6 || b.Percent != 83.3 || !b.Passed || b.Responses != nil {
		t.Errorf("best: %+v", b)
	}
	l := e.Last
	if l == nil || l.Earned != 4.3333 || l.Percent != 72.2 || l.Points["order"] != 0.3333 || len(l.Points) != 5 {
		t.Fatalf("last: %+v", l)
	}
	want := map[string]quiz.Response{
		"tier":  {Choices: []string{"platinum"}},
		"order": {Order: []string{"one", "", "wrap"}},
		"match": {Matches: map[string]string{"p": "r1"}},
		"think": {Text: "Lim"},
	}
	for id, r := range want {
		got := l.Responses[id]
		if strings.Join(got.Choices, ",") != strings.Join(r.Choices, ",") || strings.Join(got.Order, ",") != strings.Join(r.Order, ",") ||
			len(got.Matches) != len(r.Matches) || got.Matches["p"] != r.Matches["p"] || got.Text != r.Text {
			t.Errorf("response %s = %+v, want %+v", id, got, r)
		}
	}
	if q := e.Questions["order"]; q != (QuestionCounts{Right: 0, Wrong: 1, Partly: 1, Last: Partly}) {
		t.Errorf("question order: %+v", q)
	}
}

// TestParseDefaults checks what version 1 lets a file leave out: learner, class, questions,
// partly and scored mean "", "", {}, 0 and true; exported and unknown fields may be absent or
// present; best and last may be null or missing.
func TestParseDefaults(t *testing.T) {
	src := `{"format": "playbook-progress", "version": 1.0, "site": "s", "extra": [1, {"x": null}],
	  "quizzes": {
	    "a": {"version": "v", "attempts": 1, "best": null,
	          "last": {"date": "2026-11-25", "version": "v", "earned": 1, "max": 2, "percent": 50, "passed": false,
	                   "responses": {"q": {}}, "points": {"q": 1}, "note": "kept out"},
	          "questions": {"q": {"right": 0, "wrong": 1, "last": "unanswered"}}},
	    "b": {"version": "v", "attempts": 0}
	  }}`
	p, err := Parse([]byte("\ufeff" + src))
	if err != nil {
		t.Fatal(err)
	}
	if p.Learner != "" || p.Class != "" || !p.Exported.IsZero() {
		t.Errorf("learner %q, class %q, exported %v", p.Learner, p.Class, p.Exported)
	}
	a, b := p.Quizzes["a"], p.Quizzes["b"]
	if a.Best != nil || a.Last == nil || !a.Last.Scored || !a.Last.Date.Equal(time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("a: %+v / %+v", a, a.Last)
	}
	if q := a.Questions["q"]; q.Partly != 0 || q.Wrong != 1 || q.Last != Unanswered {
		t.Errorf("a.q: %+v", q)
	}
	if b.Best != nil || b.Last != nil || b.Questions == nil || len(b.Questions) != 0 {
		t.Errorf("b: %+v", b)
	}
}

// TestParseBad runs every file of testdata/bad: each breaks one rule of docs/progress.md
// ("Validation") and must be refused with the problem at its line and column.
func TestParseBad(t *testing.T) {
	tests := map[string]string{
		"not-json":                "1:1: not JSON: invalid character 'p'",
		"truncated":               "7:3: not JSON: unexpected end of JSON input",
		"trailing-data":           "22:1: not JSON: invalid character '{' after top-level value",
		"not-utf8":                "6:16: the file is not UTF-8 text",
		"list":                    "1:1: not a progress file: the file holds a list, not an object",
		"format-wrong":            `2:13: not a progress file: format is "playbook-checklist", not "playbook-progress"`,
		"format-missing":          `1:1: not a progress file: "format" is missing`,
		"version-unknown":         "3:14: unknown version 2 of the progress file; this reader knows version 1",
		"version-string":          `3:14: version must be a whole number, not "1"`,
		"site-empty":              "4:11: site must not be empty",
		"site-missing":            `1:1: "site" is missing`,
		"exported-bad-date":       `5:15: exported "25/11/2026" is not a date`,
		"learner-null":            "6:14: learner must be a string, not null",
		"class-number":            "7:12: class must be a string, not 12",
		"quizzes-list":            "7:14: quizzes must be an object, not a list",
		"quizzes-missing":         `1:1: "quizzes" is missing`,
		"quiz-key-proto":          `8:18: quizzes has the key "__proto__", which is not allowed`,
		"quiz-version-number":     `9:18: quizzes["basics-check"].version must be a string, not 7`,
		"attempts-negative":       `10:19: quizzes["basics-check"].attempts must be a whole number, 0 or more, not -1`,
		"attempts-fraction":       `10:19: quizzes["basics-check"].attempts must be a whole number, 0 or more, not 1.5`,
		"attempts-missing":        `8:21: quizzes["basics-check"].attempts is missing`,
		"best-not-scored":         `11:26: quizzes["basics-check"].best.scored must be true when present, not false`,
		"percent-not-finite":      `11:108: quizzes["basics-check"].best.percent must be a finite number, not 1e999 (not finite)`,
		"percent-string":          `11:108: quizzes["basics-check"].best.percent must be a finite number, not "83.3"`,
		"passed-string":           `11:124: quizzes["basics-check"].best.passed must be true or false, not "yes"`,
		"date-unparsable":         `13:17: quizzes["basics-check"].last.date "half past nine" is not a date`,
		"scored-not-boolean":      `13:77: quizzes["basics-check"].last.scored must be true or false, not 1`,
		"unscored-with-numbers":   `14:19: quizzes["basics-check"].last.earned must be null in an attempt that was not scored`,
		"responses-missing":       `12:15: quizzes["basics-check"].last.responses is missing`,
		"choices-not-strings":     `15:44: quizzes["basics-check"].last.responses["tier"].choices must be a list of strings; it holds 1`,
		"matches-not-strings":     `15:126: quizzes["basics-check"].last.responses["match"].matches["p"] must be a string, not 1`,
		"text-not-string":         `15:152: quizzes["basics-check"].last.responses["think"].text must be a string, not a list`,
		"points-string":           `16:28: quizzes["basics-check"].last.points["tier"] must be a finite number, not "1"`,
		"points-empty-key":        `16:24: quizzes["basics-check"].last.points has the key "", which is not allowed`,
		"questions-list":          `18:20: quizzes["basics-check"].questions must be an object, not a list`,
		"question-count-negative": `18:116: quizzes["basics-check"].questions["order"].wrong must be a whole number, 0 or more, not -1`,
		"question-last-unknown":   `18:140: quizzes["basics-check"].questions["order"].last is "maybe", not "right"`,
	}
	files, _ := filepath.Glob("testdata/bad/*.json")
	if len(files) != len(tests) {
		t.Errorf("%d files in testdata/bad, %d cases in the table", len(files), len(tests))
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			want, ok := tests[name]
			if !ok {
				t.Fatal("no expectation for this file")
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			p, err := Parse(data)
			if err == nil {
				t.Fatalf("accepted: %+v", p)
			}
			if !strings.HasPrefix(err.Error(), want) {
				t.Errorf("error %q\nwant   %q...", err, want)
			}
		})
	}
}

func FuzzParseProgress(f *testing.F) {
	// The class report's files are real progress files too.
	for _, dir := range []string{"testdata/good", "testdata/bad", "../testdata/class", "../testdata/tampered"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, file := range files {
			data, _ := os.ReadFile(file)
			f.Add(data)
		}
	}
	f.Add([]byte(`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`))
	f.Add([]byte(`{"format":"playbook-progress","version":1,"site":"s","quizzes":{"a":{"version":"v","attempts":9007199254740993}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data)
		if err != nil {
			var pe *ParseError
			if p != nil || !errors.As(err, &pe) || pe.Msg == "" || pe.Line < 0 || pe.Col < 0 {
				t.Fatalf("bad error %#v with result %v", err, p)
			}
			return
		}
		if p == nil || p.Site == "" || p.Quizzes == nil {
			t.Fatalf("accepted an incomplete file: %+v", p)
		}
		for id, e := range p.Quizzes {
			if id == "" || id == "__proto__" || e == nil || e.Attempts < 0 || e.Questions == nil {
				t.Fatalf("bad entry %q: %+v", id, e)
			}
			for _, a := range []*Attempt{e.Best, e.Last} {
				if a == nil {
					continue
				}
				for _, x := range []float64{a.Earned, a.Max, a.Percent} {
					if math.IsInf(x, 0) || math.IsNaN(x) {
						t.Fatalf("not finite: %+v", a)
					}
				}
			}
			for _, q := range e.Questions {
				if q.Right < 0 || q.Wrong < 0 || q.Partly < 0 || q.Last == "" {
					t.Fatalf("bad counts: %+v", q)
				}
			}
		}
	})
}
