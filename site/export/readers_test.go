package export

import (
	"encoding/xml"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"playbook/internal/moodletest"
	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/markdown"
	"playbook/site/material"
	"playbook/site/quiz"
	"playbook/site/strictyaml"
)

// bundledCourse is the course in the repository.
const bundledCourse = "../.."

// trickyCourse has a quiz whose title and texts use every character GIFT reserves.
var trickyCourse = fstest.MapFS{
	"playbook.yaml":                 {Data: []byte("title: T\nlanguages: [en]\n")},
	"content/en/day-01-a/01-one.md": {Data: []byte("---\ntitle: One\n---\n## Start\n")},
	"quizzes/q.yaml": {Data: []byte("id: q\ntitle: \"Tricky: {all} ~ the = signs #1/2 // \\\\:\"\nday: 1\nquestions:\n" +
		"  - id: x\n    type: single\n    prompt: \"Is a:b = {c}? ~d #e\"\n    options: [\"={x}\", \"~y#\"]\n    answer: a\n    explanation: \"Because: {yes}\"\n    source: day-01-a/01-one.md\n" +
		"  - id: m\n    type: matching\n    prompt: \"Match: {a} = ~b\"\n    pairs:\n      - {left: \"a: 1\", right: \"{one}\"}\n      - {left: \"b #2\", right: \"two = 2\"}\n" +
		"    distractors: [\"three\\nlines ~ #3\"]\n    explanation: x\n    source: day-01-a/01-one.md\n")},
}

// TestGIFTReadByGIFTPegjs parses the GIFT exports with gift-pegjs, the parser of GIFT
// editors and converters, and checks that every category and question arrives whole: the
// categories named as the quizzes (once Moodle splits the path), the questions with their
// names, types, texts, answers and keys.
func TestGIFTReadByGIFTPegjs(t *testing.T) {
	for _, tc := range []struct {
		name string
		fsys fs.FS
	}{
		{"bundled", os.DirFS(bundledCourse)},
		{"test", os.DirFS(testCourse)},
		{"tricky", trickyCourse},
	} {
		quizzes, langs := loadQuizzes(t, tc.fsys)
		for _, lang := range langs {
			t.Run(tc.name+"/"+lang, func(t *testing.T) {
				data, diags := Quizzes(tc.fsys, "gift", lang, nil)
				if diags.HasErrors() {
					t.Fatal(diags)
				}
				checkGIFT(t, quizzes, renderer(lang), moodletest.ParseGIFT(t, data))
			})
		}
	}
}

// TestMoodleXMLReadBack reads the Moodle XML exports back with encoding/xml and checks that
// every category and question is there, ordering questions as Moodle ordering questions.
func TestMoodleXMLReadBack(t *testing.T) {
	for _, tc := range []struct {
		name string
		fsys fs.FS
	}{
		{"bundled", os.DirFS(bundledCourse)},
		{"tricky", trickyCourse},
	} {
		quizzes, langs := loadQuizzes(t, tc.fsys)
		for _, lang := range langs {
			t.Run(tc.name+"/"+lang, func(t *testing.T) {
				data, diags := Quizzes(tc.fsys, "moodle-xml", lang, nil)
				if diags.HasErrors() {
					t.Fatal(diags)
				}
				checkMoodleXML(t, quizzes, lang, data)
			})
		}
	}
}

// loadQuizzes loads the course in fsys and returns its quizzes and languages.
func loadQuizzes(t *testing.T, fsys fs.FS) ([]*quiz.Quiz, []string) {
	t.Helper()
	var diags diag.List
	c := course.Load(fsys, &diags)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	quizzes := material.Of[*quiz.Quiz](c.Materials)
	if len(quizzes) == 0 {
		t.Fatal("the course has no quizzes")
	}
	return quizzes, c.Config.Languages
}

func renderer(lang string) exportRenderer {
	return exportRenderer{conv: markdown.New(markdown.Options{}), lang: lang, diags: &diag.List{}}
}

// giftTypes are the gift-pegjs types of the quiz types (ordering is matching in GIFT).
var giftTypes = map[quiz.Type]string{
	quiz.Single: "MC", quiz.Multiple: "MC", quiz.TrueFalse: "TF",
	quiz.Ordering: "Matching", quiz.Matching: "Matching", quiz.Reflection: "Essay",
}

func checkGIFT(t *testing.T, quizzes []*quiz.Quiz, r exportRenderer, got []moodletest.GIFTQuestion) {
	t.Helper()
	want := 0
	for _, q := range quizzes {
		want += 1 + len(q.Questions)
	}
	if len(got) != want {
		t.Fatalf("gift-pegjs read %d categories and questions, want %d", len(got), want)
	}
	html := func(t strictyaml.Text) string { return string(r.Markdown(t, true)) }
	i := 0
	for _, q := range quizzes {
		c := got[i]
		i++
		names, _ := moodletest.GIFTCategory("$CATEGORY: " + c.Title)
		if title := strings.Join(strings.Fields(q.Title.Get(r.lang)), " "); c.Type != "Category" || !slices.Equal(names, []string{"$course$", "top", title}) {
			t.Errorf("quiz %s: read %s %q, Moodle names %q, want the category $course$/top/%s", q.ID, c.Type, c.Title, names, title)
		}
		for _, x := range q.Questions {
			g := got[i]
			i++
			name := q.ID + "/" + x.ID
			if g.Title != name || g.Type != giftTypes[x.Type] {
				t.Errorf("%s: read %s %q, want %s %q", name, g.Type, g.Title, giftTypes[x.Type], name)
				continue
			}
			if g.Stem == nil || g.Stem.Text != string(r.Markdown(x.Prompt, false)) {
				t.Errorf("%s: stem %+v, want %q", name, g.Stem, r.Markdown(x.Prompt, false))
			}
			general := x.Explanation
			if x.Type == quiz.Reflection {
				general = x.ModelAnswer
			}
			if g.GlobalFeedback == nil || g.GlobalFeedback.Text != string(r.Markdown(general, false)) {
				t.Errorf("%s: general feedback %+v, want %q", name, g.GlobalFeedback, r.Markdown(general, false))
			}
			if got, want := giftAnswers(g), wantAnswers(x, html); got != want {
				t.Errorf("%s: answers\n%s\nwant\n%s", name, got, want)
			}
		}
	}
}

// giftAnswers writes what gift-pegjs read of a question's answers, one per line.
func giftAnswers(g moodletest.GIFTQuestion) string {
	var b strings.Builder
	switch g.Type {
	case "TF":
		fmt.Fprintf(&b, "%v\n", g.IsTrue)
	case "MC":
		for _, c := range g.Choices {
			switch {
			case c.Weight != nil:
				fmt.Fprintf(&b, "%g%% %s\n", *c.Weight, c.Text.Text)
			case c.IsCorrect:
				fmt.Fprintf(&b, "right %s\n", c.Text.Text)
			default:
				fmt.Fprintf(&b, "wrong %s\n", c.Text.Text)
			}
		}
	case "Matching":
		for _, p := range g.MatchPairs {
			fmt.Fprintf(&b, "%s -> %s\n", p.Subquestion.Text, p.Subanswer)
		}
	}
	return b.String()
}

// wantAnswers writes a question's answers as giftAnswers writes what gift-pegjs read.
func wantAnswers(x *quiz.Question, html func(strictyaml.Text) string) string {
	var b strings.Builder
	plain := func(t strictyaml.Text) string {
		return strings.Join(strings.Fields(material.PlainText(template.HTML(html(t)))), " ")
	}
	switch x.Type {
	case quiz.TrueFalse:
		fmt.Fprintf(&b, "%v\n", x.IsAnswer("true"))
	case quiz.Single:
		for _, o := range x.Options {
			mark := "wrong"
			if x.IsAnswer(o.ID) {
				mark = "right"
			}
			fmt.Fprintf(&b, "%s %s\n", mark, html(o.Text))
		}
	case quiz.Multiple:
		for _, o := range x.Options {
			weight := -100 / float64(len(x.Answer))
			if x.IsAnswer(o.ID) {
				weight = -weight
			}
			// GIFT weights have five decimals.
			fmt.Fprintf(&b, "%g%% %s\n", math.Round(weight*1e5)/1e5, html(o.Text))
		}
	case quiz.Ordering:
		for i, it := range x.Items {
			fmt.Fprintf(&b, "%d -> %s\n", i+1, plain(it.Text))
		}
	case quiz.Matching:
		for _, p := range x.Pairs {
			fmt.Fprintf(&b, "%s -> %s\n", html(p.Left), plain(p.Right))
		}
	}
	return b.String()
}

// mxDoc is the part of a Moodle XML file the tests read back.
type mxDoc struct {
	Questions []struct {
		Type     string `xml:"type,attr"`
		Category string `xml:"category>text"`
		Name     string `xml:"name>text"`
		Text     string `xml:"questiontext>text"`
		Answers  []struct {
			Fraction string `xml:"fraction,attr"`
			Text     string `xml:"text"`
		} `xml:"answer"`
		GradingType string `xml:"gradingtype"`
	} `xml:"question"`
}

// moodleTypes are the Moodle XML types of the quiz types.
var moodleTypes = map[quiz.Type]string{
	quiz.Single: "multichoice", quiz.Multiple: "multichoice", quiz.TrueFalse: "truefalse",
	quiz.Ordering: "ordering", quiz.Matching: "matching", quiz.Reflection: "essay",
}

func checkMoodleXML(t *testing.T, quizzes []*quiz.Quiz, lang string, data []byte) {
	t.Helper()
	var doc mxDoc
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("not well-formed XML: %v", err)
	}
	want := 0
	for _, q := range quizzes {
		want += 1 + len(q.Questions)
	}
	if len(doc.Questions) != want {
		t.Fatalf("read %d categories and questions, want %d", len(doc.Questions), want)
	}
	r := renderer(lang)
	i := 0
	for _, q := range quizzes {
		c := doc.Questions[i]
		i++
		names := moodletest.SplitCategoryPath(c.Category)
		if title := strings.Join(strings.Fields(q.Title.Get(lang)), " "); c.Type != "category" || !slices.Equal(names, []string{"$course$", "top", title}) {
			t.Errorf("quiz %s: read %s %q, Moodle names %q, want the category $course$/top/%s", q.ID, c.Type, c.Category, names, title)
		}
		for _, x := range q.Questions {
			m := doc.Questions[i]
			i++
			name := q.ID + "/" + x.ID
			if m.Name != name || m.Type != moodleTypes[x.Type] || m.Text != string(r.Markdown(x.Prompt, false)) {
				t.Errorf("%s: read %s %q %q, want %s %q %q", name, m.Type, m.Name, m.Text, moodleTypes[x.Type], name, r.Markdown(x.Prompt, false))
			}
			if x.Type != quiz.Ordering {
				continue
			}
			if m.GradingType != "ABSOLUTE_POSITION" || len(m.Answers) != len(x.Items) {
				t.Errorf("%s: grading %q with %d answers, want ABSOLUTE_POSITION with %d", name, m.GradingType, len(m.Answers), len(x.Items))
				continue
			}
			for k, it := range x.Items {
				if a := m.Answers[k]; a.Fraction != fmt.Sprint(k+1) || a.Text != string(r.Markdown(it.Text, true)) {
					t.Errorf("%s: answer %d is %q at %s, want %q at %d", name, k+1, a.Text, a.Fraction, r.Markdown(it.Text, true), k+1)
				}
			}
		}
	}
}
