package quiz

import "playbook/site/quiz/order"

// Arrange puts the options of every single and multiple question of q into the order its
// pages, packs, exports and search index show, so that the position of an option tells
// nothing about the key: the order is a permutation seeded by the quiz id and the question
// id alone (two builds agree), never by which options are right. Questions marked
// keep_order keep the authored order.
//
// Options the file did not name (a, b, c... by authored position) are named again by their
// new position, and the answer follows them; options with ids from the file keep them.
// Arrange is called once, when the quiz is read; the page may still shuffle on screen.
func Arrange(q *Quiz) {
	for _, x := range q.Questions {
		if (x.Type != Single && x.Type != Multiple) || x.KeepOrder || len(x.Options) < 2 {
			continue
		}
		arrange(x, Arrangement(q.ID, x.ID, len(x.Options)))
	}
}

// arrange puts the options of x in order (order[i] is the current index of the option to
// show at i), naming unnamed options again by their new position with the key following.
func arrange(x *Question, order []int) {
	lettered := true
	for i, o := range x.Options {
		lettered = lettered && o.ID == LetterID(i)
	}
	arranged := make([]*Option, len(order))
	renamed := map[string]string{}
	for to, from := range order {
		o := *x.Options[from]
		if lettered {
			renamed[o.ID] = LetterID(to)
			o.ID = LetterID(to)
		}
		arranged[to] = &o
	}
	x.Options = arranged
	if lettered {
		answer := make([]string, len(x.Answer))
		for i, a := range x.Answer {
			answer[i] = renamed[a]
		}
		sortByOption(answer, x.Options)
		x.Answer = answer
	}
}

// Arrangement returns, for n options of question questionID in quiz quizID, the authored
// index of the option shown at each position. It depends on the ids and n only.
func Arrangement(quizID, questionID string, n int) []int {
	return order.Rand(quizID, questionID, "options").Perm(n)
}

// sortByOption orders ids as the options that carry them.
func sortByOption(ids []string, options []*Option) {
	at := map[string]int{}
	for i, o := range options {
		at[o.ID] = i
	}
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && at[ids[j]] < at[ids[j-1]]; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
}
