package quiz_test

import (
	"encoding/json"
	"html"
	"html/template"
	"os"
	"strings"
	"testing"

	"playbook/site/diag"
	"playbook/site/lessonref"
	"playbook/site/quiz"
	"playbook/site/quiz/quizfile"
	"playbook/site/quiz/score"
	"playbook/site/strictyaml"
)

// textRenderer renders texts as escaped plain text, in English.
type textRenderer struct{}

func (textRenderer) Markdown(t strictyaml.Text, inline bool) template.HTML {
	return template.HTML(html.EscapeString(t.Get("en")))
}

func (textRenderer) SourceLink(*lessonref.Ref) (string, string) { return "", "" }

func (textRenderer) Text(t strictyaml.Text) string { return t.Get("en") }

type pageData struct {
	Quiz      string    `json:"quiz"`
	Mode      quiz.Mode `json:"mode"`
	Version   string    `json:"version"`
	PassMark  int       `json:"passMark"`
	TimeLimit int       `json:"timeLimit"`
	WithKey   bool      `json:"withKey"`
	Questions []struct {
		ID     string          `json:"id"`
		Type   quiz.Type       `json:"type"`
		Points float64         `json:"points"`
		Answer json.RawMessage `json:"answer"`
	} `json:"questions"`
}

func quizData(t *testing.T, withKey bool) (string, pageData) {
	t.Helper()
	var d diag.List
	q := quizfile.Parse("q.yaml", goodQuiz(t), []string{"en", "zh-CN"}, &d)
	if len(d) > 0 {
		t.Fatal(d)
	}
	raw := string(quiz.NewView(q, "en", textRenderer{}, withKey, false).Data())
	var data pageData
	if err := json.Unmarshal([]byte(raw), &data); err != nil {
		t.Fatalf("the page data is not JSON: %v\n%s", err, raw)
	}
	if data.Quiz != "day-01" || data.Mode != quiz.Exam || data.PassMark != 80 || data.TimeLimit != 20 || data.Version != q.Version() ||
		data.WithKey != withKey || len(data.Questions) != 6 || data.Questions[0].ID != "single" || data.Questions[0].Points != 1.5 {
		t.Errorf("page data %+v", data)
	}
	return raw, data
}

// TestDataOfExamWithoutKey checks that the page data of an exam page for learners holds no
// answer: the page must not give the key away.
func TestDataOfExamWithoutKey(t *testing.T) {
	raw, data := quizData(t, false)
	if strings.Contains(raw, `"answer"`) {
		t.Errorf("the page data of a learner's exam holds answers: %s", raw)
	}
	for _, x := range data.Questions {
		if x.Answer != nil {
			t.Errorf("question %s carries the answer %s", x.ID, x.Answer)
		}
	}
}

// TestDataWithKey checks the key of every question type in the page data.
func TestDataWithKey(t *testing.T) {
	_, data := quizData(t, true)
	// The options of "multi" (A, B, C; right: A and C) are arranged by the build (see
	// arrange_test.go): the key names them by their arranged ids.
	var q *quiz.Quiz
	var d diag.List
	if q = quizfile.Parse("q.yaml", goodQuiz(t), []string{"en", "zh-CN"}, &d); q == nil {
		t.Fatal(d)
	}
	multi, _ := json.Marshal(idsOfTexts(q.Questions[1], "A", "C"))
	want := map[string]string{
		"single": `["yes"]`, "multi": string(multi), "tf": `["false"]`,
		"order": `["a","second","c"]`, "think": "",
	}
	for _, x := range data.Questions {
		if x.ID == "match" {
			var m map[string]string
			if err := json.Unmarshal(x.Answer, &m); err != nil || len(m) != 2 || m["p"] == "" || m["b"] == "" || m["p"] == m["b"] {
				t.Errorf("matching key %s", x.Answer)
			}
			continue
		}
		if got := string(x.Answer); got != want[x.ID] {
			t.Errorf("question %s: answer %s, want %s", x.ID, got, want[x.ID])
		}
	}
}

// idsOfTexts returns the ids of the options of x with the given English texts, in option order.
func idsOfTexts(x *quiz.Question, texts ...string) []string {
	var ids []string
	for _, o := range x.Options {
		for _, t := range texts {
			if o.Text.Get("en") == t {
				ids = append(ids, o.ID)
			}
		}
	}
	return ids
}

// goodQuiz is a quiz with one question of each type.
func goodQuiz(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestFromPageScoresAsThePage checks that responses recorded with the page's ids (opaque
// right-hand ids of matching questions) score in Go as the page scored them: the key's own
// choices earn everything, a swapped pair half, a distractor or an unknown id nothing.
func TestFromPageScoresAsThePage(t *testing.T) {
	var d diag.List
	q := quizfile.Parse("q.yaml", goodQuiz(t), []string{"en", "zh-CN"}, &d)
	v := quiz.NewView(q, "en", textRenderer{}, true, false)
	var match quiz.QuestionView
	for _, x := range v.Questions {
		if x.Type == quiz.Matching {
			match = x
		}
	}
	distractor := ""
	for _, r := range match.Rights {
		if r.ID != match.Matches["p"] && r.ID != match.Matches["b"] {
			distractor = r.ID
		}
	}
	cases := []struct {
		name    string
		matches map[string]string
		want    float64
	}{
		{"the key", map[string]string{"p": match.Matches["p"], "b": match.Matches["b"]}, 1},
		{"swapped", map[string]string{"p": match.Matches["b"], "b": match.Matches["b"]}, 0.5},
		{"distractor", map[string]string{"p": distractor}, 0},
		{"unknown id", map[string]string{"p": "r99", "b": match.Matches["b"]}, 0.5},
	}
	for _, c := range cases {
		got := quiz.FromPage(q, map[string]quiz.Response{"match": {Matches: c.matches}})
		var x *quiz.Question
		for _, qq := range q.Questions {
			if qq.ID == "match" {
				x = qq
			}
		}
		if f := score.Fraction(x, got["match"]); f != c.want {
			t.Errorf("%s: %v scores %v, want %v", c.name, c.matches, f, c.want)
		}
	}
}

// TestKeysMatchThePageKey checks that the keys the trainer's progress page grades with are
// the keys of the quiz pages (Data with the key), question for question.
func TestKeysMatchThePageKey(t *testing.T) {
	var d diag.List
	q := quizfile.Parse("q.yaml", goodQuiz(t), []string{"en", "zh-CN"}, &d)
	var keys map[string]struct {
		Version   string `json:"version"`
		PassMark  int    `json:"passMark"`
		Questions []struct {
			ID     string          `json:"id"`
			Answer json.RawMessage `json:"answer"`
		} `json:"questions"`
	}
	if err := json.Unmarshal([]byte(quiz.Keys([]*quiz.Quiz{q})), &keys); err != nil {
		t.Fatal(err)
	}
	_, page := quizData(t, true)
	k := keys["day-01"]
	if k.Version != q.Version() || k.PassMark != 80 || len(k.Questions) != len(page.Questions) {
		t.Fatalf("keys %+v", k)
	}
	for i, x := range page.Questions {
		got, want := string(k.Questions[i].Answer), string(x.Answer)
		if x.Type == quiz.Reflection {
			want = "null"
		}
		if k.Questions[i].ID != x.ID || got != want {
			t.Errorf("question %s: key %s, page %s", x.ID, got, want)
		}
	}
}
