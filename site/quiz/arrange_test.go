package quiz_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"playbook/site/diag"
	"playbook/site/quiz"
	"playbook/site/quiz/quizfile"
)

// choiceQuiz writes a quiz of n single-choice questions with four options "right-i",
// "wrong-i-1".., the right one authored at position answerAt (0-3), and one multiple
// question whose right options are authored first.
func choiceQuiz(n, answerAt int, extra string) []byte {
	var b strings.Builder
	b.WriteString("id: arranged\ntitle: T\nday: 1\nquestions:\n")
	for i := range n {
		opts := []string{fmt.Sprintf("wrong-%d-1", i), fmt.Sprintf("wrong-%d-2", i), fmt.Sprintf("wrong-%d-3", i)}
		opts = slices.Insert(opts, answerAt, fmt.Sprintf("right-%d", i))
		fmt.Fprintf(&b, "  - id: q%d\n    type: single\n    prompt: P\n    options: [%s]\n    answer: %s\n    explanation: E\n",
			i, strings.Join(opts, ", "), quiz.LetterID(answerAt))
	}
	b.WriteString("  - id: multi\n    type: multiple\n    prompt: P\n    options: [right-x, right-y, wrong-x, wrong-y]\n    answer: [a, b]\n    explanation: E\n")
	b.WriteString(extra)
	return []byte(b.String())
}

func parseQuiz(t *testing.T, src []byte) *quiz.Quiz {
	t.Helper()
	var d diag.List
	q := quizfile.Parse("q.yaml", src, []string{"en"}, &d)
	if len(d) > 0 || q == nil {
		t.Fatalf("%v", d)
	}
	return q
}

func texts(x *quiz.Question) []string {
	var out []string
	for _, o := range x.Options {
		out = append(out, o.Text.Get("en"))
	}
	return out
}

func keyTexts(x *quiz.Question) []string {
	var out []string
	for _, o := range x.Options {
		if x.IsAnswer(o.ID) {
			out = append(out, o.Text.Get("en"))
		}
	}
	return out
}

// TestArrangedKeyFollowsItsText checks that after the build arranged the options, the key
// still names the options the author marked right, and that unnamed options are lettered
// by their new position.
func TestArrangedKeyFollowsItsText(t *testing.T) {
	for at := range 4 {
		q := parseQuiz(t, choiceQuiz(50, at, ""))
		for i, x := range q.Questions[:50] {
			if got := keyTexts(x); !slices.Equal(got, []string{fmt.Sprintf("right-%d", i)}) {
				t.Fatalf("authored at %d, question %s: the key names %v", at, x.ID, got)
			}
			for j, o := range x.Options {
				if o.ID != quiz.LetterID(j) {
					t.Fatalf("question %s: option %d has id %q", x.ID, j, o.ID)
				}
			}
		}
		multi := q.Questions[50]
		if got := keyTexts(multi); len(got) != 2 || !slices.Contains(got, "right-x") || !slices.Contains(got, "right-y") {
			t.Errorf("multiple: the key names %v", got)
		}
	}
}

// TestArrangementIgnoresTheKey checks that the order of the options does not depend on which
// is right: the same options with the right one authored at any position are shown in the
// same order of texts, apart from the right option's text itself.
func TestArrangementIgnoresTheKey(t *testing.T) {
	var orders [4][][]string
	for at := range 4 {
		q := parseQuiz(t, choiceQuiz(40, at, ""))
		for _, x := range q.Questions[:40] {
			// The options differ only by which authored slot holds the right text; the
			// arrangement must map authored slots to the same positions whatever at is.
			orders[at] = append(orders[at], arrangedSlots(x, at))
		}
	}
	for at := 1; at < 4; at++ {
		for i := range orders[0] {
			if !slices.Equal(orders[at][i], orders[0][i]) {
				t.Fatalf("question q%d: authored slots shown as %v with the key at a, %v with the key at %s",
					i, orders[0][i], orders[at][i], quiz.LetterID(at))
			}
		}
	}
}

// arrangedSlots tells, for each shown position, which authored slot (0-3) its option came
// from, given that the right option was authored at slot at.
func arrangedSlots(x *quiz.Question, at int) []string {
	var slots []string
	for _, text := range texts(x) {
		slot := at
		if strings.HasPrefix(text, "wrong-") {
			n := int(text[len(text)-1] - '1') // wrong-i-1.. are the other slots in order
			if n >= at {
				n++
			}
			slot = n
		}
		slots = append(slots, quiz.LetterID(slot))
	}
	return slots
}

// TestArrangedKeysSpread checks that with the worst authoring habit (the right option always
// first) the arranged keys are spread over the four positions as a fair die would spread
// them: a chi-square test at the 0.1% level over 2,000 questions.
func TestArrangedKeysSpread(t *testing.T) {
	q := parseQuiz(t, choiceQuiz(2000, 0, ""))
	var count [4]int
	for _, x := range q.Questions[:2000] {
		count[slices.Index(x.Options, optionWithText(x, keyTexts(x)[0]))]++
	}
	chi := 0.0
	for _, c := range count {
		d := float64(c) - 500
		chi += d * d / 500
	}
	if chi > 16.27 { // chi-square, 3 degrees of freedom, p = 0.001
		t.Errorf("keys per position %v (chi-square %.1f): the arrangement is not spread", count, chi)
	}
}

func optionWithText(x *quiz.Question, text string) *quiz.Option {
	for _, o := range x.Options {
		if o.Text.Get("en") == text {
			return o
		}
	}
	return nil
}

// TestArrangeKeepsNamesAndOrder checks that options named in the file keep their ids, and
// that keep_order keeps the authored order.
func TestArrangeKeepsNamesAndOrder(t *testing.T) {
	extra := `  - id: named
    type: single
    prompt: P
    options:
      - {id: yes, text: Yes}
      - {id: no, text: No}
      - {id: maybe, text: Maybe}
      - {id: never, text: Never}
    answer: yes
    explanation: E
  - id: scale
    type: single
    keep_order: true
    prompt: P
    options: [1-2, 3-5, 6-10, more than 10]
    answer: b
    explanation: E
`
	q := parseQuiz(t, choiceQuiz(0, 0, extra))
	named, scale := q.Questions[1], q.Questions[2]
	if got := keyTexts(named); !slices.Equal(got, []string{"Yes"}) || !slices.Equal(named.Answer, []string{"yes"}) {
		t.Errorf("named options: key %v (%v)", named.Answer, got)
	}
	if got := texts(scale); !slices.Equal(got, []string{"1-2", "3-5", "6-10", "more than 10"}) || !slices.Equal(scale.Answer, []string{"b"}) {
		t.Errorf("keep_order: options %v, key %v", got, scale.Answer)
	}
}

// TestSearchTextInShownOrder checks that the search index's text of a question lists its
// options in the order the page shows them, not in the order written (where the key was
// first).
func TestSearchTextInShownOrder(t *testing.T) {
	q := parseQuiz(t, choiceQuiz(20, 0, ""))
	v := quiz.NewView(q, "en", textRenderer{}, false, false)
	for i, s := range v.Search()[:20] {
		var shown []string
		for _, o := range v.Questions[i].Options {
			shown = append(shown, string(o.Text))
		}
		if !strings.HasPrefix(s.Text, strings.Join(shown, " ")) {
			t.Errorf("question %d: search text %q, shown %v", i, s.Text, shown)
		}
	}
}
