package quiz

import (
	"strconv"
	"strings"

	"playbook/site/quiz/order"
)

// PaperVersions are the versions an exam is printed in for a classroom, so that neighbours
// do not share an answer sheet.
var PaperVersions = []string{"a", "b"}

// Paper returns exam q as printed in version v ("a", "b"): its scored questions in an order
// drawn from the quiz id and the version, its reflections last, and the options of every
// question arranged again for the version (keep_order kept), so that two versions differ in
// question and option order. The copy has the id "<id>-<v>", which also draws new orders
// for ordering items and matching choices; q is not changed.
func Paper(q *Quiz, v string) *Quiz {
	p := *q
	p.ID = q.ID + "-" + v
	p.ShuffleQuestions, p.ShuffleOptions = false, false
	var scored, open []*Question
	for _, x := range q.Questions {
		c := *x
		if (c.Type == Single || c.Type == Multiple) && !c.KeepOrder {
			arrange(&c, Arrangement(p.ID, c.ID, len(c.Options)))
		}
		if c.Scored() {
			scored = append(scored, &c)
		} else {
			open = append(open, &c)
		}
	}
	rng := order.Rand(q.ID, "paper", v)
	rng.Shuffle(len(scored), func(i, j int) { scored[i], scored[j] = scored[j], scored[i] })
	p.Questions = append(scored, open...)
	return &p
}

// PaperKey is the answer key of a printed version: per question, in printed order, the
// answer as marked on paper.
type PaperKey struct {
	Version string
	Answers []PaperAnswer
}

// PaperAnswer is the key of one printed question.
type PaperAnswer struct {
	Number int
	// Marks are the letters of the right options (single, multiple), the position to write
	// beside each item in printed order (ordering), or the letter of each term's match in
	// printed order (matching); for true/false, TrueFalse is "true" or "false" instead.
	Marks     string
	TrueFalse string
}

// KeyOf returns the paper key of p, a quiz returned by Paper, as printed: options lettered
// a, b, c in printed order, matching choices A, B, C.
func KeyOf(p *Quiz, version string) PaperKey {
	k := PaperKey{Version: strings.ToUpper(version)}
	for i, x := range p.Questions {
		a := PaperAnswer{Number: i + 1}
		switch x.Type {
		case Single, Multiple:
			var marks []string
			for j, o := range x.Options {
				if x.IsAnswer(o.ID) {
					marks = append(marks, LetterID(j))
				}
			}
			a.Marks = strings.Join(marks, ", ")
		case TrueFalse:
			if len(x.Answer) == 1 {
				a.TrueFalse = x.Answer[0]
			}
		case Ordering:
			var marks []string
			for _, at := range order.Derangement(questionRand(p, x), len(x.Items)) {
				marks = append(marks, strconv.Itoa(at+1))
			}
			a.Marks = strings.Join(marks, ", ")
		case Matching:
			letter := map[string]string{}
			for j, c := range matchChoices(x, questionRand(p, x)) {
				letter[c.Pair] = strings.ToUpper(LetterID(j))
			}
			var marks []string
			for _, pr := range x.Pairs {
				marks = append(marks, letter[pr.ID])
			}
			a.Marks = strings.Join(marks, ", ")
		default:
			continue
		}
		k.Answers = append(k.Answers, a)
	}
	return k
}
