package quiz

import "fmt"

// Response is what a learner answered to one question.
type Response struct {
	// Choices are the chosen option ids (single, multiple, true-false).
	Choices []string `json:"choices,omitempty"`
	// Order is the item ids in the learner's order (ordering).
	Order []string `json:"order,omitempty"`
	// Matches maps each pair id to the id of the right side chosen for it (matching);
	// distractors have the ids DistractorID(i).
	Matches map[string]string `json:"matches,omitempty"`
	// Text is a reflection.
	Text string `json:"text,omitempty"`
}

// DistractorID is the id of the i-th distractor (from 0) among a matching question's choices.
func DistractorID(i int) string { return "distractor-" + LetterID(i) }

// LetterID is the id of the i-th option, item or pair (from 0) when the file gives none:
// a, b, c... then o27, o28...
func LetterID(i int) string {
	if i < 26 {
		return string(rune('a' + i))
	}
	return fmt.Sprintf("o%d", i+1)
}
