package lint

import (
	"playbook/site/diag"
	"playbook/site/quiz"
)

// NearDuplicate is the share of distinctive terms two prompts must have in common (of all
// the terms either has) to be reported as asking the same thing.
const NearDuplicate = 0.5

// minTerms is the fewest distinctive terms a prompt needs to be compared: shorter prompts
// ("Put the steps in order") say too little to be duplicates.
const minTerms = 4

// Across warns, for every pair of questions in the quizzes (in one quiz or two), when their
// prompts share at least NearDuplicate of their distinctive terms in some language: an exam
// that repeats the self-checks measures memory of the self-check, not understanding. The
// later question in course order gets the warning, which names the earlier one.
func Across(quizzes []*quiz.Quiz, langs []string, diags *diag.List) {
	type prompt struct {
		q     *quiz.Quiz
		x     *quiz.Question
		terms []map[string]bool
	}
	var seen []prompt
	for _, q := range quizzes {
		for _, x := range q.Questions {
			p := prompt{q: q, x: x}
			for _, lang := range langs {
				p.terms = append(p.terms, terms(x.Prompt.Get(lang)))
			}
			for _, earlier := range seen {
				for i, lang := range langs {
					share := jaccard(earlier.terms[i], p.terms[i])
					if share < NearDuplicate {
						continue
					}
					diags.Warnf(x.Pos, "question %q repeats the prompt of %s question %q (%s): %d%% of their words are the same (%s); ask something new, or apply the framework to a new case",
						x.ID, earlier.q.ID, earlier.x.ID, earlier.x.Pos, int(share*100+0.5), lang)
					break
				}
			}
			seen = append(seen, p)
		}
	}
}

// jaccard is the share of terms two sets have in common among all their terms; 0 when
// either is too short to compare.
func jaccard(a, b map[string]bool) float64 {
	if len(a) < minTerms || len(b) < minTerms {
		return 0
	}
	both := 0
	for t := range a {
		if b[t] {
			both++
		}
	}
	return float64(both) / float64(len(a)+len(b)-both)
}
