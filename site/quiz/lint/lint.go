// Package lint reviews how quiz questions are written, as an experienced item writer would
// before a quiz goes to learners: it warns where the form of the options gives the answer
// away (the right option always in one place, always the longest, true/false keys mostly
// one way, a match that repeats its term, a right option that alone echoes the prompt), where
// a select-all question has a single wrong option, and where two prompts ask nearly the same
// thing. Every finding is a warning with its position (docs/quizzes.md, "Item writing").
package lint

import (
	"fmt"
	"strings"

	"playbook/site/diag"
	"playbook/site/quiz"
)

// Quiz reports the item-writing flaws of one quiz, in every language, as warnings. It
// judges the options in the order learners see them (after quiz.Arrange).
func Quiz(q *quiz.Quiz, langs []string, diags *diag.List) {
	keyPosition(q, diags)
	for _, lang := range langs {
		keyLongest(q, lang, diags)
	}
	trueFalseBalance(q, diags)
	for _, x := range q.Questions {
		if x.Type == quiz.Multiple && len(x.Options) > 0 && len(x.Options)-len(x.Answer) < 2 {
			diags.Warnf(x.Pos, "question %q: a select-all question with a single wrong option is answered by finding the odd one out; add a second plausible wrong option", x.ID)
		}
		for _, lang := range langs {
			matchEchoesTerm(x, lang, diags)
			keyEchoesPrompt(x, lang, diags)
		}
	}
}

// positionLevel is how unlikely by chance the right option's place must be before it is
// reported.
const positionLevel = 0.01

// lengthLevel is the same for the right option being the longest.
const lengthLevel = 0.05

// keyPosition warns when, among the single-choice questions whose order the author kept
// (keep_order), the right option of most is in the same place, more often than chance would
// put it there: a writing habit a learner can exploit. The build arranges every other
// question by a draw that ignores the key (quiz.Arrange); a run in such a draw is chance,
// and gives a learner nothing to go by.
func keyPosition(q *quiz.Quiz, diags *diag.List) {
	var singles []*quiz.Question
	most := 0
	for _, x := range q.Questions {
		if x.Type == quiz.Single && x.KeepOrder && len(x.Options) >= 2 && len(x.Answer) == 1 {
			singles = append(singles, x)
			most = max(most, len(x.Options))
		}
	}
	if len(singles) < 4 {
		return
	}
	for at := range most {
		var hits []string
		chances := make([]float64, len(singles))
		for i, x := range singles {
			if at < len(x.Options) {
				chances[i] = 1 / float64(len(x.Options))
				if x.Options[at].ID == x.Answer[0] {
					hits = append(hits, x.ID)
				}
			}
		}
		if 2*len(hits) <= len(singles) {
			continue
		}
		if p := tail(chances, len(hits)); p < positionLevel {
			diags.Warnf(q.Pos, "the right option is shown in position %s in %d of %d single-choice questions that keep their order (%s); chance alone does that less than once in %d quizzes, so a learner who guesses %s scores well: remove keep_order where the order does not matter, or move the right option",
				quiz.LetterID(at), len(hits), len(singles), list(hits), odds(p), quiz.LetterID(at))
		}
	}
}

// keyLongest warns when, in one language, the right option is the longest in most choice
// questions, more often than chance would make it.
func keyLongest(q *quiz.Quiz, lang string, diags *diag.List) {
	var chances []float64
	var hits []string
	for _, x := range q.Questions {
		if (x.Type != quiz.Single && x.Type != quiz.Multiple) || len(x.Options) < 3 || len(x.Answer) == 0 {
			continue
		}
		chances = append(chances, float64(len(x.Answer))/float64(len(x.Options)))
		if o := longest(x, lang); o != nil && x.IsAnswer(o.ID) {
			hits = append(hits, x.ID)
		}
	}
	if len(chances) < 4 || 2*len(hits) <= len(chances) {
		return
	}
	if p := tail(chances, len(hits)); p < lengthLevel {
		diags.Warnf(q.Pos, "%s: the right option is the longest in %d of %d choice questions (%s); learners learn to pick the longest answer: make the wrong options as full and specific as the right one, or trim the right one",
			lang, len(hits), len(chances), list(hits))
	}
}

// longest returns the option of x whose text is the longest in lang, nil on a tie.
func longest(x *quiz.Question, lang string) *quiz.Option {
	var best *quiz.Option
	bestLen, tie := -1, false
	for _, o := range x.Options {
		n := len([]rune(strings.TrimSpace(o.Text.Get(lang))))
		switch {
		case n > bestLen:
			best, bestLen, tie = o, n, false
		case n == bestLen:
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}

// trueFalseBalance warns when the true/false statements of a quiz are mostly true or mostly
// false: a learner who always answers the same way then passes them.
func trueFalseBalance(q *quiz.Quiz, diags *diag.List) {
	var trues, falses []string
	for _, x := range q.Questions {
		if x.Type != quiz.TrueFalse || len(x.Answer) != 1 {
			continue
		}
		if x.Answer[0] == "true" {
			trues = append(trues, x.ID)
		} else {
			falses = append(falses, x.ID)
		}
	}
	n := len(trues) + len(falses)
	if n < 3 {
		return
	}
	if d := len(trues) - len(falses); 2*abs(d) > n {
		word, ids := "false", falses
		if d > 0 {
			word, ids = "true", trues
		}
		diags.Warnf(q.Pos, "%d of %d true/false statements are %s (%s); a learner who always answers %s passes them: rewrite some so that about half are true and half false",
			len(ids), n, word, list(ids), word)
	}
}

// matchEchoesTerm warns when the match of a matching pair repeats a word of its own term
// that no other choice of the question has: the learner matches the words, not the meaning.
func matchEchoesTerm(x *quiz.Question, lang string, diags *diag.List) {
	if x.Type != quiz.Matching {
		return
	}
	for _, p := range x.Pairs {
		others := map[string]bool{}
		for _, o := range x.Pairs {
			if o != p {
				addTerms(others, o.Right.Get(lang))
			}
		}
		for _, d := range x.Distractors {
			addTerms(others, d.Get(lang))
		}
		if alone := without(common(terms(p.Left.Get(lang)), terms(p.Right.Get(lang))), others); len(alone) > 0 {
			diags.Warnf(p.Pos, "question %q, pair %s (%s): only its match repeats %s of the term, so the words give the pair away; reword the match",
				x.ID, p.ID, lang, quoted(alone))
		}
	}
}

// keyEchoesPrompt warns when a right option alone repeats distinctive words of the prompt:
// a learner picks it by its words, not by knowing the answer.
func keyEchoesPrompt(x *quiz.Question, lang string, diags *diag.List) {
	if x.Type != quiz.Single && x.Type != quiz.Multiple {
		return
	}
	prompt := terms(x.Prompt.Get(lang))
	others := map[string]bool{}
	for _, o := range x.Options {
		if !x.IsAnswer(o.ID) {
			addTerms(others, o.Text.Get(lang))
		}
	}
	for _, o := range x.Options {
		if !x.IsAnswer(o.ID) {
			continue
		}
		alone := without(common(prompt, terms(o.Text.Get(lang))), others)
		if echoes(alone) {
			diags.Warnf(o.Pos, "question %q, option %s (%s): only the right option repeats %s of the prompt; let a wrong option use those words too, or reword the right one",
				x.ID, o.ID, lang, quoted(alone))
		}
	}
}

// echoes reports whether shared terms are enough to point at an option: two words, or
// three CJK bigrams (one four-character word makes three).
func echoes(shared []string) bool {
	words, bigrams := 0, 0
	for _, t := range shared {
		if cjk(t) {
			bigrams++
		} else {
			words++
		}
	}
	return words >= 2 || bigrams >= 3
}

// tail returns the chance that independent events with the given chances happen at least
// k times (the Poisson binomial distribution).
func tail(chances []float64, k int) float64 {
	dist := []float64{1}
	for _, p := range chances {
		next := make([]float64, len(dist)+1)
		for i, v := range dist {
			next[i] += v * (1 - p)
			next[i+1] += v * p
		}
		dist = next
	}
	sum := 0.0
	for i := k; i < len(dist); i++ {
		sum += dist[i]
	}
	return sum
}

// odds writes a small chance as "N" of "once in N".
func odds(p float64) int {
	if p <= 0 {
		return 1000000
	}
	return int(1/p + 0.5)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// list writes ids for a message, at most six of them.
func list(ids []string) string {
	if len(ids) > 6 {
		return strings.Join(ids[:6], ", ") + fmt.Sprintf(" and %d more", len(ids)-6)
	}
	return strings.Join(ids, ", ")
}

func quoted(terms []string) string {
	q := make([]string, len(terms))
	for i, t := range terms {
		q[i] = fmt.Sprintf("%q", t)
	}
	return strings.Join(q, ", ")
}
