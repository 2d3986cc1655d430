// Package moodle writes quizzes in the formats Moodle (and most LMSs) import: GIFT and
// Moodle XML, with texts rendered as HTML.
package moodle

import (
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"playbook/site/material"
	"playbook/site/quiz"
	"playbook/site/strictyaml"
)

// WriteGIFT writes quizzes in Moodle's GIFT format, with texts in lang rendered by r as HTML.
// Each quiz becomes a category. Ordering questions become matching questions (position ->
// step), the closest core Moodle type. GIFT cannot express matching distractors; they are
// listed in comments before the question (Moodle XML keeps them).
func WriteGIFT(w io.Writer, quizzes []*quiz.Quiz, lang string, r quiz.Renderer) error {
	var b strings.Builder
	b.WriteString("// Exported by Playbook. Import in Moodle: Question bank > Import > GIFT format.\n\n")
	for _, q := range quizzes {
		fmt.Fprintf(&b, "%s\n\n", giftCategory(q.Title.Get(lang)))
		for _, x := range q.Questions {
			writeGIFTQuestion(&b, q, x, r)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeGIFTQuestion(b *strings.Builder, q *quiz.Quiz, x *quiz.Question, r quiz.Renderer) {
	rich := func(t strictyaml.Text, inline bool) string { return giftEscape(string(r.Markdown(t, inline))) }
	plain := func(t strictyaml.Text) string { return giftEscape(material.PlainText(r.Markdown(t, true))) }
	feedback := func(t strictyaml.Text) string {
		if t.IsZero() {
			return ""
		}
		return "#" + rich(t, true)
	}
	fmt.Fprintf(b, "// %s/%s: %s, %s points\n", q.ID, x.ID, x.Type, quiz.FormatPoints(x.Points))
	// Comments go before the question: Moodle drops comment lines anywhere, but other GIFT
	// readers (gift-pegjs) refuse them inside the answers.
	for _, d := range x.Distractors {
		fmt.Fprintf(b, "// distractor (not expressible in GIFT): %s\n", giftComment(material.PlainText(r.Markdown(d, true))))
	}
	fmt.Fprintf(b, "::%s::[html]%s {\n", giftEscape(q.ID+"/"+x.ID), rich(x.Prompt, false))
	switch x.Type {
	case quiz.Single:
		for _, o := range x.Options {
			mark := "~"
			if x.IsAnswer(o.ID) {
				mark = "="
			}
			fmt.Fprintf(b, "\t%s%s%s\n", mark, rich(o.Text, true), feedback(o.Feedback))
		}
	case quiz.Multiple:
		share := 100 / float64(len(x.Answer))
		for _, o := range x.Options {
			weight := -share
			if x.IsAnswer(o.ID) {
				weight = share
			}
			fmt.Fprintf(b, "\t~%%%s%%%s%s\n", moodleWeight(weight), rich(o.Text, true), feedback(o.Feedback))
		}
	case quiz.TrueFalse:
		right, wrong := x.Options[0], x.Options[1]
		if !x.IsAnswer("true") {
			right, wrong = wrong, right
		}
		// {TRUE#feedback for a wrong answer#feedback for a right answer}
		fmt.Fprintf(b, "\t%s%s%s\n", strings.ToUpper(right.ID), feedback(wrong.Feedback), feedback(right.Feedback))
	case quiz.Ordering:
		for i, it := range x.Items {
			fmt.Fprintf(b, "\t=%d -> %s\n", i+1, plain(it.Text))
		}
	case quiz.Matching:
		for _, p := range x.Pairs {
			fmt.Fprintf(b, "\t=%s -> %s\n", rich(p.Left, true), plain(p.Right))
		}
	}
	general := x.Explanation
	if general.IsZero() {
		general = x.ModelAnswer
	}
	if !general.IsZero() {
		fmt.Fprintf(b, "\t####%s\n", rich(general, false))
	}
	b.WriteString("}\n\n")
}

// giftEscape escapes GIFT's special characters and line breaks, so any text is safe inside
// a question.
func giftEscape(s string) string {
	var b strings.Builder
	for _, c := range strings.TrimSpace(s) {
		switch c {
		case '~', '=', '#', '{', '}', ':', '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// giftComment returns s on one line, for a comment: a comment ends at the line break.
func giftComment(s string) string { return strings.Join(strings.Fields(s), " ") }

// moodleWeight formats a grade percentage with the five decimals Moodle lists its fractions in.
func moodleWeight(w float64) string {
	s := strconv.FormatFloat(w, 'f', 5, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// PlainText returns the text of rendered HTML, for places that take no markup.
func PlainText(h template.HTML) string { return material.PlainText(h) }
