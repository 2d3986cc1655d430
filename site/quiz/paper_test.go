package quiz_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"playbook/site/quiz"
)

// TestPaperVersions checks that the printed versions of an exam differ in question order
// and option order, keep every question, put reflections last, and that each version's key
// names, by printed letter, the options the author marked right.
func TestPaperVersions(t *testing.T) {
	extra := `  - id: order
    type: ordering
    prompt: P
    items: [one, two, three, four]
    explanation: E
  - id: match
    type: matching
    prompt: P
    pairs:
      - {left: L1, right: R1}
      - {left: L2, right: R2}
      - {left: L3, right: R3}
    distractors: [D1]
    explanation: E
  - id: tf
    type: true-false
    prompt: P
    answer: true
    explanation: E
  - id: think
    type: reflection
    prompt: P
    model_answer: M
`
	q := parseQuiz(t, choiceQuiz(30, 0, extra))
	a, b := quiz.Paper(q, "a"), quiz.Paper(q, "b")
	ids := func(p *quiz.Quiz) []string {
		var out []string
		for _, x := range p.Questions {
			out = append(out, x.ID)
		}
		return out
	}
	if slices.Equal(ids(a), ids(b)) {
		t.Error("versions A and B print the questions in the same order")
	}
	if slices.Equal(ids(a), ids(q)) {
		t.Error("version A prints the questions in the page's order")
	}
	for _, p := range []*quiz.Quiz{a, b} {
		got := slices.Sorted(slices.Values(ids(p)))
		if want := slices.Sorted(slices.Values(ids(q))); !slices.Equal(got, want) || ids(p)[len(got)-1] != "think" {
			t.Fatalf("%s: questions %v", p.ID, ids(p))
		}
	}
	sameOptions := 0
	byID := map[string]*quiz.Question{}
	for _, x := range q.Questions {
		byID[x.ID] = x
	}
	for _, x := range a.Questions {
		y := questionOf(b, x.ID)
		if x.Type == quiz.Single && slices.Equal(texts(x), texts(y)) {
			sameOptions++
		}
	}
	if sameOptions > 10 {
		t.Errorf("%d of 30 questions have their options in the same order in A and B", sameOptions)
	}
	for _, v := range quiz.PaperVersions {
		p := quiz.Paper(q, v)
		k := quiz.KeyOf(p, v)
		if k.Version != strings.ToUpper(v) || len(k.Answers) != len(p.Questions)-1 {
			t.Fatalf("key of %s: %+v", v, k)
		}
		for i, ans := range k.Answers {
			x := p.Questions[i]
			if ans.Number != i+1 {
				t.Fatalf("key of %s: answer %d numbered %d", v, i+1, ans.Number)
			}
			switch x.Type {
			case quiz.Single, quiz.Multiple:
				var marked []string
				for _, l := range strings.Split(ans.Marks, ", ") {
					marked = append(marked, x.Options[int(l[0]-'a')].Text.Get("en"))
				}
				if want := keyTexts(byID[x.ID]); !sameSet(marked, want) {
					t.Errorf("version %s, question %d (%s): the key marks %v, the author's right options are %v", v, i+1, x.ID, marked, want)
				}
			case quiz.TrueFalse:
				if ans.TrueFalse != "true" {
					t.Errorf("version %s: true/false key %q", v, ans.TrueFalse)
				}
			case quiz.Ordering:
				if len(strings.Split(ans.Marks, ", ")) != 4 || ans.Marks == "1, 2, 3, 4" {
					t.Errorf("version %s: ordering key %q (the printed order must not be the right one)", v, ans.Marks)
				}
				checkOrderingKey(t, p, x, ans.Marks)
			case quiz.Matching:
				checkMatchingKey(t, p, x, ans.Marks)
			}
		}
	}
}

// checkOrderingKey checks an ordering key against the printed items: the item printed at
// place i must be the one whose right position the key gives.
func checkOrderingKey(t *testing.T, p *quiz.Quiz, x *quiz.Question, marks string) {
	t.Helper()
	v := quiz.NewView(p, "en", textRenderer{}, false, false)
	for _, qv := range v.Questions {
		if qv.ID != x.ID {
			continue
		}
		for i, m := range strings.Split(marks, ", ") {
			n, _ := strconv.Atoi(m)
			if want := x.Items[n-1].ID; qv.Items[i].ID != want {
				t.Errorf("%s: printed item %d is %s, the key says position %d (%s)", p.ID, i+1, qv.Items[i].ID, n, want)
			}
		}
	}
}

// checkMatchingKey checks a matching key against the printed choices: the choice printed
// with the letter the key gives each term is that term's match.
func checkMatchingKey(t *testing.T, p *quiz.Quiz, x *quiz.Question, marks string) {
	t.Helper()
	letters := strings.Split(marks, ", ")
	if len(letters) != len(x.Pairs) {
		t.Fatalf("%s: matching key %q", p.ID, marks)
	}
	v := quiz.NewView(p, "en", textRenderer{}, false, false)
	for _, qv := range v.Questions {
		if qv.ID != x.ID {
			continue
		}
		for i, pr := range x.Pairs {
			if got := string(qv.Rights[letters[i][0]-'A'].Text); got != pr.Right.Get("en") {
				t.Errorf("%s: the key matches %s with %s (%q), want %q", p.ID, pr.Left.Get("en"), letters[i], got, pr.Right.Get("en"))
			}
		}
	}
}

func questionOf(q *quiz.Quiz, id string) *quiz.Question {
	for _, x := range q.Questions {
		if x.ID == id {
			return x
		}
	}
	return nil
}

func sameSet(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}
