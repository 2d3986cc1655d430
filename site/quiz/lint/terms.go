package lint

import (
	"slices"
	"unicode/utf8"

	"playbook/site/search/tokenize"
)

// stopWords are English words too common to say anything about a question, as the
// tokenizer stems them.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"the", "and", "for", "are", "was", "were", "which", "what", "this", "that",
		"with", "from", "have", "has", "had", "not", "but", "you", "your", "they", "their", "them", "its",
		"who", "when", "where", "how", "why", "does", "did", "can", "could", "would", "should", "will",
		"into", "than", "then", "there", "these", "those", "about", "most", "more", "each", "all", "any",
		"some", "other", "only", "also", "been", "being", "our", "out", "per", "own", "one", "her", "his",
		"she", "him", "just", "very", "what's", "it's", "doe", "true", "false", "following", "best", "first"} {
		m[tokenize.Stem(w)] = true
	}
	return m
}()

// terms returns the distinctive terms of a text: stemmed Latin words of three letters or
// more that are not stop words, numbers, and CJK bigrams.
func terms(text string) map[string]bool {
	out := map[string]bool{}
	for _, t := range tokenize.Text(text) {
		switch {
		case cjk(t.Term):
			if utf8.RuneCountInString(t.Term) == 2 {
				out[t.Term] = true
			}
		case isNumber(t.Term) || (len(t.Term) >= 3 && !stopWords[t.Term]):
			out[t.Term] = true
		}
	}
	return out
}

// addTerms adds the terms of text to set.
func addTerms(set map[string]bool, text string) {
	for t := range terms(text) {
		set[t] = true
	}
}

// without returns the terms not in set.
func without(list []string, set map[string]bool) []string {
	var out []string
	for _, t := range list {
		if !set[t] {
			out = append(out, t)
		}
	}
	return out
}

// common returns the terms in both sets, sorted.
func common(a, b map[string]bool) []string {
	var out []string
	for t := range a {
		if b[t] {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return out
}

func cjk(term string) bool {
	r, _ := utf8.DecodeRuneInString(term)
	return tokenize.IsCJK(r)
}

func isNumber(term string) bool {
	for _, r := range term {
		if r < '0' || r > '9' {
			return false
		}
	}
	return term != ""
}
