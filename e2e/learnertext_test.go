package e2e

import (
	"html"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"playbook/site/pipeline"
)

// sourceWords are the words that betray the course's source documents or the trainer's
// script in a learner's page: the course speaks in its own voice, and attribution belongs in
// the trainer notes.
var sourceWords = regexp.MustCompile(`(?i)\bseeds?\b|\bseed \d{3}|\bsource documents?\b|\baccording to the sources?\b|` +
	`\bthe sources?(?:'s|’s| says| said| lists| gives| divides| attaches| calls| puts| describes| adds| notes| recommends| suggests| warns| uses| names| defines| treats| is firm| goes on)\b|` +
	`资料的说法|资料中的描述|按照资料(?:[^卡]|$)|据资料(?:[^卡]|$)|原资料|原始资料|资料提到|资料里说|种子|原文(?:[^件]|$)`)

var (
	scriptOrStyle = regexp.MustCompile(`(?is)<(script|style)\b.*?</(?:script|style)>`)
	anyTag        = regexp.MustCompile(`<[^>]+>`)
)

// TestLearnerPagesSpeakForThemselves builds the learner edition of the bundled course and
// fails on any word of sourceWords in the text of its pages (scripts and styles left out) or
// in its search index, listing where.
func TestLearnerPagesSpeakForThemselves(t *testing.T) {
	res := pipeline.Build(os.DirFS(repoRoot), pipeline.Options{Edition: pipeline.Learner})
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	found := map[string][]string{}
	pages := 0
	for _, p := range res.Site.Paths() {
		data, _ := res.Site.Get(p)
		var text string
		switch {
		case strings.HasSuffix(p, ".html"):
			pages++
			text = html.UnescapeString(anyTag.ReplaceAllString(scriptOrStyle.ReplaceAllString(string(data), " "), " "))
		case strings.Contains(p, "search") && (strings.HasSuffix(p, ".json") || strings.HasSuffix(p, ".js")):
			text = string(data)
		default:
			continue
		}
		for _, m := range sourceWords.FindAllStringIndex(text, -1) {
			from, to := max(0, m[0]-40), min(len(text), m[1]+40)
			found[p] = append(found[p], strings.Join(strings.Fields(text[from:to]), " "))
		}
	}
	if pages < 100 {
		t.Fatalf("only %d pages: the build changed?", pages)
	}
	var paths []string
	for p := range found {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		t.Errorf("%s: %d source words, e.g. %q", p, len(found[p]), found[p][0])
	}
}
