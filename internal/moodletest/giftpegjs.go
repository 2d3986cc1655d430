// Package moodletest reads quiz exports back as the tools that import them read them: the
// category paths as Moodle's importers split them, and GIFT through gift-pegjs, the parser
// of GIFT editors and converters, run by Node.js.
//
// gift-pegjs is one of the repository's npm tools (tools/node, installed by `npm ci --prefix
// tools/node`; .ci/run does it). When Node.js or the package is missing, the tests that need
// them are skipped, unless PLAYBOOK_REQUIRE_TOOLS is 1 (see internal/nodetool).
package moodletest

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"playbook/internal/nodetool"
)

// GIFTQuestion is a question, or a category, as gift-pegjs reads it: the fields the tests
// compare.
type GIFTQuestion struct {
	Type           string       `json:"type"`  // Category, Description, MC, TF, Matching, Essay...
	Title          string       `json:"title"` // a category's path, or a question's name
	Stem           *GIFTText    `json:"stem"`
	GlobalFeedback *GIFTText    `json:"globalFeedback"`
	IsTrue         bool         `json:"isTrue"`
	Choices        []GIFTChoice `json:"choices"`
	MatchPairs     []GIFTPair   `json:"matchPairs"`
}

// GIFTText is a text and its format (html, plain, markdown, moodle).
type GIFTText struct {
	Format string `json:"format"`
	Text   string `json:"text"`
}

// GIFTChoice is an answer of a multiple-choice question: right ("="), or weighted ("~%50%").
type GIFTChoice struct {
	IsCorrect bool     `json:"isCorrect"`
	Weight    *float64 `json:"weight"`
	Text      GIFTText `json:"text"`
}

// GIFTPair is a pair of a matching question.
type GIFTPair struct {
	Subquestion GIFTText `json:"subquestion"`
	// Subanswer is the right side. gift-pegjs 1.0.2 reads its escapes (\: \=...) into
	// placeholders (&&058; &&061;...) as it does everywhere, but, there alone, never turns
	// them back into characters; ParseGIFT does, as Moodle's importer does there
	// (escapedchar_post).
	Subanswer string `json:"subanswer"`
}

// ParseGIFT parses gift with gift-pegjs and returns what it read, in order. A syntax error
// fails the test with gift-pegjs's message and position; a missing Node.js or gift-pegjs
// skips it (see the package documentation).
func ParseGIFT(t testing.TB, gift []byte) []GIFTQuestion {
	t.Helper()
	node, script := requireGIFTPegjs(t)
	cmd := exec.Command(node, script)
	cmd.Stdin = bytes.NewReader(gift)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("gift-pegjs rejects the GIFT: %v\n%s", err, stderr.Bytes())
	}
	var qs []GIFTQuestion
	if err := json.Unmarshal(stdout.Bytes(), &qs); err != nil {
		t.Fatalf("reading gift-pegjs's output: %v", err)
	}
	for _, q := range qs {
		for i := range q.MatchPairs {
			q.MatchPairs[i].Subanswer = placeholders.Replace(q.MatchPairs[i].Subanswer)
		}
	}
	return qs
}

// placeholders turns the placeholders of escaped characters back into the characters, as
// Moodle's escapedchar_post (question/format/gift/format.php) and gift-pegjs's
// escapedCharacterDecode do.
var placeholders = strings.NewReplacer("&&092;", `\`, "&&058;", ":", "&&035;", "#", "&&061;", "=",
	"&&123;", "{", "&&125;", "}", "&&126;", "~", "&&010", "\n")

// requireGIFTPegjs returns the paths of node and of the parsing script, or skips the test
// (fails it when PLAYBOOK_REQUIRE_TOOLS=1).
func requireGIFTPegjs(t testing.TB) (node, script string) {
	t.Helper()
	node = nodetool.Command(t, "node", "nodejs")
	dir := filepath.Dir(nodetool.Module(t, "gift-pegjs")) // tools/node/node_modules
	return node, filepath.Join(filepath.Dir(dir), "gift-parse.js")
}
